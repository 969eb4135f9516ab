/**
 * What the About screen shows admins: every setting's effective value and where it came from,
 * and every invalid value that was ignored (key, source, message). Values are JSON text, cut to
 * a readable length. Policy holds no secrets by design (the helpdesk config names secret-store
 * entries), so nothing needs hiding here.
 */
import { z } from 'zod';
import { policyKeys } from './schema.ts';
import type { EffectivePolicy } from './resolve.ts';

export const policySourceSchema = z.enum(['hklm', 'hkcu', 'mac-user', 'mac-machine', 'file', 'user', 'default']);

export const policyAboutSchema = z.object({
  settings: z.array(z.object({ key: z.string(), value: z.string(), source: policySourceSchema, location: z.string().optional() })),
  issues: z.array(z.object({ key: z.string(), source: policySourceSchema, message: z.string() })),
  /** Catalog files left out because they are broken (file:line:column and the linter's sentence for IT); filled in by the app. */
  catalogProblems: z.array(z.object({ file: z.string(), line: z.number().int(), column: z.number().int(), message: z.string() })).optional(),
});
export type PolicyAbout = z.infer<typeof policyAboutSchema>;

const maxValueLength = 300;

export function policyAbout(effective: EffectivePolicy): PolicyAbout {
  const values = effective.values as Record<string, unknown>;
  return {
    settings: policyKeys.map((key) => {
      const source = effective.sources[key];
      const raw = values[key];
      // Empty when nobody set it: the window says "not set" in the employee's language.
      const text = raw === undefined ? '' : JSON.stringify(raw);
      const location = effective.locations[source];
      return {
        key,
        value: text.length > maxValueLength ? `${text.slice(0, maxValueLength - 1)}…` : text,
        source,
        ...(location !== undefined && source !== 'default' ? { location } : {}),
      };
    }),
    issues: effective.issues.map((i) => ({ key: i.key, source: i.source, message: i.message })),
  };
}
