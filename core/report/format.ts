/** Text, CSV and JSON renderings of the self-help report (for `firstline report`). */
import type { LearningReport } from './types.ts';
import type { SelfHelpReport, SelfHelpStats } from './types.ts';

const columns = ['runs', 'resolvedWithoutTicket', 'escalated', 'cancelled', 'medianSecondsToResolution', 'deflectionRate'] as const;

export function reportToJson(report: SelfHelpReport): string {
  return JSON.stringify(report, null, 2);
}

/** One row per troubleshooter, per category and the total; `scope` says which. RFC 4180 quoting. */
export function reportToCsv(report: SelfHelpReport): string {
  const header = ['scope', 'troubleshooterId', 'category', ...columns];
  const row = (scope: string, id: string, category: string, s: SelfHelpStats) => [scope, id, category, ...columns.map((c) => (s[c] === null ? '' : String(s[c])))];
  const rows = [
    header,
    ...report.byTroubleshooter.map((t) => row('troubleshooter', t.troubleshooterId, t.category, t)),
    ...report.byCategory.map((c) => row('category', '', c.category, c)),
    row('total', '', '', report.total),
  ];
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function reportToText(report: SelfHelpReport): string {
  const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
  const secs = (s: number | null) => (s === null ? '—' : `${Math.round(s)} s`);
  const line = (name: string, s: SelfHelpStats) =>
    `${name.padEnd(32)} ${String(s.runs).padStart(5)} ${String(s.resolvedWithoutTicket).padStart(9)} ${String(s.escalated).padStart(9)} ${String(s.cancelled).padStart(9)} ${secs(s.medianSecondsToResolution).padStart(8)} ${pct(s.deflectionRate).padStart(10)}`;
  const head = `${''.padEnd(32)} ${'runs'.padStart(5)} ${'resolved'.padStart(9)} ${'escalated'.padStart(9)} ${'cancelled'.padStart(9)} ${'median'.padStart(8)} ${'deflection'.padStart(10)}`;
  const period = report.period ? `Runs from ${report.period.from} to ${report.period.to}` : 'No runs recorded yet';
  return [
    period,
    '',
    'By troubleshooter',
    head,
    ...report.byTroubleshooter.map((t) => line(t.troubleshooterId, t)),
    '',
    'By category',
    head,
    ...report.byCategory.map((c) => line(c.category, c)),
    '',
    line('Total', report.total),
    ...(report.skippedRecords > 0 ? ['', `${report.skippedRecords} unreadable history records were skipped.`] : []),
  ].join('\n');
}

/** The "What IT learns" part of the text report: each figure with the sentence that says what it is. */
export function learningToText(learning: LearningReport): string {
  const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
  const rows = <T>(items: readonly T[], line: (item: T) => string, none: string) => (items.length === 0 ? [`  ${none}`] : items.map((item) => `  ${line(item)}`));
  const { runs, articles } = learning.feedback;
  return [
    'Searches that found nothing (normalized words, most frequent first)',
    ...rows(learning.missedSearches, (s) => `${String(s.count).padStart(5)}  ${s.terms}`, 'none recorded'),
    '',
    'Articles: viewed, helped, did not help',
    ...rows(learning.articles, (a) => `${a.articleId.padEnd(32)} ${String(a.views).padStart(5)} ${String(a.helpful).padStart(7)} ${String(a.notHelpful).padStart(7)}`, 'none viewed'),
    '',
    `"Was this helpful?" after a fix: ${runs.helpful} yes, ${runs.notHelpful} no; after an article: ${articles.helpful} yes, ${articles.notHelpful} no`,
    ...runs.byTroubleshooter.map((t) => `  ${t.troubleshooterId.padEnd(32)} ${String(t.helpful).padStart(5)} yes ${String(t.notHelpful).padStart(5)} no`),
    '',
    'Question types (category of every ticket sent from Firstline)',
    ...rows(learning.questionTypes, (q) => `${q.category.padEnd(32)} ${String(q.tickets).padStart(5)}`, 'no tickets sent'),
    '',
    `Time from opening Firstline to a fix (median of ${learning.timeToFix.fixes} fixes without a ticket): ${learning.timeToFix.medianSeconds === null ? '—' : `${Math.round(learning.timeToFix.medianSeconds)} s`}` +
      (learning.timeToFix.fixes > learning.timeToFix.measuredFromOpening
        ? ` (${learning.timeToFix.fixes - learning.timeToFix.measuredFromOpening} measured from the start of the fix: opening time not recorded)`
        : ''),
    `Tickets with a full diagnosis: ${learning.diagnosis.full} of ${learning.diagnosis.tickets} (${pct(learning.diagnosis.fullShare)}); partial ${learning.diagnosis.partial}, none ${learning.diagnosis.none}`,
  ].join('\n');
}
