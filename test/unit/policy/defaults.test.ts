import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { policyDefaults, policyFields, policyKeys, policySchema } from '../../../core/policy/schema.ts';

describe('policy defaults read from the schema without parsing it (cold start, issue #17)', () => {
  it('equal what parsing an empty policy gives, key for key', () => {
    expect(policyDefaults()).toStrictEqual(policySchema.parse({}));
  });

  it('leave optional settings out and give every other setting its default', () => {
    const defaults = policyDefaults() as Record<string, unknown>;
    for (const key of policyKeys) {
      const optional = policyFields[key] instanceof z.ZodOptional;
      expect(Object.hasOwn(defaults, key), key).toBe(!optional);
    }
    expect(defaults.branding).toEqual({ name: 'Firstline' });
    expect(defaults.autostart).toBe(true);
  });

  it('hands out a fresh copy each time: changing one result never changes the schema default', () => {
    const first = policyDefaults();
    first.urlAllowlist.push('https://changed.example');
    (first.telemetry as { enabled: boolean }).enabled = true;
    const second = policyDefaults();
    expect(second.urlAllowlist).toEqual([]);
    expect(second.telemetry).toEqual({ enabled: false });
    expect(policySchema.parse({}).urlAllowlist).toEqual([]);
  });
});
