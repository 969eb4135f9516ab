/**
 * Author tests: YAML files next to a troubleshooter (`<name>.test.yaml`) that give simulated
 * action results and answers and assert the path taken and the outcome. They run the real runner
 * over a simulated action layer (same names, input validation and consent rules as the real
 * actions; `run` returns the simulated result), so IT can test every branch without touching a
 * machine. Format:
 *
 *   troubleshooter: disk-space.yaml        # optional; default: this file's name without ".test"
 *   cases:
 *     - name: cleans up when the disk is full
 *       platform: linux                    # default: the troubleshooter's first platform
 *       answers: { still-slow: true }
 *       consent: true                      # employee's consent answer (default true)
 *       elevation: true                    # elevation granted (default true)
 *       results:                           # per step id, per phase
 *         free-space:
 *           check: { ok: true, data: { freePercent: 3 } }
 *           fix: { ok: true }              # one result for every fix action, or a list in order
 *           verify: { ok: true, data: { freePercent: 40 } }
 *           # instead of a result: { $throws: "message" } or { $timeout: true }
 *       expect:
 *         outcome: resolved
 *         reason: verified                 # optional: run-finished reasonCode (declined, needs-rights, …)
 *         cause: disk-full                 # optional: run-finished cause
 *         path: [free-space, still-slow]   # steps that ran (not skipped), in order
 *         steps: { free-space: fixed }
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ActionDefinition } from './action.ts';
import { defaultLang, langs } from '../kernel/lang.ts';
import { answerValueSchema, outcomeReasonSchema, type RunEvent } from './events.ts';
import { outcomeSchema } from './run-outcome.ts';
import { loadTroubleshooterFile, parseYamlMapping } from './loader.ts';
import { schemaDiagnostics, type Locator } from './source-diagnostics.ts';
import { coded, type Coded } from './lint-messages.ts';
import type { Diagnostic } from '../kernel/diagnostics.ts';
import { createRegistry, type ActionRegistry } from './registry.ts';
import { run } from './runner.ts';
import { platformSchema, type Troubleshooter } from './schema.ts';

const simResult = z.record(z.string(), z.unknown());
const stepStatus = z.enum(['passed', 'fixed', 'failed', 'skipped', 'error', 'timeout', 'refused']);

export const authorTestSchema = z.strictObject({
  troubleshooter: z.string().optional(),
  cases: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        platform: platformSchema.optional(),
        lang: z.enum(langs).optional(),
        policy: z.record(z.string(), z.unknown()).optional(),
        answers: z.record(z.string(), answerValueSchema).optional(),
        consent: z.boolean().optional(),
        elevation: z.boolean().optional(),
        links: z.boolean().optional(),
        results: z.record(z.string(), z.strictObject({ check: simResult.optional(), fix: z.union([simResult, z.array(simResult)]).optional(), verify: simResult.optional() })).optional(),
        expect: z.strictObject({
          outcome: outcomeSchema,
          /** Why it ended so (declined, not-installed, needs-rights, …): asserts the honest ending. */
          reason: outcomeReasonSchema.optional(),
          /** The cause the run names (run-finished `cause`), e.g. "proxy-blocking". */
          cause: z.string().optional(),
          path: z.array(z.string()).optional(),
          steps: z.record(z.string(), stepStatus).optional(),
        }),
      }),
    )
    .min(1),
});
export type AuthorTestCase = z.infer<typeof authorTestSchema>['cases'][number];
export type CaseResult = { file: string; name: string; pass: boolean; failures: string[] };
export type AuthorTestReport = { results: CaseResult[]; diagnostics: Diagnostic[] };

/** Wraps every real action: validated like the real one, but `run` returns the case's simulated result. */
export function simulatedRegistry(real: ActionRegistry, testCase: AuthorTestCase): ActionRegistry {
  const fixIndex = new Map<string, number>();
  const simulate = (def: ActionDefinition): ActionDefinition => ({
    ...def,
    async run(_input, ctx) {
      const step = ctx.stepId ?? '?';
      const phase = ctx.phase ?? 'check';
      const spec = testCase.results?.[step];
      let result: Record<string, unknown> | undefined;
      if (phase === 'fix') {
        const i = fixIndex.get(step) ?? 0;
        fixIndex.set(step, i + 1);
        result = Array.isArray(spec?.fix) ? spec.fix[i] : spec?.fix;
      } else {
        result = spec?.[phase];
      }
      if (!result) throw new Error(`No simulated result for step "${step}" (${phase}); add results.${step}.${phase} to the test case.`);
      if (typeof result.$throws === 'string') throw new Error(result.$throws);
      if (result.$timeout === true) {
        // Wait for the runner's own step timeout to abort us, as a hanging command would.
        await new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
      }
      return result;
    },
  });
  return createRegistry(real.list().map(simulate));
}

export async function runAuthorCase(
  troubleshooterFile: string,
  testCase: AuthorTestCase,
  registry: ActionRegistry,
  loaded: Awaited<ReturnType<typeof loadTroubleshooterFile>>,
  file: string,
): Promise<CaseResult> {
  const failures: string[] = [];
  if (!loaded.ok) return { file, name: testCase.name, pass: false, failures: [`${troubleshooterFile} does not load; run lint on it.`] };
  const ts = loaded.troubleshooter;
  const events: RunEvent[] = [];
  const stream = run(
    ts,
    {
      exec: { exec: () => Promise.reject(new Error('Author tests never run commands.')) },
      elevation: { request: async () => testCase.elevation ?? true },
      interaction: {
        ask: (stepId) => Promise.reject(new Error(`The case gives no answer for ask step "${stepId}"; add it under answers.`)),
        consent: async () => testCase.consent ?? true,
      },
      urlOpener: { open: async () => testCase.links ?? true },
    },
    {
      registry: simulatedRegistry(registry, testCase),
      catalogDir: path.dirname(troubleshooterFile),
      platform: testCase.platform ?? ts.platforms[0],
      lang: testCase.lang ?? defaultLang,
      policy: testCase.policy ?? {},
      answers: testCase.answers ?? {},
      env: {},
      validateResults: false,
      maxStepTimeoutMs: 250,
    },
  );
  for await (const event of stream) events.push(event);
  const finished = events.find((e): e is Extract<RunEvent, { type: 'run-finished' }> => e.type === 'run-finished');
  const statuses = new Map<string, string>();
  for (const e of events) if (e.type === 'step-finished') statuses.set(e.stepId, e.status);
  const ran = [...statuses].filter(([, s]) => s !== 'skipped').map(([id]) => id);
  const want = testCase.expect;
  if (finished?.outcome !== want.outcome) {
    failures.push(`expected outcome ${want.outcome}, got ${finished?.outcome ?? 'none'}${finished?.reason ? ` (${finished.reason})` : ''}`);
    for (const e of events) if (e.type === 'action-result' && e.error) failures.push(`  step ${e.stepId} (${e.phase}): ${e.error}`);
  }
  if (want.reason !== undefined && finished?.reasonCode !== want.reason) failures.push(`expected reason ${want.reason}, got ${finished?.reasonCode ?? 'none'}`);
  if (want.cause !== undefined && finished?.cause !== want.cause) failures.push(`expected cause ${want.cause}, got ${finished?.cause ?? 'none'}`);
  if (want.path && want.path.join(' → ') !== ran.join(' → ')) failures.push(`expected path ${want.path.join(' → ') || '(none)'}, got ${ran.join(' → ') || '(none)'}`);
  for (const [id, status] of Object.entries(want.steps ?? {})) {
    if (statuses.get(id) !== status) failures.push(`expected step ${id} to be ${status}, got ${statuses.get(id) ?? 'not run'}`);
  }
  return { file, name: testCase.name, pass: failures.length === 0, failures };
}

/** Names in a case that do not exist in the troubleshooter: located errors, so typos never pass silently. */
function checkCaseNames(ts: Troubleshooter, cases: readonly AuthorTestCase[], locator: Locator, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = new Map(ts.steps.map((st) => [st.id, st.type]));
  const bad = (p: (string | number)[], key: string, finding: Coded) => out.push({ file, ...locator.key(p, key), severity: 'error', ...finding });
  cases.forEach((c, i) => {
    for (const id of Object.keys(c.results ?? {})) {
      if (ids.get(id) !== 'check') bad(['cases', i, 'results'], id, coded('test.noCheckStep', { id, troubleshooter: ts.id }));
    }
    for (const id of Object.keys(c.answers ?? {})) {
      if (ids.get(id) !== 'ask') bad(['cases', i, 'answers'], id, coded('test.noAskStep', { id, troubleshooter: ts.id }));
    }
    for (const id of Object.keys(c.expect.steps ?? {})) if (!ids.has(id)) bad(['cases', i, 'expect', 'steps'], id, coded('test.noStep', { field: `expect.steps.${id}`, id, troubleshooter: ts.id }));
    (c.expect.path ?? []).forEach((id, j) => {
      if (!ids.has(id)) out.push({ file, ...locator.at(['cases', i, 'expect', 'path', j]), severity: 'error', ...coded('test.noStep', { field: 'expect.path', id, troubleshooter: ts.id }) });
    });
  });
  return out;
}

export async function runAuthorTestFile(file: string, registry: ActionRegistry): Promise<AuthorTestReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { results: [], diagnostics: [{ file, line: 1, column: 1, severity: 'error', ...coded('test.unreadable', { reason: (error as Error).message }) }] };
  }
  const yaml = parseYamlMapping(text, file, 'file.testNotMapping');
  if (!yaml.ok) return { results: [], diagnostics: yaml.diagnostics };
  const parsed = authorTestSchema.safeParse(yaml.data);
  if (!parsed.success) return { results: [], diagnostics: schemaDiagnostics(parsed.error.issues, yaml.data, yaml.locator, file) };
  const target = path.resolve(path.dirname(file), parsed.data.troubleshooter ?? path.basename(file).replace(/\.test\.ya?ml$/i, '.yaml'));
  const loaded = await loadTroubleshooterFile(target, registry);
  const diagnostics = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (loaded.ok) diagnostics.push(...checkCaseNames(loaded.troubleshooter, parsed.data.cases, yaml.locator, file));
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  if (diagnostics.length > 0) {
    return { results: parsed.data.cases.map((c) => ({ file, name: c.name, pass: false, failures: ['the test file or its troubleshooter has errors (listed above)'] })), diagnostics };
  }
  const results: CaseResult[] = [];
  for (const testCase of parsed.data.cases) results.push(await runAuthorCase(target, testCase, registry, loaded, file));
  return { results, diagnostics };
}
