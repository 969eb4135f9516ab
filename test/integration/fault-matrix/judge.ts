/** Turns one run and its ground truth into a verdict. Pure, so it is unit-tested on its own. */
import type { Fault, Finished, Truth, Verdict } from './types.ts';

const escalated = new Set(['not-resolved', 'needs-human']);

export function judge(fault: Pick<Fault, 'causes'>, finished: Finished | undefined, truth: Truth | undefined): { verdict: Verdict; detail?: string } {
  if (!finished) return { verdict: 'error', detail: 'the run did not finish' };
  if (!truth) return { verdict: 'error', detail: 'the ground-truth check failed' };
  if (truth.harm) return { verdict: 'harmed', detail: truth.harm };
  if (finished.outcome === 'resolved') return truth.fixed ? { verdict: 'fixed' } : { verdict: 'false-fixed', detail: truth.detail ?? 'reported resolved, fault still there' };
  if (!escalated.has(finished.outcome)) return { verdict: 'error', detail: `outcome ${finished.outcome}: ${finished.reason ?? ''}` };
  const named = [finished.cause, finished.reasonCode].filter((x): x is string => typeof x === 'string');
  if (named.some((n) => fault.causes.includes(n))) return { verdict: 'escalated-with-cause' };
  return { verdict: 'escalated-without-cause', detail: `named ${JSON.stringify(named)}, expected one of ${JSON.stringify(fault.causes)}` };
}

export type Summary = Record<'fixed' | 'escalated-with-cause' | 'escalated-without-cause' | 'false-fixed' | 'harmed' | 'error', number>;

export function summarize(verdicts: readonly Verdict[]): Summary {
  const s: Summary = { fixed: 0, 'escalated-with-cause': 0, 'escalated-without-cause': 0, 'false-fixed': 0, harmed: 0, error: 0 };
  for (const v of verdicts) s[v]++;
  return s;
}

/** The one summary line. */
export function summaryLine(s: Summary, runs: number, faults: number): string {
  return `fault matrix: ${faults} faults, ${runs} runs: fixed ${s.fixed} / escalated-with-cause ${s['escalated-with-cause']} / false-fixed ${s['false-fixed']} / harmed ${s.harmed} / errors ${s.error + s['escalated-without-cause']}${s['escalated-without-cause'] ? ` (${s['escalated-without-cause']} escalated without cause)` : ''}`;
}
