/** Self-help numbers from local run history: per troubleshooter, per category and in total. */
import { historyLimit, runHistoryRecordSchema, type RunHistoryRecord, type SelfHelpReport, type SelfHelpStats } from './types.ts';

/** Keep the newest `limit` runs (by startedAt), oldest first — what the store keeps too. */
export function boundHistory(records: readonly RunHistoryRecord[], limit = historyLimit): RunHistoryRecord[] {
  return [...records].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt)).slice(-limit);
}

/** Accepts the raw history file content: an array of records, or `{ runs: [...] }` / `{ history: [...] }`. */
export function parseHistory(json: unknown): { records: RunHistoryRecord[]; skipped: number } {
  const list = Array.isArray(json) ? json : pickArray(json);
  const records: RunHistoryRecord[] = [];
  let skipped = 0;
  for (const item of list) {
    const parsed = runHistoryRecordSchema.safeParse(item);
    if (parsed.success) records.push(parsed.data);
    else skipped++;
  }
  return { records, skipped };
}

function pickArray(json: unknown): unknown[] {
  if (typeof json !== 'object' || json === null) return [];
  const object = json as Record<string, unknown>;
  const candidate = object.runs ?? object.history;
  return Array.isArray(candidate) ? candidate : [];
}

export function buildReport(records: readonly RunHistoryRecord[], now: Date, skippedRecords = 0): SelfHelpReport {
  const runs = boundHistory(records);
  const byTroubleshooter = groupBy(runs, (r) => r.troubleshooterId);
  const byCategory = groupBy(runs, (r) => r.category);
  const first = runs[0];
  const last = runs.at(-1);
  return {
    generatedAt: now.toISOString(),
    // The period ends when the last run ended, not when it began.
    period: first && last ? { from: first.startedAt, to: runs.map((r) => r.finishedAt).reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a)) } : null,
    total: stats(runs),
    byTroubleshooter: [...byTroubleshooter].map(([troubleshooterId, group]) => ({
      troubleshooterId,
      // A troubleshooter's category may change between versions; report the most recent.
      category: group.at(-1)?.category ?? '',
      ...stats(group),
    })),
    byCategory: [...byCategory].map(([category, group]) => ({ category, ...stats(group) })),
    skippedRecords,
  };
}

export function stats(runs: readonly RunHistoryRecord[]): SelfHelpStats {
  const resolved = runs.filter((r) => r.outcome === 'resolved' && !r.ticketCreated);
  const durations = resolved.map((r) => (Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000);
  return {
    runs: runs.length,
    resolvedWithoutTicket: resolved.length,
    escalated: runs.filter((r) => r.ticketCreated).length,
    cancelled: runs.filter((r) => r.outcome === 'cancelled').length,
    medianSecondsToResolution: median(durations),
    deflectionRate: runs.length === 0 ? null : Math.round((resolved.length / runs.length) * 1000) / 1000,
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return value ?? null;
}

/** Groups in order of first appearance, then sorted by run count (desc) and id for stable output. */
function groupBy(runs: readonly RunHistoryRecord[], key: (r: RunHistoryRecord) => string): Map<string, RunHistoryRecord[]> {
  const groups = new Map<string, RunHistoryRecord[]>();
  for (const run of runs) {
    const k = key(run);
    groups.set(k, [...(groups.get(k) ?? []), run]);
  }
  return new Map([...groups].sort(([a, ga], [b, gb]) => gb.length - ga.length || a.localeCompare(b)));
}
