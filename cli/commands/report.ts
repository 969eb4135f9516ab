/**
 * `firstline report [--json|--csv] [--history <file>]` — self-help numbers from the run history.
 * Without --history: FIRSTLINE_HISTORY_FILE, else history.json in this machine's app data folder
 * (FIRSTLINE_DATA_DIR, %APPDATA%\Firstline, ~/Library/Application Support/Firstline, ~/.config/Firstline).
 * "What IT learns" (issue 15) also reads activity.json and outbox.json from the history's folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { boundHistory, buildReport, parseHistory } from '../../core/report/aggregate.ts';
import { learningToText, reportToCsv, reportToJson, reportToText } from '../../core/report/format.ts';
import { buildLearning, parseActivity, parseOutbox } from '../../core/report/learn.ts';
import type { CommandIo } from '../command.ts';
import { appDataDir } from '../data-dir.ts';
import { openRunSchema, readHistoryJson } from '../../app/history.ts';
import { journalPathFor } from '../../core/store/journal.ts';

export const reportUsage = `Usage: firstline report [--json|--csv] [--history <file>]
  Without --history: $FIRSTLINE_HISTORY_FILE, else history.json in this machine's Firstline data folder.
  Missed searches, articles, feedback, question types and diagnosis come from activity.json and
  outbox.json in the same folder (text and --json; --csv is the run table only).`;

/** A JSON file next to the history; missing means "nothing recorded yet", unreadable is said and skipped. */
function readSibling(file: string, io: CommandIo): unknown {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    io.err(`Cannot read ${file}: ${(error as Error).message} (left out of the report)`);
    return {};
  }
}

export async function reportCommand(argv: readonly string[], io: CommandIo, options: { defaultHistoryFile?: string; now?: () => Date } = {}): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: { json: { type: 'boolean' }, csv: { type: 'boolean' }, history: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.out(reportUsage);
    return 0;
  }
  if (values.json && values.csv) {
    io.err(`Choose one of --json and --csv.\n${reportUsage}`);
    return 2;
  }
  const explicit = values.history ?? process.env.FIRSTLINE_HISTORY_FILE ?? options.defaultHistoryFile;
  const file = explicit ?? path.join(appDataDir(), 'history.json');
  let json: unknown;
  if (explicit === undefined && !existsSync(file) && !existsSync(journalPathFor(file))) {
    // Nothing run on this machine yet: an empty report, not an error.
    io.err(`No runs recorded on this machine yet (${file} does not exist).`);
    json = { runs: [] };
  } else {
    try {
      // history.json and the changes in its journal (history.journal.jsonl) not yet folded into it.
      json = readHistoryJson(file);
    } catch (error) {
      io.err(`Cannot read the run history ${file}: ${(error as Error).message}`);
      return 1;
    }
  }
  const { records, skipped } = parseHistory(json);
  const now = (options.now ?? (() => new Date()))();
  const report = buildReport(records, now, skipped);
  const abandoned = abandonedRuns(json, new Set(records.map((r) => r.runId)), now);
  if (values.csv) {
    io.out(reportToCsv(report).trimEnd());
    return 0;
  }
  const folder = path.dirname(file);
  const activity = parseActivity(readSibling(path.join(folder, 'activity.json'), io));
  const outbox = parseOutbox(readSibling(path.join(folder, 'outbox.json'), io));
  const learning = buildLearning({ runs: boundHistory(records), activity: activity.records, tickets: outbox.tickets });
  const unreadable = activity.skipped + outbox.skipped;
  const jsonText = reportToJson({ ...report, learning, skippedActivity: activity.skipped, skippedTickets: outbox.skipped });
  io.out(values.json ? JSON.stringify({ ...(JSON.parse(jsonText) as object), abandoned }, null, 2) : `${reportToText(report)}\n\n${learningToText(learning)}`);
  if (!values.json) {
    io.out(
      `\nAbandoned (started, never finished, over an hour ago): ${abandoned.total}${abandoned.total > 0 ? ` — ${abandoned.byTroubleshooter.map((t) => `${t.troubleshooterId} ${t.count}`).join(', ')}` : ''}`,
    );
    if (unreadable > 0) io.out(`${unreadable} unreadable activity or outbox records were skipped.`);
    const cli = records.filter((r) => r.via === 'cli').length;
    io.out(`\nHistory: ${file}${cli > 0 ? ` (${cli} of these runs were started by IT from the CLI)` : ''}`);
  }
  return 0;
}

/** Longer than any troubleshooter waits for the employee: a run open this long was abandoned (app killed, machine off, window left). */
const abandonedAfterMs = 3600_000;

/** Runs the app recorded as started (history.json `open`) that never finished and are not in progress. */
export function abandonedRuns(json: unknown, finished: ReadonlySet<string>, now: Date): { total: number; byTroubleshooter: { troubleshooterId: string; count: number }[] } {
  const open = json && typeof json === 'object' && Array.isArray((json as { open?: unknown }).open) ? (json as { open: unknown[] }).open : [];
  const counts = new Map<string, number>();
  for (const item of open) {
    const parsed = openRunSchema.safeParse(item);
    if (!parsed.success || finished.has(parsed.data.runId)) continue;
    const started = Date.parse(parsed.data.startedAt);
    if (!Number.isFinite(started) || now.getTime() - started < abandonedAfterMs) continue;
    counts.set(parsed.data.troubleshooterId, (counts.get(parsed.data.troubleshooterId) ?? 0) + 1);
  }
  const byTroubleshooter = [...counts].map(([troubleshooterId, count]) => ({ troubleshooterId, count })).sort((a, b) => b.count - a.count || a.troubleshooterId.localeCompare(b.troubleshooterId));
  return { total: byTroubleshooter.reduce((n, t) => n + t.count, 0), byTroubleshooter };
}
