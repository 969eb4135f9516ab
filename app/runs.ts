/**
 * Keeps the runs that are in progress: starts them, forwards their events to the UI, and
 * parks questions and consent requests until the employee answers through IPC.
 */
import { randomBytes } from 'node:crypto';
import type { AnswerValue, RunEvent } from '../core/engine/events.ts';
import type { ConsentRequest, InteractionPort } from '../core/engine/ports.ts';
import type { Lang } from '../core/engine/action.ts';
import { IpcFailure, type EventSink } from './dispatcher.ts';

export type StartRun = (
  troubleshooterId: string,
  options: { runId: string; lang: Lang; dryRun: boolean; signal: AbortSignal; interaction: InteractionPort },
) => AsyncIterable<RunEvent>;

type Pending = { resolve(value: AnswerValue | boolean): void; reject(error: Error): void };
type ActiveRun = { controller: AbortController; pending: Map<string, Pending> };

export type RunManager = ReturnType<typeof createRunManager>;

export function createRunManager(deps: {
  startRun: StartRun;
  exists(troubleshooterId: string): boolean;
  emit: EventSink;
  onFinished?(events: RunEvent[]): void | Promise<void>;
}) {
  const active = new Map<string, ActiveRun>();

  function park(run: ActiveRun, key: string): Promise<AnswerValue | boolean> {
    return new Promise((resolve, reject) => {
      run.pending.set(key, { resolve, reject });
    });
  }

  function settle(runId: string, key: string, value: AnswerValue | boolean) {
    const pending = active.get(runId)?.pending.get(key);
    if (!pending) throw new IpcFailure('not-found', { runId, key });
    active.get(runId)?.pending.delete(key);
    pending.resolve(value);
  }

  async function pump(runId: string, run: ActiveRun, stream: AsyncIterable<RunEvent>) {
    const transcript: RunEvent[] = [];
    try {
      for await (const event of stream) {
        transcript.push(event);
        deps.emit('run:event', event);
      }
    } finally {
      for (const pending of run.pending.values()) pending.reject(new Error('run ended'));
      active.delete(runId);
      await deps.onFinished?.(transcript);
    }
  }

  return {
    start(troubleshooterId: string, lang: Lang, dryRun: boolean): { runId: string } {
      if (!deps.exists(troubleshooterId)) throw new IpcFailure('not-found', { troubleshooterId });
      const runId = randomBytes(12).toString('base64url');
      const run: ActiveRun = { controller: new AbortController(), pending: new Map() };
      active.set(runId, run);
      const interaction: InteractionPort = {
        ask: async (stepId) => (await park(run, `ask:${stepId}`)) as AnswerValue,
        consent: async (request: ConsentRequest) => (await park(run, `consent:${request.stepId}`)) === true,
      };
      const stream = deps.startRun(troubleshooterId, { runId, lang, dryRun, signal: run.controller.signal, interaction });
      // Started on the next tick so the caller gets the run id before the first event arrives.
      setImmediate(() => void pump(runId, run, stream));
      return { runId };
    },
    answer(runId: string, stepId: string, value: AnswerValue) {
      settle(runId, `ask:${stepId}`, value);
      return { ok: true as const };
    },
    consent(runId: string, stepId: string, granted: boolean) {
      settle(runId, `consent:${stepId}`, granted);
      return { ok: true as const };
    },
    cancel(runId: string) {
      const run = active.get(runId);
      if (!run) throw new IpcFailure('not-found', { runId });
      run.controller.abort();
      for (const pending of run.pending.values()) pending.reject(new Error('cancelled'));
      run.pending.clear();
      return { ok: true as const };
    },
    /** Aborts every run (app quit / host shutdown). */
    cancelAll() {
      for (const run of active.values()) run.controller.abort();
    },
    get activeCount() {
      return active.size;
    },
  };
}
