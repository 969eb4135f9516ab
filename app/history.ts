/**
 * Local run history: one record per finished run (core/report's format, so `firstline report`
 * counts the same file), newest kept, bounded. Fed from the run manager's `onFinished`.
 *
 * history.json is the snapshot (the format every earlier version wrote, so an old file loads as
 * is); each change is one line in history.journal.jsonl (core/store/journal.ts), folded into
 * history.json when the app opens it and every 100 changes. `readHistoryJson` gives readers such
 * as `firstline report` both together.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RunEvent } from '../core/engine/events.ts';
import { historyLimit, runHistoryRecordSchema, type RunHistoryRecord } from '../core/report/types.ts';
import { journalPathFor, openJournaledStore, parseJournal } from '../core/store/journal.ts';
import { keepNewest, type StoreReport } from '../core/store/store.ts';

/** A run that started and has not finished (yet): kept until it finishes, so `firstline report` can count the abandoned ones. */
export const openRunSchema = z.object({ runId: z.string(), troubleshooterId: z.string(), category: z.string(), startedAt: z.string() });
export type OpenRun = z.infer<typeof openRunSchema>;
const openLimit = 200;
const historyFileSchema = z.object({ runs: z.array(runHistoryRecordSchema), open: z.array(openRunSchema).default([]) });
type HistoryFile = z.infer<typeof historyFileSchema>;

/** One change to the history, as a journal line. Each one sets a value, so replaying it twice changes nothing. */
export const historyOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('record'), record: runHistoryRecordSchema }),
  z.object({ op: z.literal('started'), run: openRunSchema }),
  z.object({ op: z.literal('ticket'), runId: z.string() }),
  z.object({ op: z.literal('helpful'), runId: z.string(), helpful: z.boolean() }),
]);
export type HistoryOp = z.infer<typeof historyOpSchema>;

/** The history's two lists, items unchecked (readers such as `firstline report` count the invalid ones). */
type HistoryLists = { runs: readonly unknown[]; open: readonly unknown[] };
const idOf = (item: unknown): unknown => (typeof item === 'object' && item !== null ? (item as { runId?: unknown }).runId : undefined);
const marked = (runs: readonly unknown[], runId: string, change: object): unknown[] => runs.map((r) => (idOf(r) === runId && typeof r === 'object' ? { ...r, ...change } : r));

/** The history after `op` (new arrays; the input is not changed). */
export function applyHistoryOp<F extends HistoryLists>(data: F, op: HistoryOp, limit: number = historyLimit): F {
  switch (op.op) {
    case 'record':
      return {
        ...data,
        runs: keepNewest([...data.runs.filter((r) => idOf(r) !== op.record.runId), op.record], limit),
        open: data.open.filter((r) => idOf(r) !== op.record.runId),
      };
    case 'started':
      return { ...data, open: [...data.open.filter((r) => idOf(r) !== op.run.runId), op.run].slice(-openLimit) };
    case 'ticket':
      return { ...data, runs: marked(data.runs, op.runId, { ticketCreated: true }) };
    case 'helpful':
      return { ...data, runs: marked(data.runs, op.runId, { helpful: op.helpful }) };
  }
}

/**
 * history.json with the changes in its journal applied, unchecked (for `firstline report`, which
 * counts what it cannot use). Throws like `JSON.parse` when history.json is not JSON; a missing
 * history.json with a journal reads as an empty history plus the journal.
 */
export function readHistoryJson(file: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    json = undefined;
  }
  let journal: string;
  try {
    journal = readFileSync(journalPathFor(file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (json === undefined) throw error;
    return json;
  }
  const base = json ?? { runs: [], open: [] };
  if (typeof base !== 'object' || base === null || !Array.isArray((base as { runs?: unknown }).runs)) return base;
  const open = (base as { open?: unknown }).open;
  let data: HistoryLists = { ...(base as HistoryLists), open: Array.isArray(open) ? open : [] };
  for (const op of parseJournal(journal, historyOpSchema).ops) data = applyHistoryOp(data, op);
  return data;
}

/**
 * The record of one transcript; null when the run never started or never finished. `openedAt`:
 * when the employee opened Firstline's window for this problem, if the shell knows (issue 15's
 * "time from opening Firstline to a fix"); a time after the run started is ignored.
 */
export function historyRecord(events: readonly RunEvent[], categoryOf: (troubleshooterId: string) => string, openedAt?: Date): RunHistoryRecord | null {
  const started = events.find((e) => e.type === 'run-started');
  const finished = events.find((e) => e.type === 'run-finished');
  if (started?.type !== 'run-started' || finished?.type !== 'run-finished') return null;
  // Dry runs are rehearsals by IT, not an employee's problem.
  if (started.dryRun) return null;
  return {
    runId: started.runId,
    troubleshooterId: started.troubleshooterId,
    category: categoryOf(started.troubleshooterId),
    outcome: finished.outcome,
    startedAt: new Date(started.at).toISOString(),
    finishedAt: new Date(finished.at).toISOString(),
    ticketCreated: false,
    ...(openedAt && openedAt.getTime() <= new Date(started.at).getTime() ? { openedAt: openedAt.toISOString() } : {}),
  };
}

/** Finished runs (history.json, newest kept) and runs in progress, for the window's history and the report. */
export type RunHistory = {
  record(record: RunHistoryRecord): Promise<void>;
  /** A run started (not dry runs): listed as open until it is recorded; `firstline report` counts old open runs as abandoned. */
  recordStarted(run: OpenRun): Promise<void>;
  markTicketCreated(runId: string): Promise<void>;
  /** Stores the "Was this helpful?" answer; false when the run is not in the history. */
  markHelpful(runId: string, helpful: boolean): Promise<boolean>;
  list(): RunHistoryRecord[];
  /** Folds the journal into history.json now (the CLI, before it exits, so the file it leaves is complete). */
  compact(): Promise<void>;
};

export async function createRunHistory(options: {
  dataDir: string;
  limit?: number;
  onStoreReport?: (report: StoreReport) => void;
  /** A "Was this helpful?" answer was stored (the OTLP export counts it, issue 15). */
  onHelpful?: (record: RunHistoryRecord) => void;
  /** Journal lines before they are folded into history.json (default 100; tests use fewer). */
  compactAfter?: number;
}): Promise<RunHistory> {
  const limit = options.limit ?? historyLimit;
  const { store } = await openJournaledStore<HistoryFile, HistoryOp>({
    file: path.join(options.dataDir, 'history.json'),
    schema: historyFileSchema,
    defaults: () => ({ runs: [], open: [] }),
    opSchema: historyOpSchema,
    // Both lists hold checked items: the snapshot passed historyFileSchema, each op historyOpSchema.
    apply: (data, op) => applyHistoryOp(data, op, limit),
    ...(options.compactAfter !== undefined ? { compactAfter: options.compactAfter } : {}),
    ...(options.onStoreReport ? { onReport: options.onStoreReport } : {}),
  });
  return {
    async record(record: RunHistoryRecord): Promise<void> {
      await store.append({ op: 'record', record });
    },
    /** A run started (not a dry run); `record` removes it again when it finishes. */
    async recordStarted(run: OpenRun): Promise<void> {
      await store.append({ op: 'started', run });
    },
    async markTicketCreated(runId: string): Promise<void> {
      if (!store.data.runs.some((r) => r.runId === runId)) return;
      await store.append({ op: 'ticket', runId });
    },
    /**
     * The employee's "Was this helpful?" answer after a run (issue 15): kept on the run's record,
     * the last answer counts. False when the run is not (or no longer) in the history.
     */
    async markHelpful(runId: string, helpful: boolean): Promise<boolean> {
      if (!store.data.runs.some((r) => r.runId === runId)) return false;
      await store.append({ op: 'helpful', runId, helpful });
      const record = store.data.runs.find((r) => r.runId === runId);
      if (record) options.onHelpful?.(record);
      return true;
    },
    /** Newest first. */
    list: (): RunHistoryRecord[] => [...store.data.runs].reverse(),
    compact: () => store.compact(),
  };
}
