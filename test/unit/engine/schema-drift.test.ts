import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchema, schemaPath } from '../../../scripts/gen-schema.ts';

describe('troubleshooters/schema.json', () => {
  it('matches the JSON Schema generated from core/engine/schema.ts (run scripts/gen-schema.ts on drift)', () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(renderSchema());
  });

  it('is a closed draft 2020-12 schema that requires the metadata authors must provide', () => {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'version', 'title', 'summary', 'platforms', 'category', 'steps']));
  });
});
