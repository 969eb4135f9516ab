/**
 * The whole plan of a dry run (issue 16): every step in file order with the condition that selects
 * it, what a check runs and fixes, and what this dry run did with it — ran, skipped because its
 * `when:` was false (with the values it read), or not reached. Framing in the `--lang` language.
 */
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
