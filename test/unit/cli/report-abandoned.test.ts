/** Abandoned runs (started, never finished) are kept in history.json's `open` list and counted by `firstline report`. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRunHistory } from '../../../app/history.ts';
import { reportCommand } from '../../../cli/commands/report.ts';
import { captureIo } from './helpers.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('abandoned runs in firstline report', () => {
  it('counts a run started over an hour ago that never finished; not a finished one, not one still in progress', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fl-abandoned-'));
    const now = new Date('2026-12-01T12:00:00.000Z');
    const history = await createRunHistory({ dataDir: dir });
    const twoHoursAgo = '2026-12-01T10:00:00.000Z';
    await history.recordStarted({ runId: 'gone', troubleshooterId: 'printer-queue', category: 'printing', startedAt: twoHoursAgo });
    await history.recordStarted({ runId: 'done', troubleshooterId: 'network', category: 'network', startedAt: twoHoursAgo });
    await history.recordStarted({ runId: 'now', troubleshooterId: 'network', category: 'network', startedAt: '2026-12-01T11:59:00.000Z' });
    await history.record({
      runId: 'done',
      troubleshooterId: 'network',
      category: 'network',
      outcome: 'resolved',
      startedAt: twoHoursAgo,
      finishedAt: '2026-12-01T10:01:00.000Z',
      ticketCreated: false,
    });
    const file = path.join(dir, 'history.json');

    const text = captureIo();
    expect(await reportCommand(['--history', file], text.io, { now: () => now })).toBe(0);
    expect(text.stdout()).toContain('Abandoned (started, never finished, over an hour ago): 1 — printer-queue 1');

    const json = captureIo();
    expect(await reportCommand(['--json', '--history', file], json.io, { now: () => now })).toBe(0);
    expect((JSON.parse(json.stdout()) as { abandoned: unknown }).abandoned).toEqual({ total: 1, byTroubleshooter: [{ troubleshooterId: 'printer-queue', count: 1 }] });

    // Finishing removes a run from the open list.
    await history.record({
      runId: 'gone',
      troubleshooterId: 'printer-queue',
      category: 'printing',
      outcome: 'cancelled',
      startedAt: twoHoursAgo,
      finishedAt: '2026-12-01T12:00:00.000Z',
      ticketCreated: false,
    });
    const after = captureIo();
    await reportCommand(['--history', file], after.io, { now: () => now });
    expect(after.stdout()).toContain('Abandoned (started, never finished, over an hour ago): 0');
  });
});
