/**
 * The runner: walks a loaded troubleshooter and yields typed, timestamped run events
 * (events.ts) as an async stream. Semantics:
 *
 * - Steps run in order; a step whose `when:` is false is `skipped`, with the condition and the values
 *   it read in `skip` (as GitHub Actions traces `if:`).
 * - check: passes → `passed`; fails with fixes → consent (for actions that change the machine),
 *   elevation (when `elevation: required`), fixes, then the check re-runs as verification →
 *   `fixed` or `failed`. Elevation is asked only before changes, never for a read-only check.
 * - A step ending `failed`, `refused` or `timeout` ends the run `not-resolved`, and `error` (the
 *   troubleshooter or an action broke) ends it `error` — unless the step has `continue-on-error`.
 * - escalate ends the run `needs-human` with its employee text, its IT text and its cause.
 * - Reaching the end is `resolved` only when every fix that ran was verified by a re-check of the
 *   same condition (outcome.ts); a failed, refused or timed-out fix that nothing re-checked ends
 *   the run `not-resolved`. `continue-on-error` keeps a run going for diagnosis, never for success.
 * - run-finished carries `reasonCode` (why, for the UI to word) and `cause` (what the checks named).
 * - Cancelling the AbortSignal kills the running child and ends the run `cancelled`.
 * - Per-step `timeout` is the time the step's actions may take (waiting for the employee to answer
 *   or consent does not count); default 60 s.
 * - Dry run: no action is executed, read-only or not, and no link is opened; every action that
 *   would run is reported as an `action-result` with `skipped: true`. Questions are reported and
 *   take their answer from `answers` (to explore a branch); without one they are skipped, never
 *   waiting for a person. Escalate steps are reported (skipped, with their reason) and the walk
 *   continues, so the whole plan is shown. Outcome is `resolved` with a "nothing was changed" reason.
 */
import { randomUUID } from 'node:crypto';
import { evaluateCondition, parseCondition } from './condition.ts';
import { traceCondition } from './condition-trace.ts';
import type { AnswerValue, Outcome, Question, RunEvent } from './events.ts';
import { say, text } from './messages.ts';
import { failureReason, firstOpen, newLedger, note } from './outcome.ts';
import type { OutcomeReason } from './events.ts';
import { substitute } from './template.ts';
import { abortable, runCheck, type StepEnd } from './run-check.ts';
import { CancelledError, RunContext, type RunOptions, type RunPorts } from './run-context.ts';
import type { AskStep, EscalateStep, Step, Troubleshooter } from './schema.ts';

export type { RunOptions, RunPorts } from './run-context.ts';

const stopOutcome: Partial<Record<StepEnd['status'], Outcome>> = {
  failed: 'not-resolved',
  refused: 'not-resolved',
  timeout: 'not-resolved',
  error: 'error',
};

export async function* run(troubleshooter: Troubleshooter, ports: RunPorts, options: RunOptions): AsyncGenerator<RunEvent, Outcome> {
  // The definitions of the actions this troubleshooter names (a fix's module loads on first use).
  await options.registry.load(troubleshooter.steps.flatMap((s) => (s.type === 'check' ? [s.action, ...(s.fix ?? []).map((f) => f.action)] : [])));
  const ctx = new RunContext(options.runId ?? randomUUID(), ports, options);
  const started = performance.now();
  const ledger = newLedger();
  type Ending = { reason?: string | undefined; reasonCode: OutcomeReason; cause?: string | undefined; itReason?: string | undefined };
  const finish = (outcome: Outcome, end: Ending) =>
    ctx.event({
      type: 'run-finished',
      outcome,
      ...(end.reason ? { reason: end.reason } : {}),
      reasonCode: end.reasonCode,
      ...(end.cause ? { cause: ctx.redactText(end.cause) } : {}),
      ...(end.itReason ? { itReason: end.itReason } : {}),
      durationMs: performance.now() - started,
    });
  yield ctx.event({
    type: 'run-started',
    troubleshooterId: troubleshooter.id,
    version: troubleshooter.version,
    title: text(troubleshooter.title, ctx.lang),
    lang: ctx.lang,
    platform: ctx.platform,
    dryRun: options.dryRun ?? false,
  });
  let current: string | undefined;
  try {
    for (const step of troubleshooter.steps) {
      ctx.throwIfCancelled();
      current = step.id;
      const title = text(step.title, ctx.lang);
      yield ctx.event({ type: 'step-started', stepId: step.id, kind: step.type, title });
      if (step.when !== undefined) {
        const cond = parseCondition(step.when);
        // The loader rejects bad conditions; an unparsable one here is a broken troubleshooter.
        if (!cond.ok) throw new Error(`Step "${step.id}": invalid condition: ${cond.error.message}`);
        if (!evaluateCondition(cond.expr, ctx.scope)) {
          ctx.recordStep(step.id, 'skipped');
          yield ctx.event({ type: 'step-finished', stepId: step.id, status: 'skipped', skip: { reason: 'condition', ...traceCondition(step.when, cond.refs, ctx.scope, (t) => ctx.redactText(t)) } });
          current = undefined;
          continue;
        }
      }
      if (step.type === 'escalate' && options.dryRun) {
        // A dry run shows the whole plan: the escalation is reported, and the walk goes on.
        ctx.recordStep(step.id, 'skipped');
        yield ctx.event({ type: 'step-finished', stepId: step.id, status: 'skipped', finding: escalation(ctx, step, undefined).employee });
        current = undefined;
        continue;
      }
      if (step.type === 'escalate') {
        const texts = escalation(ctx, step, ledger.cause);
        ctx.recordStep(step.id, 'passed');
        yield ctx.event({ type: 'step-finished', stepId: step.id, status: 'passed', finding: texts.employee });
        yield finish('needs-human', { reason: texts.employee, itReason: texts.it, cause: texts.cause, reasonCode: failureReason(ledger, texts.cause) });
        return 'needs-human';
      }
      const end = yield* runStep(ctx, step);
      ctx.recordStep(step.id, end.status, end.result);
      note(ledger, step, end, options.registry);
      yield ctx.event({ type: 'step-finished', stepId: step.id, status: end.status, ...(end.finding ? { finding: end.finding } : {}) });
      current = undefined;
      const outcome = stopOutcome[end.status];
      if (outcome && !step['continue-on-error']) {
        const reasonCode: OutcomeReason = outcome === 'error' ? 'broken' : end.status === 'timeout' ? 'timed-out' : failureReason(ledger, ledger.cause);
        yield finish(outcome, { reason: end.reason, reasonCode, cause: ledger.cause });
        return outcome;
      }
    }
  } catch (error) {
    if (error instanceof CancelledError || ctx.signal.aborted) {
      if (current) yield ctx.event({ type: 'step-finished', stepId: current, status: 'skipped', finding: say('cancelled', ctx.lang) });
      yield finish('cancelled', { reason: say('cancelled', ctx.lang), reasonCode: 'cancelled' });
      return 'cancelled';
    }
    if (current) yield ctx.event({ type: 'step-finished', stepId: current, status: 'error', finding: ctx.redactText((error as Error).message) });
    yield finish('error', { reason: ctx.redactText((error as Error).message), reasonCode: 'broken' });
    return 'error';
  }
  if (options.dryRun) {
    yield finish('resolved', { reason: say('dryRun', ctx.lang), reasonCode: 'dry-run' });
    return 'resolved';
  }
  const open = firstOpen(ledger);
  if (open) {
    // The honesty rule: a fix that failed and was never re-checked can not end in "fixed".
    yield finish('not-resolved', { reason: open.reason ?? say('notVerified', ctx.lang), reasonCode: failureReason(ledger, ledger.cause), cause: ledger.cause });
    return 'not-resolved';
  }
  yield finish('resolved', { reasonCode: ledger.verified.length > 0 ? 'verified' : 'nothing-wrong' });
  return 'resolved';
}

/** The escalate step's two texts and its cause (a template over earlier results, else what the checks named). */
function escalation(ctx: RunContext, step: EscalateStep, found: string | undefined): { employee: string; it?: string | undefined; cause?: string | undefined } {
  const it = step.it ?? step.reason;
  let cause = found;
  if (step.cause !== undefined) {
    try {
      const value = substitute(step.cause, ctx.scope);
      if (typeof value === 'string' && value !== '' && value !== 'none') cause = value;
    } catch {
      // A template over a step that did not run: keep what the checks named.
    }
  }
  return { employee: step.employee ? text(step.employee, ctx.lang) : say('escalated', ctx.lang), ...(it ? { it: text(it, ctx.lang) } : {}), ...(cause ? { cause } : {}) };
}

async function* runStep(ctx: RunContext, step: Exclude<Step, { type: 'escalate' }>): AsyncGenerator<RunEvent, StepEnd> {
  switch (step.type) {
    case 'check':
      return yield* runCheck(ctx, step);
    case 'ask':
      return yield* runAsk(ctx, step);
    case 'info': {
      const link = step.link ? resolveUrl(ctx, step.link) : undefined;
      yield ctx.event({ type: 'info', stepId: step.id, text: text(step.text, ctx.lang), ...(link ? { link } : {}), ...(step.article ? { article: step.article } : {}) });
      return { status: 'passed' };
    }
    case 'link': {
      const url = resolveUrl(ctx, step);
      if (!url) return { status: 'failed', finding: say('linkMissing', ctx.lang), reason: say('linkMissing', ctx.lang) };
      if (step.text) yield ctx.event({ type: 'info', stepId: step.id, text: text(step.text, ctx.lang), link: url });
      if (ctx.options.dryRun) {
        yield ctx.event({ type: 'action-result', stepId: step.id, phase: 'fix', action: 'link.open', ok: true, skipped: true, result: { url }, durationMs: 0 });
        return { status: 'skipped', finding: say('dryRun', ctx.lang) };
      }
      const ok = await abortable(ctx, ctx.ports.urlOpener.open(url));
      yield ctx.event({ type: 'link-opened', stepId: step.id, url, ok });
      return ok ? { status: 'passed' } : { status: 'failed', reason: say('stepFailed', ctx.lang, text(step.title, ctx.lang)) };
    }
  }
}

/** A literal https URL or one from policy; anything that is not https is treated as missing. */
function resolveUrl(ctx: RunContext, target: { url?: string | undefined; 'url-from-policy'?: string | undefined }): string | undefined {
  const key = target['url-from-policy'];
  const value = key !== undefined ? ctx.scope.policy[key] : target.url;
  if (typeof value !== 'string') return undefined;
  try {
    return new URL(value).protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Choices an earlier result lists (`choices-from`): `{ value, label }` strings only, bounded. */
export function listedChoices(value: unknown): Array<{ value: string; label: string }> {
  if (!Array.isArray(value)) return [];
  const out: Array<{ value: string; label: string }> = [];
  for (const item of value.slice(0, 100)) {
    if (item === null || typeof item !== 'object') continue;
    const { value: v, label } = item as Record<string, unknown>;
    if (typeof v === 'string' && v !== '' && typeof label === 'string') out.push({ value: v, label: label || v });
  }
  return out;
}

export function buildQuestion(step: AskStep, lang: RunContext['lang'], listed?: Array<{ value: string; label: string }>): Question {
  const prompt = text(step.prompt, lang);
  if (step.answer === 'yesno') return { type: 'yesno', prompt };
  if (step.answer === 'choice' && listed !== undefined && listed.length > 0) return { type: 'choice', prompt, choices: listed };
  if (step.answer === 'choice' && step['choices-from'] === undefined) {
    return { type: 'choice', prompt, choices: (step.choices ?? []).map((c) => ({ value: c.value, label: text(c.label, lang) })) };
  }
  return {
    type: 'text',
    prompt,
    ...(step.pattern !== undefined ? { pattern: step.pattern } : {}),
    ...(step['max-length'] !== undefined ? { maxLength: step['max-length'] } : {}),
    ...(step['invalid-message'] ? { invalidMessage: text(step['invalid-message'], lang) } : {}),
  };
}

/** Normalizes an answer (CLI strings like "yes"/"no" become booleans); undefined when invalid. */
export function validateAnswer(question: Question, value: AnswerValue): AnswerValue | undefined {
  if (question.type === 'yesno') {
    if (typeof value === 'boolean') return value;
    if (typeof value !== 'string') return undefined;
    const v = value.trim().toLowerCase();
    if (['yes', 'y', 'true', 'ja', 'oui', 'j'].includes(v)) return true;
    if (['no', 'n', 'false', 'nee', 'non', 'nein'].includes(v)) return false;
    return undefined;
  }
  if (typeof value !== 'string') return undefined;
  if (question.type === 'choice') {
    // The value, or what the person sees (a label typed at the CLI, any case).
    const wanted = value.trim().toLocaleLowerCase('en');
    return (question.choices.find((c) => c.value === value) ?? question.choices.find((c) => c.label.trim().toLocaleLowerCase('en') === wanted))?.value;
  }
  if (question.maxLength !== undefined && value.length > question.maxLength) return undefined;
  if (question.pattern !== undefined && !new RegExp(`^(?:${question.pattern})$`).test(value)) return undefined;
  return value;
}

async function* runAsk(ctx: RunContext, step: AskStep): AsyncGenerator<RunEvent, StepEnd> {
  let listed: Array<{ value: string; label: string }> | undefined;
  if (step['choices-from'] !== undefined) {
    try {
      listed = listedChoices(substitute(step['choices-from'], ctx.scope));
    } catch {
      listed = []; // The listing step did not run: ask for text instead.
    }
  }
  const question = buildQuestion(step, ctx.lang, listed);
  yield ctx.event({ type: 'question', stepId: step.id, question });
  const preset = ctx.options.answers?.[step.id];
  // A dry run never waits for a person: unanswered questions are reported, not asked.
  if (preset === undefined && ctx.options.dryRun) return { status: 'skipped', finding: say('dryRun', ctx.lang) };
  for (let attempt = 0; attempt < 3; attempt++) {
    const raw = preset ?? (await abortable(ctx, ctx.ports.interaction.ask(step.id, question)));
    const value = validateAnswer(question, raw);
    if (value !== undefined) {
      ctx.recordAnswer(step.id, value);
      yield ctx.event({ type: 'answer', stepId: step.id, value: typeof value === 'string' ? ctx.redactText(value) : value });
      return { status: 'passed', result: { value } };
    }
    if (preset !== undefined) break; // A preset answer will not change by asking again.
  }
  return { status: 'error', reason: `${text(step.title, ctx.lang)}: ${say('invalidAnswer', ctx.lang)}` };
}
