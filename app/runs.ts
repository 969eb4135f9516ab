/**
 * Keeps the runs that are in progress: starts them, forwards their events to the UI, and
 * parks questions and consent requests until the employee answers through IPC.
 */
import { randomBytes } from 'node:crypto';
import type { AnswerValue, RunEvent } from '../core/engine/events.ts';
import type { ConsentRequest, InteractionPort } from '../core/engine/ports.ts';
import type { Lang } from '../core/kernel/lang.ts';
import { IpcFailure, type EventSink } from './dispatcher.ts';

export type StartRun = (troubleshooterId: string, options: { runId: string; lang: Lang; dryRun: boolean; signal: AbortSignal; interaction: InteractionPort }) => AsyncIterable<RunEvent>;

type Pending = { resolve(value: AnswerValue | boolean): void; reject(error: Error): void };
type ActiveRun = {
  controller: AbortController;
  pending: Map<string, Pending>;
  /** Questions and consent requests already sent to the UI, keyed like `pending`. */
  asked: Set<string>;
  /** Answers that arrived before the runner started waiting for them. */
  early: Map<string, AnswerValue | boolean>;
  /** Events so far, so the app can look up what the run showed (an info step's link). */
  transcript: RunEvent[];
};

/** The runs of one window: started by troubleshooter id, answered and consented to by run id. */
export type RunManager = {
  /** Starts a run; its events go to the window. Throws `not-found` for an unknown troubleshooter. */
  start(troubleshooterId: string, lang: Lang, dryRun: boolean): { runId: string };
  answer(runId: string, stepId: string, value: AnswerValue): { ok: true };
  consent(runId: string, stepId: string, granted: boolean): { ok: true };
  /** Throws `not-found` when the run is not active. */
  cancel(runId: string): { ok: true };
  /** Aborts every run (app quit / host shutdown) and resolves once each has wound down. */
  cancelAll(): Promise<void>;
  /** The events of a run still in progress; finished runs are kept by the ticket desk. */
  transcript(runId: string): readonly RunEvent[] | undefined;
  readonly activeCount: number;
};

export function createRunManager(deps: {
  startRun: StartRun;
  exists(troubleshooterId: string): boolean;
  emit: EventSink;
  onFinished?(events: RunEvent[]): void | Promise<void>;
  /** Where a failing onFinished is reported; the run still ends for the UI. */
  log?: { error(message: string, details?: unknown): void };
}): RunManager {
  const active = new Map<string, ActiveRun>();
  const pumps = new Set<Promise<void>>();

  function park(run: ActiveRun, key: string): Promise<AnswerValue | boolean> {
    if (run.early.has(key)) {
      const value = run.early.get(key) as AnswerValue | boolean;
      run.early.delete(key);
      return Promise.resolve(value);
    }
    return new Promise((resolve, reject) => {
      run.pending.set(key, { resolve, reject });
    });
  }

  /**
   * An answer may arrive between the UI seeing the question and the runner waiting for it (a
   * fast client, a keyboard shortcut): it is kept for that question. Anything not asked is refused.
   */
  function settle(runId: string, key: string, value: AnswerValue | boolean) {
    const run = active.get(runId);
    const pending = run?.pending.get(key);
    if (run && pending) {
      run.pending.delete(key);
      run.asked.delete(key);
      pending.resolve(value);
      return;
    }
    if (!run || !run.asked.has(key) || run.early.has(key)) throw new IpcFailure('not-found', { runId, key });
    run.asked.delete(key);
    run.early.set(key, value);
  }

  async function pump(runId: string, run: ActiveRun, stream: AsyncIterable<RunEvent>) {
    const transcript = run.transcript;
    let finished = false;
    const finish = async () => {
      if (finished) return;
      finished = true;
      for (const pending of run.pending.values()) pending.reject(new Error('run ended'));
      active.delete(runId);
      try {
        await deps.onFinished?.(transcript);
      } catch (error) {
        deps.log?.error('runs: recording a finished run failed', { runId, error: String(error) });
      }
    };
    try {
      for await (const event of stream) {
        transcript.push(event);
        if (event.type === 'question') run.asked.add(`ask:${event.stepId}`);
        if (event.type === 'consent-requested') run.asked.add(`consent:${event.stepId}`);
        // History and the ticket transcript are recorded before the UI learns the run ended,
        // so a History screen opened right after shows it.
        if (event.type === 'run-finished') await finish();
        deps.emit('run:event', event);
      }
    } catch {
      // The runner itself broke (or was torn down while waiting): end the run visibly instead of
      // leaving the UI waiting, and never let the rejection escape into the process.
      if (!finished) {
        const outcome = run.controller.signal.aborted ? 'cancelled' : 'error';
        const event: RunEvent = { type: 'run-finished', runId, seq: transcript.length, at: new Date().toISOString(), outcome, durationMs: 0 };
        transcript.push(event);
        await finish();
        deps.emit('run:event', event);
      }
    } finally {
      await finish();
    }
  }

  return {
    start(troubleshooterId: string, lang: Lang, dryRun: boolean): { runId: string } {
      if (!deps.exists(troubleshooterId)) throw new IpcFailure('not-found', { troubleshooterId });
      const runId = randomBytes(12).toString('base64url');
      const run: ActiveRun = { controller: new AbortController(), pending: new Map(), asked: new Set(), early: new Map(), transcript: [] };
      active.set(runId, run);
      const interaction: InteractionPort = {
        ask: async (stepId) => (await park(run, `ask:${stepId}`)) as AnswerValue,
        consent: async (request: ConsentRequest) => (await park(run, `consent:${request.stepId}`)) === true,
      };
      const stream = deps.startRun(troubleshooterId, { runId, lang, dryRun, signal: run.controller.signal, interaction });
      // Started on the next tick so the caller gets the run id before the first event arrives.
      setImmediate(() => {
        const pumping = pump(runId, run, stream).finally(() => pumps.delete(pumping));
        pumps.add(pumping);
      });
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
    /** Aborts every run (app quit / host shutdown) and resolves once each has wound down. */
    async cancelAll(): Promise<void> {
      for (const run of active.values()) {
        run.controller.abort();
        for (const pending of run.pending.values()) pending.reject(new Error('cancelled'));
        run.pending.clear();
      }
      // Runs started this tick have not begun pumping yet.
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.allSettled([...pumps]);
    },
    /** The events of a run still in progress; finished runs are kept by the ticket desk. */
    transcript(runId: string): readonly RunEvent[] | undefined {
      return active.get(runId)?.transcript;
    },
    get activeCount() {
      return active.size;
    },
  };
}
