/**
 * The honesty rule (issue #12): a run ends `resolved` only when its first check passed, or every
 * fix that ran was verified by a re-check of the same condition. The ledger follows the steps of
 * one run; `continue-on-error` lets a run go on for diagnosis, but a fix that failed, was refused
 * or timed out stays "open" until a later check of the same condition passes — and an open fix
 * turns the end of the walk into `not-resolved`, never `resolved`.
 *
 * "Same condition": the same check action with the same expectations (and, for a step with
 * fixes, the same input). A check whose action itself changes the machine (e.g. clearing the
 * Teams cache) is a fix of its own; any later successful step of that action covers it.
 */
import type { ActionRegistry } from './registry.ts';
import type { OutcomeReason } from './events.ts';
import type { StepEnd } from './run-check.ts';
import type { CheckStep, Step } from './schema.ts';

type Open = { stepId: string; reason?: string | undefined };

export type Ledger = {
  /** Unverified fixes by condition key, in the order they failed. */
  open: Map<string, Open>;
  declined: boolean;
  elevationRefused: boolean;
  /** Steps whose fix was verified, or whose own changing action succeeded (a repair that was done). */
  verified: string[];
  timedOut: boolean;
  /** The last problem a check named (`result.problem`, or `not-installed` from `installed: false`). */
  cause?: string | undefined;
};

export const newLedger = (): Ledger => ({ open: new Map(), declined: false, elevationRefused: false, verified: [], timedOut: false });

/** A check step that changes the machine: it has fixes, or its own action changes the machine. */
export function isFixPoint(step: Step, registry: ActionRegistry): step is CheckStep {
  if (step.type !== 'check') return false;
  return (step.fix?.length ?? 0) > 0 || registry.get(step.action)?.changesMachine === true;
}

export function conditionKey(step: CheckStep, registry: ActionRegistry): string {
  const changing = registry.get(step.action)?.changesMachine === true && !step.fix?.length;
  return JSON.stringify([step.action, changing ? null : (step.with ?? {}), step.expect ?? null]);
}

/** Names found in results, most specific first: an explicit `problem`/`cause`, then "not installed". */
function namedCause(result: Record<string, unknown> | undefined): string | undefined {
  if (!result) return undefined;
  for (const key of ['cause', 'problem']) {
    const v = result[key];
    if (typeof v === 'string' && v !== '' && v !== 'none' && v.length <= 200) return v;
  }
  if (result.installed === false) return 'not-installed';
  return undefined;
}

/** Records one finished step. */
export function note(ledger: Ledger, step: Step, end: StepEnd, registry: ActionRegistry): void {
  if (end.refusal === 'consent') ledger.declined = true;
  if (end.refusal === 'elevation') ledger.elevationRefused = true;
  if (end.status === 'timeout') ledger.timedOut = true;
  if (end.status === 'failed' || end.status === 'refused') ledger.cause = namedCause(end.result) ?? ledger.cause;
  if (step.type !== 'check') return;
  const key = conditionKey(step, registry);
  if (end.status === 'passed' || end.status === 'fixed') {
    ledger.open.delete(key);
    if (end.status === 'fixed' || (end.status === 'passed' && registry.get(step.action)?.changesMachine === true)) ledger.verified.push(step.id);
    return;
  }
  if (isFixPoint(step, registry) && ['failed', 'refused', 'timeout', 'error'].includes(end.status) && !ledger.open.has(key)) {
    ledger.open.set(key, { stepId: step.id, reason: end.reason });
  }
}

/** The first fix that was never verified, if any. */
export const firstOpen = (ledger: Ledger): Open | undefined => ledger.open.values().next().value;

/** Why a run that did not end `resolved` ended so — most telling first. */
export function failureReason(ledger: Ledger, cause: string | undefined): OutcomeReason {
  if (ledger.declined) return 'declined';
  if (ledger.elevationRefused) return 'needs-rights';
  if (cause === 'not-installed' || cause?.endsWith('-not-installed')) return 'not-installed';
  if (ledger.open.size > 0) return cause ? 'cause-found' : ledger.timedOut ? 'timed-out' : 'fix-failed';
  if (ledger.verified.length > 0) return 'repaired-not-working';
  if (cause) return 'cause-found';
  return ledger.timedOut ? 'timed-out' : 'not-working';
}
