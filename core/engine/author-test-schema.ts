/**
 * The JSON Schema of author test files (`*.test.yaml`), generated from the zod schema the test
 * runner validates with (author-test.ts), shipped as troubleshooters/test.schema.json.
 */
import { z } from 'zod';
import { authorTestSchema } from './author-test.ts';

type JsonObject = Record<string, unknown>;

const descriptions: Record<string, string> = {
  troubleshooter: 'The troubleshooter file tested, relative to this file (default: this file\'s name without ".test").',
  cases: 'Test cases; each runs the real runner over simulated action results.',
  name: 'What the case proves, shown as PASS/FAIL.',
  platform: "Platform simulated (default: the troubleshooter's first platform).",
  lang: 'Language of the run (en, nl, fr, de).',
  policy: 'Policy values the run sees, e.g. { passwordResetUrl: "https://…" }.',
  answers: 'Answers per ask step id (yes/no answers are true/false).',
  consent: 'Whether the employee consents to changes (default true).',
  elevation: 'Whether administrator rights are granted (default true).',
  links: 'Whether opening a link succeeds (default true).',
  results: 'Simulated action results per step id and phase (check, fix, verify); { $throws: "message" } or { $timeout: true } instead of a result.',
  check: 'Result of the check action.',
  fix: 'Result of every fix action, or a list of results in order.',
  verify: 'Result of the re-check after the fixes.',
  expect: 'What must happen.',
  outcome: 'Expected outcome: resolved, not-resolved, needs-human, cancelled or error.',
  reason: 'Expected reasonCode of run-finished (verified, declined, needs-rights, …).',
  cause: 'Expected cause of run-finished, e.g. "proxy-blocking".',
  path: 'Steps that ran (not skipped), in order.',
  steps: 'Expected status per step id: passed, fixed, failed, skipped, error, timeout, refused.',
};

function describe(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(describe);
  if (!node || typeof node !== 'object') return;
  const obj = node as JsonObject;
  const props = obj.properties as Record<string, JsonObject> | undefined;
  if (props) for (const [key, child] of Object.entries(props)) if (descriptions[key] && typeof child.description !== 'string') child.description = descriptions[key];
  Object.values(obj).forEach(describe);
}

export function authorTestJsonSchema(): JsonObject {
  const schema = z.toJSONSchema(authorTestSchema, { target: 'draft-7', unrepresentable: 'any' }) as JsonObject;
  describe(schema);
  return { ...schema, title: 'Firstline author tests (*.test.yaml)', description: 'Simulated runs of a troubleshooter with asserted outcomes: `firstline test <folder>`.' };
}
