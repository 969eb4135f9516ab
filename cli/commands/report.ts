/**
 * `firstline report [--json|--csv] [--history <file>]` — self-help numbers from the local run
 * history. The history file defaults to FIRSTLINE_HISTORY_FILE, else the app's history store.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildReport, parseHistory } from '../../core/report/aggregate.ts';
import { reportToCsv, reportToJson, reportToText } from '../../core/report/format.ts';
import type { CommandIo } from '../command.ts';

export const reportUsage = 'Usage: firstline report [--json|--csv] [--history <file>]';

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
  const file = values.history ?? process.env.FIRSTLINE_HISTORY_FILE ?? options.defaultHistoryFile;
  if (!file) {
    io.err(`No history file: pass --history <file> or set FIRSTLINE_HISTORY_FILE.\n${reportUsage}`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    io.err(`Cannot read the run history ${file}: ${(error as Error).message}`);
    return 1;
  }
  const { records, skipped } = parseHistory(json);
  const report = buildReport(records, (options.now ?? (() => new Date()))(), skipped);
  io.out(values.json ? reportToJson(report) : values.csv ? reportToCsv(report).trimEnd() : reportToText(report));
  return 0;
}
