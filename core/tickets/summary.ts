/**
 * The "added for IT" part of a ticket as people read it (issue 14): the steps that ran with what
 * they found (once), the repairs and whether the re-check passed, answers as Yes/No or the choice's
 * label, then the computer's facts with numbers, sizes and durations through `Intl` in the
 * employee's language. Ids, versions, skipped steps and raw values stay in the attached transcript.
 */
import { formatConditionTrace } from '../engine/condition-trace.ts';
import type { RunEvent } from '../engine/events.ts';
import type { Lang } from '../kernel/lang.ts';
import type { TicketLabels } from './labels.ts';
import type { MachineSnapshot } from './snapshot.ts';

/** The employee's locale for each language (Belgium first: nl-BE, fr-BE, de-BE). */
const locales: Record<Lang, string> = { en: 'en-GB', nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE' };

function unit(lang: Lang, value: number, name: string, digits = 0): string {
  return new Intl.NumberFormat(locales[lang], { style: 'unit', unit: name, unitDisplay: name === 'gigabyte' || name === 'megabyte' ? 'short' : 'long', maximumFractionDigits: digits }).format(value);
}

/** Sizes in the units people see in their file manager (1024-based, as Windows shows them). */
export function formatSize(bytes: number, lang: Lang): string {
  const gb = bytes / 1024 ** 3;
  return gb >= 1 ? unit(lang, gb, 'gigabyte', gb >= 100 ? 0 : 1) : unit(lang, Math.round(bytes / 1024 ** 2), 'megabyte');
}

/** "2 days, 3 hours" / "2 dagen, 3 uur": the two largest parts, each an `Intl` unit, joined as a list. */
export function formatDuration(seconds: number, lang: Lang): string {
  const parts: Array<[number, string]> = [
    [Math.floor(seconds / 86400), 'day'],
    [Math.floor((seconds % 86400) / 3600), 'hour'],
    [Math.floor((seconds % 3600) / 60), 'minute'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  const shown = first < 0 ? [[0, 'minute'] as [number, string]] : parts.slice(first, first + 2).filter(([n]) => n > 0);
  return new Intl.ListFormat(locales[lang], { type: 'unit', style: 'long' }).format(shown.map(([n, name]) => unit(lang, n, name)));
}

export function describeSnapshot(s: MachineSnapshot, l: TicketLabels, lang: Lang): string {
  const lines = [`${l.os}: ${s.os} ${s.osVersion}`.trim(), `${l.hostname}: ${s.hostname}`, `${l.user}: ${s.user}`, `${l.uptime}: ${formatDuration(s.uptimeSeconds, lang)}`];
  for (const d of s.disks.slice(0, 4)) lines.push(`${l.diskFree} ${d.mount}: ${l.sizeOf(formatSize(d.freeBytes, lang), formatSize(d.sizeBytes, lang))}`);
  for (const n of s.network.filter((x) => x.up || x.isDefault).slice(0, 4)) {
    const kind = l.networkTypes[n.type] ?? n.type;
    lines.push(`${l.network}: ${n.iface} (${kind})${n.ip4 ? ` ${n.ip4}` : ''}${n.isDefault ? `, ${l.defaultRoute}` : ''}`);
  }
  if (s.defaultPrinter) lines.push(`${l.printer}: ${s.defaultPrinter}`);
  return lines.join('\n');
}

type StepNotes = { title: string; lines: string[]; findings: Set<string>; status?: string; skip?: string };

/** The numbered "what was tried" list: one block per step that ran, the result line last. */
export function describeRun(events: readonly RunEvent[], l: TicketLabels): string {
  const steps = new Map<string, StepNotes>();
  const choiceLabels = new Map<string, Map<string, string>>();
  const note = (stepId: string): StepNotes => {
    let step = steps.get(stepId);
    if (!step) steps.set(stepId, (step = { title: stepId, lines: [], findings: new Set() }));
    return step;
  };
  const found = (step: StepNotes, finding: string | undefined) => {
    if (!finding || step.findings.has(finding)) return;
    step.findings.add(finding);
    step.lines.push(`${l.finding}: ${finding}`);
  };
  for (const e of events) {
    if (!('stepId' in e)) continue;
    const step = note(e.stepId);
    switch (e.type) {
      case 'step-started':
        step.title = e.title;
        break;
      case 'question':
        if (e.question.type === 'choice') choiceLabels.set(e.stepId, new Map(e.question.choices.map((c) => [c.value, c.label])));
        break;
      case 'answer':
        step.lines.push(`${l.answer}: ${typeof e.value === 'boolean' ? (e.value ? l.yes : l.no) : (choiceLabels.get(e.stepId)?.get(e.value) ?? e.value)}`);
        break;
      case 'action-result':
        if (e.phase === 'fix') step.lines.push(`${l.fix}: ${e.ok ? l.fixApplied : l.fixFailed}${e.elevatedBy === 'broker' ? `, ${l.viaBroker}` : ''}`);
        found(step, e.finding);
        break;
      case 'consent-refused':
        step.lines.push(l.declined);
        break;
      case 'elevation-refused':
        step.lines.push(l.noRights);
        break;
      case 'verified':
        step.lines.push(l.verified);
        break;
      case 'verification-failed':
        step.lines.push(l.verificationFailed);
        break;
      case 'step-finished':
        step.status = e.status;
        if (e.skip) step.skip = formatConditionTrace(e.skip);
        found(step, e.finding);
        break;
      default:
        break;
    }
  }
  const ran = [...steps.values()].filter((s) => s.status !== 'skipped');
  const started = events.find((e) => e.type === 'run-started');
  const lines = started?.type === 'run-started' ? [`${l.troubleshooter}: ${started.title}`] : [];
  lines.push(...ran.flatMap((s, i) => [`${i + 1}. ${s.title}`, ...s.lines.map((line) => `   ${line}`)]));
  if (!ran.length) lines.push(l.nothingRan);
  const finished = events.find((e) => e.type === 'run-finished');
  if (finished?.type === 'run-finished') {
    // IT reads the escalation's IT text (the employee's words stay on the employee's screen).
    const why = finished.itReason ?? finished.reason;
    lines.push(`${l.result}: ${l.outcome[finished.outcome]}${why ? ` — ${why}` : ''}`);
    if (finished.cause) lines.push(`${l.cause}: ${finished.cause}`);
  }
  // Not tried, so not numbered; the condition that left a step out is for IT (skip traces, #17).
  const traced = [...steps.values()].filter((s) => s.status === 'skipped' && s.skip);
  if (traced.length) lines.push(`${l.notApplied}:`, ...traced.map((s) => `- ${s.title} — ${l.skippedWhen}: ${s.skip ?? ''}`));
  return lines.join('\n');
}
