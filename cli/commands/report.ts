/**
 * `firstline report [--json|--csv] [--history <file>]` — self-help numbers from the run history.
 * Without --history: FIRSTLINE_HISTORY_FILE, else history.json in this machine's app data folder
 * (FIRSTLINE_DATA_DIR, %APPDATA%\Firstline, ~/Library/Application Support/Firstline, ~/.config/Firstline).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildReport, parseHistory } from '../../core/report/aggregate.ts';
import { reportToCsv, reportToJson, reportToText } from '../../core/report/format.ts';
import type { CommandIo } from '../command.ts';
import { appDataDir } from '../data-dir.ts';

export const reportUsage = `Usage: firstline report [--json|--csv] [--history <file>]
  Without --history: $FIRSTLINE_HISTORY_FILE, else history.json in this machine's Firstline data folder.`;

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
  if (explicit === undefined && !existsSync(file)) {
    // Nothing run on this machine yet: an empty report, not an error.
    io.err(`No runs recorded on this machine yet (${file} does not exist).`);
    json = { runs: [] };
  } else {
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      io.err(`Cannot read the run history ${file}: ${(error as Error).message}`);
      return 1;
    }
  }
  const { records, skipped } = parseHistory(json);
  const report = buildReport(records, (options.now ?? (() => new Date()))(), skipped);
  io.out(values.json ? reportToJson(report) : values.csv ? reportToCsv(report).trimEnd() : reportToText(report));
  if (!values.json && !values.csv) {
    const cli = records.filter((r) => r.via === 'cli').length;
    io.out(`\nHistory: ${file}${cli > 0 ? ` (${cli} of these runs were started by IT from the CLI)` : ''}`);
  }
  return 0;
}
