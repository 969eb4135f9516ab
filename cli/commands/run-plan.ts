/**
 * The whole plan of a dry run (issue 16): every step in file order with the condition that selects
 * it, what a check runs and fixes, and what this dry run did with it — ran, skipped because its
 * `when:` was false (with the values it read), or not reached. Framing in the `--lang` language.
 */
import { z } from 'zod';
import type { Platform } from '../../core/kernel/platform.ts';
import { formatConditionReads, formatConditionTrace } from '../../core/engine/condition-trace.ts';
import type { RunEvent } from '../../core/engine/events.ts';
import type { Troubleshooter } from '../../core/engine/schema.ts';
import type { Lang } from '../../core/kernel/lang.ts';
import { cliText } from '../messages.ts';

/** The values the condition read (the condition itself is on the line above); the condition when it read none. */
function readValues(trace: Parameters<typeof formatConditionTrace>[0]): string {
  return formatConditionReads(trace) || formatConditionTrace(trace);
}

export function renderPlan(ts: Troubleshooter, events: readonly RunEvent[], lang: Lang): string[] {
  const finished = new Map<string, Extract<RunEvent, { type: 'step-finished' }>>();
  for (const e of events) if (e.type === 'step-finished') finished.set(e.stepId, e);
  const lines = [cliText(lang, 'plan.heading', { count: ts.steps.length })];
  ts.steps.forEach((step, index) => {
    const title = step.title[lang] ?? step.title.en;
    lines.push(`${String(index + 1).padStart(2)}. ${step.id} (${step.type}) — ${title}`);
    lines.push(`      ${step.when ? cliText(lang, 'plan.when', { condition: step.when }) : cliText(lang, 'plan.always')}`);
    if (step.type === 'check') {
      lines.push(`      ${cliText(lang, 'plan.check', { action: step.action })}`);
      if (step.fix?.length) lines.push(`      ${cliText(lang, 'plan.fixes', { actions: step.fix.map((f) => f.action).join(', ') })}`);
    }
    const end = finished.get(step.id);
    const verdict = !end
      ? cliText(lang, 'plan.notReached')
      : end.status === 'skipped' && end.skip
        ? cliText(lang, 'plan.skipped', { condition: readValues(end.skip) })
        : cliText(lang, 'plan.ran', { status: end.status });
    lines.push(`      ${verdict}`);
  });
  lines.push(cliText(lang, 'plan.note'));
  return lines;
}

/** The shape of `firstline run --dry-run --json`'s last line, version 1 (docs/authoring-troubleshooters.md). Fields are only ever added. */
const planStepSchema = z.strictObject({
  index: z.number().int().positive(),
  id: z.string(),
  type: z.enum(['check', 'ask', 'info', 'link', 'escalate']),
  title: z.string(),
  /** The condition as written; null when the step always runs. */
  when: z.string().nullable(),
  continueOnError: z.boolean(),
  elevation: z.enum(['none', 'required']),
  action: z.string().optional(),
  with: z.record(z.string(), z.unknown()).optional(),
  expect: z.array(z.record(z.string(), z.unknown())).optional(),
  fix: z.array(z.strictObject({ action: z.string(), with: z.record(z.string(), z.unknown()).optional() })).optional(),
  answer: z.enum(['yesno', 'choice', 'text']).optional(),
  cause: z.string().optional(),
  dryRun: z.strictObject({
    state: z.enum(['reached', 'skipped', 'not-reached']),
    status: z.enum(['passed', 'fixed', 'failed', 'skipped', 'error', 'timeout', 'refused']).optional(),
    /** Why it was skipped: the condition and each value it read. */
    skip: z.strictObject({ when: z.string(), values: z.array(z.strictObject({ ref: z.string(), value: z.union([z.string(), z.number(), z.boolean(), z.null()]) })) }).optional(),
  }),
});

export const dryRunPlanSchema = z.strictObject({
  type: z.literal('plan'),
  planVersion: z.literal(1),
  troubleshooter: z.strictObject({ id: z.string(), version: z.string(), title: z.string() }),
  platform: z.enum(['win32', 'darwin', 'linux']),
  lang: z.enum(['en', 'nl', 'fr', 'de']),
  /** The outcome of the path this dry run took (answers from --answer, defaults otherwise). */
  outcome: z.enum(['resolved', 'not-resolved', 'needs-human', 'error', 'cancelled']).nullable(),
  steps: z.array(planStepSchema),
});
export type DryRunPlan = z.infer<typeof dryRunPlanSchema>;

/** The whole plan as data: every step in file order, its condition, what it runs, and what this dry run did with it. */
export function planJson(ts: Troubleshooter, events: readonly RunEvent[], lang: Lang, platform: Platform): DryRunPlan {
  const finished = new Map<string, Extract<RunEvent, { type: 'step-finished' }>>();
  let outcome: DryRunPlan['outcome'] = null;
  for (const e of events) {
    if (e.type === 'step-finished') finished.set(e.stepId, e);
    if (e.type === 'run-finished') outcome = e.outcome;
  }
  const steps = ts.steps.map((step, index): DryRunPlan['steps'][number] => {
    const end = finished.get(step.id);
    const dryRun: DryRunPlan['steps'][number]['dryRun'] = !end
      ? { state: 'not-reached' }
      : end.status === 'skipped' && end.skip
        ? { state: 'skipped', status: 'skipped', skip: { when: step.when ?? end.skip.when, values: end.skip.values.map((v) => ({ ref: v.ref, value: v.value })) } }
        : { state: 'reached', status: end.status };
    return {
      index: index + 1,
      id: step.id,
      type: step.type,
      title: step.title[lang] ?? step.title.en,
      when: step.when ?? null,
      continueOnError: step['continue-on-error'] ?? false,
      elevation: step.elevation ?? 'none',
      ...(step.type === 'check'
        ? {
            action: step.action,
            ...(step.with ? { with: step.with } : {}),
            ...(step.expect ? { expect: step.expect } : {}),
            ...(step.fix ? { fix: step.fix.map((f) => ({ action: f.action, ...(f.with ? { with: f.with } : {}) })) } : {}),
          }
        : {}),
      ...(step.type === 'ask' ? { answer: step.answer } : {}),
      ...(step.type === 'escalate' && step.cause ? { cause: step.cause } : {}),
      dryRun,
    };
  });
  return { type: 'plan', planVersion: 1, troubleshooter: { id: ts.id, version: ts.version, title: ts.title[lang] ?? ts.title.en }, platform, lang, outcome, steps };
}
