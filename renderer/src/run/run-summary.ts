/**
 * What the run screen shows (issue 14, "honest words"): one summary line on top, the steps that
 * ran (others behind "details"), one row per title (a step's platform variants share a title),
 * no green "OK" for an escalation, and "Waiting for you" rather than "Checking…" while the
 * employee has a question or a consent request in front of them. Pure: a function of the view.
 */
import type { RunView, StepView } from './run-state.ts';

export type ShownStep = StepView & { labelKey: string | null; tone: 'ok' | 'bad' | 'neutral' | 'running' };

/** A step that did not apply: skipped (its `when:` was false, or another platform's variant). */
const didNotRun = (step: StepView) => step.status === 'skipped';

function labelFor(step: StepView, waiting: boolean): { labelKey: string | null; tone: ShownStep['tone'] } {
  if (step.status === 'running') return waiting ? { labelKey: 'run.status.waiting', tone: 'running' } : { labelKey: 'run.status.running', tone: 'running' };
  // An escalation is not a success; an info or link step has nothing to judge.
  if (step.kind === 'escalate') return { labelKey: 'run.status.forIt', tone: 'neutral' };
  if (step.kind === 'info' || step.kind === 'link') return { labelKey: null, tone: 'neutral' };
  if (step.kind === 'ask') return step.status === 'passed' ? { labelKey: 'run.status.answered', tone: 'neutral' } : { labelKey: `run.status.${step.status}`, tone: 'bad' };
  switch (step.status) {
    case 'passed':
    case 'fixed':
      return { labelKey: `run.status.${step.status}`, tone: 'ok' };
    case 'skipped':
      return { labelKey: 'run.status.skipped', tone: 'neutral' };
    default:
      return { labelKey: `run.status.${step.status}`, tone: 'bad' };
  }
}

export function shownSteps(view: RunView): { ran: ShownStep[]; notRun: ShownStep[] } {
  const waitingOn = view.question?.stepId ?? view.consent?.stepId ?? null;
  const byTitle = new Map<string, StepView>();
  const order: string[] = [];
  for (const step of view.steps) {
    const seen = byTitle.get(step.title);
    if (!seen) order.push(step.title);
    // Of two rows with one title (platform variants, a re-check), the one that ran wins.
    if (!seen || !didNotRun(step)) byTitle.set(step.title, step);
  }
  const steps = order.map((title) => byTitle.get(title)).filter((s): s is StepView => s !== undefined);
  const shown = steps.map((s) => ({ ...s, ...labelFor(s, s.stepId === waitingOn || (s.status === 'running' && waitingOn !== null)) }));
  return { ran: shown.filter((s) => !didNotRun(s)), notRun: shown.filter(didNotRun) };
}

/** The one line on top: what is happening now, or what came of it. */
export function summaryLine(view: RunView): { key: string; values?: Record<string, string> } {
  if (view.ended) {
    const code = view.ended.reasonCode;
    if (code) return { key: `ending.reason.${code}` };
    return { key: `run.summary.${view.ended.outcome}` };
  }
  if (view.question || view.consent) return { key: 'run.summary.waiting' };
  const current = view.steps.findLast((s) => s.status === 'running');
  return current ? { key: 'run.summary.working', values: { step: current.title } } : { key: 'run.starting' };
}
