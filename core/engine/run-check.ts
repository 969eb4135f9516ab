/**
 * A `check` step: detect → (consent, elevation) → fix → verify. See runner.ts for how the step's
 * status becomes the run's outcome.
 */
import type { ActionDefinition } from './action.ts';
import type { RunEvent } from './events.ts';
import { say, text } from './messages.ts';
import type { ExecPort } from './ports.ts';
import { RunContext, type EventBody, type Invocation } from './run-context.ts';
import type { CheckStep, Expectation } from './schema.ts';
import { substitute } from './template.ts';

export type StepStatus = Extract<RunEvent, { type: 'step-finished' }>['status'];
export type StepEnd = {
  status: StepStatus;
  finding?: string;
  reason?: string;
  result?: Record<string, unknown>;
  /** Why a `refused` step was refused: the employee said no, or administrator rights were not available. */
  refusal?: 'consent' | 'elevation';
};

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN);

/** Returns a sentence for IT describing the first expectation that failed, or undefined when all hold. */
export function judge(result: Record<string, unknown>, expectations: readonly Expectation[]): string | undefined {
  for (const e of expectations) {
    const value = RunContext.field(result, e.field);
    const shown = JSON.stringify(value) ?? 'nothing';
    if (e.equals !== undefined && !same(value, e.equals)) return `${e.field} is ${shown}, expected ${JSON.stringify(e.equals)}.`;
    if (e['not-equals'] !== undefined && same(value, e['not-equals'])) return `${e.field} is ${shown}, expected anything else.`;
    if (e.in !== undefined && !e.in.some((x) => same(value, x))) return `${e.field} is ${shown}, expected one of ${JSON.stringify(e.in)}.`;
    if (e.matches !== undefined && (value === undefined || value === null || !new RegExp(e.matches).test(String(value)))) {
      return `${e.field} is ${shown}, expected to match /${e.matches}/.`;
    }
    const n = num(value);
    if (e.gt !== undefined && !(n > e.gt)) return `${e.field} is ${shown}, expected more than ${e.gt}.`;
    if (e.gte !== undefined && !(n >= e.gte)) return `${e.field} is ${shown}, expected at least ${e.gte}.`;
    if (e.lt !== undefined && !(n < e.lt)) return `${e.field} is ${shown}, expected less than ${e.lt}.`;
    if (e.lte !== undefined && !(n <= e.lte)) return `${e.field} is ${shown}, expected at most ${e.lte}.`;
  }
  return undefined;
}

export function parseDuration(value: string | undefined, fallback: number): number {
  const m = value === undefined ? null : /^(\d+)(ms|s|m)$/.exec(value);
  if (!m) return fallback;
  return Number(m[1]) * (m[2] === 'ms' ? 1 : m[2] === 's' ? 1000 : 60_000);
}

function lookup(ctx: RunContext, name: string): ActionDefinition {
  const def = ctx.options.registry.get(name);
  // The loader rejects unknown actions; reaching this means the registry changed after loading.
  if (!def) throw new Error(`Unknown action "${name}".`);
  return def;
}

export async function* runCheck(ctx: RunContext, step: CheckStep): AsyncGenerator<RunEvent, StepEnd> {
  const lang = ctx.lang;
  const title = text(step.title, lang);
  const pass = step.finding?.pass ? text(step.finding.pass, lang) : undefined;
  const failText = step.finding?.fail ? text(step.finding.fail, lang) : undefined;
  const emit = (body: EventBody) => ctx.event(body);
  const checkDef = lookup(ctx, step.action);
  const fixes = (step.fix ?? []).map((f) => ({ fix: f, def: lookup(ctx, f.action) }));

  if (ctx.options.dryRun) {
    // Dry run executes no action at all — not even read-only checks — so a dry run can never touch
    // the machine or the network; it reports the actions that would run, marked skipped.
    const skipped = (phase: 'check' | 'fix', action: string, finding?: string) =>
      emit({ type: 'action-result', stepId: step.id, phase, action, ok: true, skipped: true, result: {}, durationMs: 0, ...(finding ? { finding } : {}) });
    yield skipped('check', step.action);
    for (const { fix, def } of fixes) yield skipped('fix', def.name, describe(ctx, def, fix.with, fix.description));
    return { status: 'skipped', finding: say('dryRun', lang) };
  }

  let budget = Math.min(parseDuration(step.timeout, ctx.options.defaultTimeoutMs ?? 60_000), ctx.options.maxStepTimeoutMs ?? Infinity);
  const elevate = step.elevation === 'required';
  const spend = async (phase: 'check' | 'fix' | 'verify', def: ActionDefinition, input: unknown, via?: ExecPort): Promise<Invocation> => {
    const t0 = performance.now();
    const inv = await ctx.invoke(step.id, phase, def, input, budget, via);
    budget -= performance.now() - t0;
    return inv;
  };
  const failed = (inv: Invocation): StepEnd => (inv.timedOut ? { status: 'timeout', reason: say('timedOut', lang, title) } : { status: 'error', reason: say('broken', lang, title) });

  // Consent and elevation before a check that itself changes the machine (rare, e.g. a script).
  if (checkDef.changesMachine) {
    // The broker never runs a check: only fixes, and only its own operations.
    const gate = yield* askConsent(ctx, step.id, [describe(ctx, checkDef, step.with)], elevate, title, []);
    if (gate && gate !== 'broker') return gate;
  }
  const judged = async (phase: 'check' | 'verify') => {
    const inv = await spend(phase, checkDef, step.with);
    const judgement = inv.error === undefined && step.expect ? judge(inv.result, step.expect) : undefined;
    // The detail quotes result values, so it is redacted like the result itself.
    const detail = judgement === undefined ? undefined : ctx.redactText(judgement);
    const ok = inv.error === undefined && (step.expect ? detail === undefined : inv.ok);
    // The author's sentence wins; otherwise the action's own localized `finding` (e.g. the network
    // diagnosis) is what the employee and the ticket read.
    const own = typeof inv.result.finding === 'string' && inv.result.finding !== '' ? ctx.redactText(inv.result.finding) : undefined;
    const finding = inv.error === undefined ? ((ok ? pass : failText) ?? own) : undefined;
    const event = { ...inv.event, ok, ...(detail ? { detail } : {}), ...(finding ? { finding } : {}) } as EventBody;
    return { inv, ok, event, finding };
  };

  const check = await judged('check');
  yield emit(check.event);
  if (check.inv.error !== undefined) return failed(check.inv);
  if (check.ok) return { status: 'passed', finding: check.finding, result: check.inv.result };
  if (fixes.length === 0) return { status: 'failed', finding: check.finding, reason: check.finding ?? say('stepFailed', lang, title), result: check.inv.result };

  // Consent covers every fix that changes the machine; a step that declares elevation asks even
  // when its fixes are read-only, because admin rights are themselves worth a question.
  const changing = fixes.filter(({ def }) => def.changesMachine || elevate);
  let viaBroker = false;
  if (changing.length > 0) {
    const changes = changing.map(({ fix, def }) => describe(ctx, def, fix.with, fix.description));
    const gate = yield* askConsent(
      ctx,
      step.id,
      changes,
      elevate,
      title,
      changing.map(({ def }) => def.name),
    );
    if (gate === 'broker') viaBroker = true;
    else if (gate) return gate;
  }
  for (const { fix, def } of fixes) {
    const brokered = viaBroker && ctx.ports.broker ? ctx.ports.broker.execFor(def.name, ctx.ports.exec, ctx.platform) : undefined;
    const inv = await spend('fix', def, fix.with, brokered);
    const elevatedBy = brokered && brokered.brokered() > 0 ? ({ elevatedBy: 'broker' } as const) : {};
    yield emit({ ...inv.event, ...elevatedBy } as EventBody);
    yield emit({ type: 'fix-applied', stepId: step.id, action: def.name, ok: inv.ok && inv.error === undefined, ...elevatedBy });
    if (inv.timedOut) return failed(inv);
    if (inv.error !== undefined || !inv.ok) break; // Verify anyway: an earlier fix may have been enough.
  }

  const verify = await judged('verify');
  yield emit(verify.event);
  if (verify.inv.error !== undefined) return failed(verify.inv);
  if (verify.ok) {
    yield emit({ type: 'verified', stepId: step.id });
    return { status: 'fixed', finding: verify.finding, result: verify.inv.result };
  }
  yield emit({ type: 'verification-failed', stepId: step.id });
  return { status: 'failed', finding: verify.finding, reason: verify.finding ?? say('stepFailed', lang, title), result: verify.inv.result };
}

/** Localized sentence for what an action will change: the author's text, the action's own, or a generic one. */
function describe(ctx: RunContext, def: ActionDefinition, input: unknown, description?: CheckStep['title']): string {
  if (description) return text(description, ctx.lang);
  if (def.describe) {
    try {
      const parsed = def.input.safeParse(substitute(input ?? {}, ctx.scope));
      if (parsed.success) return def.describe(parsed.data, ctx.lang);
    } catch {
      // Fall through to the generic sentence.
    }
  }
  return say('runAction', ctx.lang, def.name);
}

/**
 * Can the elevation broker make every change of this step? Only when each changing fix is one of
 * the operations the broker offers this user now (named like the action); a script or any other
 * action never is, so catalog scripts are never run with administrator rights.
 */
async function brokerCovers(ctx: RunContext, actions: readonly string[]): Promise<boolean> {
  if (!ctx.ports.broker || actions.length === 0) return false;
  const offered = await ctx.ports.broker.operations().catch(() => [] as readonly string[]);
  return actions.every((action) => offered.includes(action));
}

/**
 * Consent (and elevation when declared) — one question for the employee: when the process is not
 * elevated, the broker (if it covers `brokerActions`) makes the change without a password prompt.
 * Returns a StepEnd when the run may not proceed, `broker` when the fixes go through the broker.
 */
async function* askConsent(
  ctx: RunContext,
  stepId: string,
  changes: string[],
  elevation: boolean,
  title: string,
  brokerActions: readonly string[],
): AsyncGenerator<RunEvent, StepEnd | 'broker' | undefined> {
  yield ctx.event({ type: 'consent-requested', stepId, changes, elevation });
  const given = await abortable(ctx, ctx.ports.interaction.consent({ stepId, changes, elevation }));
  if (!given) {
    yield ctx.event({ type: 'consent-refused', stepId });
    return { status: 'refused', refusal: 'consent', reason: say('consentRefused', ctx.lang, title) };
  }
  yield ctx.event({ type: 'consent-given', stepId });
  if (elevation) {
    const granted = await abortable(ctx, ctx.ports.elevation.request(title));
    if (!granted && (await abortable(ctx, brokerCovers(ctx, brokerActions)))) return 'broker';
    if (!granted) {
      yield ctx.event({ type: 'elevation-refused', stepId });
      return { status: 'refused', refusal: 'elevation', reason: say('elevationRefused', ctx.lang, title) };
    }
  }
  return undefined;
}

/** Waits for the employee but gives up when the run is cancelled. */
export async function abortable<T>(ctx: RunContext, promise: Promise<T>): Promise<T> {
  ctx.throwIfCancelled();
  let onAbort = () => undefined as void;
  const cancelled = new Promise<never>((_, reject) => {
    onAbort = () => reject(new (class extends Error {})('cancelled'));
    ctx.signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([promise, cancelled]);
  } catch (error) {
    ctx.throwIfCancelled();
    throw error;
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
  }
}
