/** The run history keeps what issue 15's report needs: the opening time and the "Was this helpful?" answer. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunHistory, historyRecord, readHistoryJson } from '../../../app/history.ts';
import type { RunEvent } from '../../../core/engine/events.ts';
import type { RunHistoryRecord } from '../../../core/report/types.ts';

const events = [
  { type: 'run-started', runId: 'r1', troubleshooterId: 'camera', at: Date.parse('2026-11-30T10:00:00Z'), dryRun: false },
  { type: 'run-finished', runId: 'r1', outcome: 'resolved', at: Date.parse('2026-11-30T10:01:00Z') },
] as unknown as RunEvent[];

describe('run history for what IT learns', () => {
  it('records when Firstline was opened, but never a time after the run started', () => {
    expect(historyRecord(events, () => 'audio-video', new Date('2026-11-30T09:59:00Z'))?.openedAt).toBe('2026-11-30T09:59:00.000Z');
    expect(historyRecord(events, () => 'audio-video', new Date('2026-11-30T10:00:30Z'))).not.toHaveProperty('openedAt');
    expect(historyRecord(events, () => 'audio-video')).not.toHaveProperty('openedAt');
  });

  it('stores the last "Was this helpful?" answer on the run and tells the exporter; an unknown run is refused', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'firstline-history-'));
    const told: RunHistoryRecord[] = [];
    const history = await createRunHistory({ dataDir: dir, onHelpful: (r) => told.push({ ...r }) });
    await history.record(historyRecord(events, () => 'audio-video')!);
    expect(await history.markHelpful('r1', false)).toBe(true);
    expect(await history.markHelpful('r1', true)).toBe(true);
    expect(await history.markHelpful('nope', true)).toBe(false);
    expect(told.map((r) => r.helpful)).toEqual([false, true]);
    const saved = readHistoryJson(path.join(dir, 'history.json')) as { runs: RunHistoryRecord[] };
    expect(saved.runs[0]?.helpful).toBe(true);
  });
});
