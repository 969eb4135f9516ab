import { describe, expect, it } from 'vitest';
import { IpcFailure } from '../../../app/dispatcher.ts';
import { createRunManager, type RunManager, type StartRun } from '../../../app/runs.ts';
import type { RunEvent } from '../../../core/engine/events.ts';

const at = '2026-11-24T10:00:00.000Z';

/** A runner that asks one question and finishes with the answer as its reason. */
const askOnce: StartRun = async function* (id, { runId, interaction }) {
  yield { type: 'run-started', runId, seq: 0, at, troubleshooterId: id, version: '1', title: id, lang: 'en', platform: 'linux', dryRun: false };
  yield { type: 'question', runId, seq: 1, at, stepId: 'q', question: { type: 'yesno', prompt: 'OK?' } };
  const value = await interaction.ask('q', { type: 'yesno', prompt: 'OK?' });
  yield { type: 'run-finished', runId, seq: 2, at, outcome: 'resolved', reason: String(value), durationMs: 1 };
};

function setup(onEvent: (manager: RunManager, event: RunEvent) => void) {
  const order: string[] = [];
  let done: (e: RunEvent) => void = () => undefined;
  const finished = new Promise<RunEvent>((resolve) => (done = resolve));
  const manager: RunManager = createRunManager({
    startRun: askOnce,
    exists: () => true,
    emit: (_name, payload) => {
      const event = payload as RunEvent;
      order.push(`emit:${event.type}`);
      onEvent(manager, event);
      if (event.type === 'run-finished') done(event);
    },
    onFinished: () => {
      order.push('recorded');
    },
  });
  return { manager, order, finished };
}

describe('run manager', () => {
  it('keeps an answer that arrives before the runner waits for it', async () => {
    const { manager, finished } = setup((m, event) => {
      if (event.type === 'question') m.answer(event.runId, 'q', true);
    });
    manager.start('t', 'en', false);
    await expect(finished).resolves.toMatchObject({ outcome: 'resolved', reason: 'true' });
  });

  it('refuses answers to questions that were never asked, and a second answer to the same one', async () => {
    const { manager, finished } = setup((m, event) => {
      if (event.type !== 'question') return;
      expect(() => m.answer(event.runId, 'other', true)).toThrow(IpcFailure);
      m.answer(event.runId, 'q', false);
      expect(() => m.answer(event.runId, 'q', true)).toThrow(IpcFailure);
    });
    manager.start('t', 'en', false);
    await expect(finished).resolves.toMatchObject({ reason: 'false' });
    expect(() => manager.answer('nope-run', 'q', true)).toThrow(IpcFailure);
  });

  it('records the run before the UI hears that it finished', async () => {
    const { manager, order, finished } = setup((m, event) => {
      if (event.type === 'question') m.answer(event.runId, 'q', true);
    });
    manager.start('t', 'en', false);
    await finished;
    expect(order.indexOf('recorded')).toBeLessThan(order.indexOf('emit:run-finished'));
    expect(order.filter((o) => o === 'recorded')).toHaveLength(1);
  });

  it('cancelAll waits until a waiting run has wound down, and the UI hears it was cancelled', async () => {
    const { manager, order, finished } = setup(() => undefined);
    manager.start('t', 'en', false);
    await new Promise((resolve) => setImmediate(resolve));
    await manager.cancelAll();
    expect(manager.activeCount).toBe(0);
    expect(order).toContain('recorded');
    await expect(finished).resolves.toMatchObject({ outcome: 'cancelled' });
  });

  it('ends a run whose runner breaks with an error outcome instead of leaving the UI waiting', async () => {
    let done: (e: RunEvent) => void = () => undefined;
    const finished = new Promise<RunEvent>((resolve) => (done = resolve));
    const manager = createRunManager({
      startRun: async function* () {
        yield* [];
        throw new Error('broken runner');
      },
      exists: () => true,
      emit: (_name, payload) => {
        if ((payload as RunEvent).type === 'run-finished') done(payload as RunEvent);
      },
    });
    manager.start('t', 'en', false);
    await expect(finished).resolves.toMatchObject({ type: 'run-finished', outcome: 'error' });
  });

  it('still tells the UI the run ended when recording it fails', async () => {
    let done: (e: RunEvent) => void = () => undefined;
    const finished = new Promise<RunEvent>((resolve) => (done = resolve));
    const errors: string[] = [];
    const manager = createRunManager({
      startRun: askOnce,
      exists: () => true,
      emit: (_name, payload) => {
        const event = payload as RunEvent;
        if (event.type === 'question') manager.answer(event.runId, 'q', true);
        if (event.type === 'run-finished') done(event);
      },
      onFinished: () => {
        throw new Error('disk full');
      },
      log: { error: (message) => errors.push(message) },
    });
    manager.start('t', 'en', false);
    await expect(finished).resolves.toMatchObject({ outcome: 'resolved' });
    expect(errors).toEqual(['runs: recording a finished run failed']);
  });
});
