/**
 * Local run history: one record per finished run (core/report's format, so `firstline report`
 * counts the same file), newest kept, bounded. Fed from the run manager's `onFinished`.
 */
import path from 'node:path';
import { z } from 'zod';
import type { RunEvent } from '../core/engine/events.ts';
import { historyLimit, runHistoryRecordSchema, type RunHistoryRecord } from '../core/report/types.ts';
import { keepNewest, openStore, type StoreReport } from '../core/store/store.ts';

/** A run that started and has not finished (yet): kept until it finishes, so `firstline report` can count the abandoned ones. */
export const openRunSchema = z.object({ runId: z.string(), troubleshooterId: z.string(), category: z.string(), startedAt: z.string() });
export type OpenRun = z.infer<typeof openRunSchema>;
const openLimit = 200;
const historyFileSchema = z.object({ runs: z.array(runHistoryRecordSchema), open: z.array(openRunSchema).default([]) });
type HistoryFile = z.infer<typeof historyFileSchema>;

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
};

export async function createRunHistory(options: {
  dataDir: string;
  limit?: number;
  onStoreReport?: (report: StoreReport) => void;
  /** A "Was this helpful?" answer was stored (the OTLP export counts it, issue 15). */
  onHelpful?: (record: RunHistoryRecord) => void;
}): Promise<RunHistory> {
  const limit = options.limit ?? historyLimit;
  const { store } = await openStore<HistoryFile>({
    file: path.join(options.dataDir, 'history.json'),
    schema: historyFileSchema,
    defaults: () => ({ runs: [], open: [] }),
    ...(options.onStoreReport ? { onReport: options.onStoreReport } : {}),
  });
  return {
    async record(record: RunHistoryRecord): Promise<void> {
      await store.update((data) => {
        data.runs = keepNewest([...data.runs.filter((r) => r.runId !== record.runId), record], limit);
        data.open = data.open.filter((r) => r.runId !== record.runId);
      });
    },
    /** A run started (not a dry run); `record` removes it again when it finishes. */
    async recordStarted(run: OpenRun): Promise<void> {
      await store.update((data) => {
        data.open = [...data.open.filter((r) => r.runId !== run.runId), run].slice(-openLimit);
      });
    },
    async markTicketCreated(runId: string): Promise<void> {
      if (!store.data.runs.some((r) => r.runId === runId)) return;
      await store.update((data) => {
        for (const r of data.runs) if (r.runId === runId) r.ticketCreated = true;
      });
    },
    /**
     * The employee's "Was this helpful?" answer after a run (issue 15): kept on the run's record,
     * the last answer counts. False when the run is not (or no longer) in the history.
     */
    async markHelpful(runId: string, helpful: boolean): Promise<boolean> {
      if (!store.data.runs.some((r) => r.runId === runId)) return false;
      await store.update((data) => {
        for (const r of data.runs) if (r.runId === runId) r.helpful = helpful;
      });
      const record = store.data.runs.find((r) => r.runId === runId);
      if (record) options.onHelpful?.(record);
      return true;
    },
    /** Newest first. */
    list: (): RunHistoryRecord[] => [...store.data.runs].reverse(),
  };
}
