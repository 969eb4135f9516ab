/**
 * The journaled store (core/store/journal.ts) and the run history on it (app/history.ts): one
 * fsync'd line per change, a cut-off last line ignored and reported, compaction that keeps the
 * newest 1000, history files from before the journal loading as they are.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applyHistoryOp, createRunHistory, readHistoryJson } from '../../../app/history.ts';
import type { RunHistoryRecord } from '../../../core/report/types.ts';
import { journalPathFor, openJournaledStore, parseJournal } from '../../../core/store/journal.ts';
import type { StoreReport } from '../../../core/store/store.ts';

const schema = z.object({ version: z.literal(1), items: z.array(z.string()) });
const opSchema = z.object({ add: z.string() });
type Data = z.infer<typeof schema>;
const defaults = (): Data => ({ version: 1, items: [] });
// Idempotent as the journal requires: adding an item already there changes nothing.
const apply = (data: Data, op: { add: string }): Data => (data.items.includes(op.add) ? data : { ...data, items: [...data.items, op.add] });
const clock = { now: () => new Date('2026-12-01T07:30:00.000Z') };
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fl-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = (extra: { compactAfter?: number; onReport?: (r: StoreReport) => void } = {}) => openJournaledStore({ file: path.join(dir, 's.json'), schema, defaults, opSchema, apply, clock, ...extra });

const run = (n: number): RunHistoryRecord => ({
  runId: `run-${String(n).padStart(5, '0')}`,
  troubleshooterId: 'network',
  category: 'network',
  outcome: 'resolved',
  startedAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
  finishedAt: new Date(Date.UTC(2026, 0, 1, 0, n, 30)).toISOString(),
  ticketCreated: false,
});

describe('journaled store', () => {
  it('appends one line per change, leaves the JSON file alone until it compacts, and replays the lines on open', async () => {
    const { store } = await open();
    await store.append({ add: 'a' });
    await store.append({ add: 'b' });
    expect(store.data.items).toEqual(['a', 'b']);
    expect(await readFile(store.journalFile, 'utf8')).toBe('{"add":"a"}\n{"add":"b"}\n');
    expect(await readdir(dir)).toEqual(['s.journal.jsonl']);
    expect((await stat(store.journalFile)).mode & 0o777).toBe(0o600);

    // Opening replays the journal at once and folds it into s.json in the background.
    const reopened = await open();
    expect(reopened.store.data.items).toEqual(['a', 'b']);
    expect(reopened.reports).toEqual([]);
    await reopened.store.compact();
    expect(await readdir(dir)).toEqual(['s.json']);
    // With nothing left to fold, compact() only waits: s.json is not rewritten (a rewrite is a new file, renamed over it).
    const before = (await stat(path.join(dir, 's.json'))).ino;
    await reopened.store.compact();
    expect((await stat(path.join(dir, 's.json'))).ino).toBe(before);
    expect(JSON.parse(await readFile(path.join(dir, 's.json'), 'utf8'))).toEqual({ version: 1, items: ['a', 'b'] });
    expect((await stat(path.join(dir, 's.json'))).mode & 0o777).toBe(0o600);
  });

  it('ignores a cut-off last line (a killed writer), keeps it aside and reports it; the confirmed lines count', async () => {
    await writeFile(path.join(dir, 's.journal.jsonl'), '{"add":"a"}\n{"add":"b"}\n{"add":"c');
    const reports: StoreReport[] = [];
    const { store, reports: returned } = await open({ onReport: (r) => reports.push(r) });
    expect(store.data.items).toEqual(['a', 'b']);
    expect(reports).toEqual(returned);
    expect(reports).toEqual([expect.objectContaining({ reason: 'torn-journal', kept: 2, dropped: 1, file: path.join(dir, 's.journal.jsonl') })]);
    const aside = JSON.parse(await readFile(reports[0]?.movedTo ?? '', 'utf8')) as { items: { raw: string }[] };
    expect(aside.items.map((i) => i.raw)).toEqual(['{"add":"c']);
    // The next change is not glued to the cut-off line: the journal was folded away on open.
    await store.append({ add: 'd' });
    expect(await readFile(store.journalFile, 'utf8')).toBe('{"add":"d"}\n');
    expect((await open()).store.data.items).toEqual(['a', 'b', 'd']);
  });

  it('moves a complete line that is not a valid change aside and keeps the rest', async () => {
    await writeFile(path.join(dir, 's.journal.jsonl'), '{"add":"a"}\nnot json\n{"add":7}\n{"add":"b"}\n');
    const { store, reports } = await open();
    expect(store.data.items).toEqual(['a', 'b']);
    expect(reports).toEqual([expect.objectContaining({ reason: 'invalid-entries', kept: 2, dropped: 2 })]);
    expect(parseJournal('{"add":"a"}\nnot json\n{"add":7}\n{"add":"b"}\n', opSchema).invalid.map((d) => d.path)).toEqual(['line 2', 'line 3']);
  });

  it('compacts after compactAfter lines: the journal starts again, the JSON file holds everything', async () => {
    const { store } = await open({ compactAfter: 3 });
    for (const x of ['a', 'b', 'c', 'd', 'e']) await store.append({ add: x });
    // Lines a, b, c; then d folded a..c into s.json first and wrote its own line; e follows.
    expect(JSON.parse(await readFile(path.join(dir, 's.json'), 'utf8')).items).toEqual(['a', 'b', 'c']);
    expect(await readFile(store.journalFile, 'utf8')).toBe('{"add":"d"}\n{"add":"e"}\n');
    expect((await open()).store.data.items).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('a crash between the rewrite and the removal of the journal replays lines the file already holds: nothing doubles', async () => {
    const { store } = await open();
    await store.append({ add: 'a' });
    await store.append({ add: 'b' });
    const saved = path.join(dir, 'saved.jsonl');
    await cp(store.journalFile, saved);
    await store.compact();
    // As if the removal never reached the disk.
    await cp(saved, store.journalFile);
    await rm(saved);
    expect((await open()).store.data.items).toEqual(['a', 'b']);
  });

  it('takes back a change that cannot be written, and the next change starts with a compaction', async () => {
    const { store } = await open();
    await store.append({ add: 'a' });
    await rm(store.journalFile);
    // A folder where the journal should be: opening it for appending fails.
    await mkdir(store.journalFile);
    await expect(store.append({ add: 'b' })).rejects.toThrow();
    expect(store.data.items).toEqual(['a']);
    await rm(store.journalFile, { recursive: true });
    await store.append({ add: 'c' });
    // The compaction wrote the confirmed changes ('a', its journal line lost above), then c's line.
    expect(JSON.parse(await readFile(path.join(dir, 's.json'), 'utf8')).items).toEqual(['a']);
    expect(await readFile(store.journalFile, 'utf8')).toBe('{"add":"c"}\n');
    expect((await open()).store.data.items).toEqual(['a', 'c']);
  });

  it('serialises concurrent appends: every line whole, in call order', async () => {
    const { store } = await open({ compactAfter: 7 });
    await Promise.all(Array.from({ length: 30 }, (_, i) => store.append({ add: String(i) })));
    const reopened = await open();
    expect(reopened.store.data.items).toEqual(Array.from({ length: 30 }, (_, i) => String(i)));
    expect(reopened.reports).toEqual([]);
  });
});

describe('run history on the journal', () => {
  it('loads a history.json written by the previous version (pretty-printed, no journal, no open list) and keeps its format', async () => {
    const old = { runs: [run(1), { ...run(2), ticketCreated: true, helpful: true }] };
    await writeFile(path.join(dir, 'history.json'), JSON.stringify(old, null, 2));
    const history = await createRunHistory({ dataDir: dir });
    expect(history.list().map((r) => r.runId)).toEqual(['run-00002', 'run-00001']);
    await history.record(run(3));
    await history.compact();
    const file = JSON.parse(await readFile(path.join(dir, 'history.json'), 'utf8')) as { runs: RunHistoryRecord[]; open: unknown[] };
    expect(file).toEqual({ runs: [...old.runs, run(3)], open: [] });
    expect(await readdir(dir)).toEqual(['history.json']);
  });

  it('compaction keeps the newest 1000 runs', async () => {
    await writeFile(path.join(dir, 'history.json'), JSON.stringify({ runs: Array.from({ length: 998 }, (_, i) => run(i)) }));
    const history = await createRunHistory({ dataDir: dir, compactAfter: 2 });
    for (let n = 998; n < 1005; n++) await history.record(run(n));
    expect(history.list()).toHaveLength(1000);
    await history.compact();
    const runs = (JSON.parse(await readFile(path.join(dir, 'history.json'), 'utf8')) as { runs: RunHistoryRecord[] }).runs;
    expect(runs).toHaveLength(1000);
    expect(runs[0]?.runId).toBe('run-00005');
    expect(runs.at(-1)?.runId).toBe('run-01004');
  });

  it('every change survives a reopen before any compaction, and readers see the journal too', async () => {
    const history = await createRunHistory({ dataDir: dir });
    await history.recordStarted({ runId: 'run-00001', troubleshooterId: 'network', category: 'network', startedAt: run(1).startedAt });
    await history.recordStarted({ runId: 'run-00002', troubleshooterId: 'network', category: 'network', startedAt: run(2).startedAt });
    await history.record(run(1));
    await history.markTicketCreated('run-00001');
    expect(await history.markHelpful('run-00001', false)).toBe(true);
    const expected = { runs: [{ ...run(1), ticketCreated: true, helpful: false }], open: [expect.objectContaining({ runId: 'run-00002' })] };
    // Only the journal exists yet; `firstline report` reads it through readHistoryJson.
    expect(await readdir(dir)).toEqual(['history.journal.jsonl']);
    expect(readHistoryJson(path.join(dir, 'history.json'))).toEqual(expected);
    const reopened = await createRunHistory({ dataDir: dir });
    expect(reopened.list()).toEqual(expected.runs);
    expect(readHistoryJson(path.join(dir, 'history.json'))).toEqual(expected);
  });

  it('replaying a change twice gives the same history (what a crash during compaction does)', () => {
    const ops = [
      { op: 'started', run: { runId: 'run-00001', troubleshooterId: 'network', category: 'network', startedAt: run(1).startedAt } },
      { op: 'record', record: run(1) },
      { op: 'record', record: run(2) },
      { op: 'ticket', runId: 'run-00001' },
      { op: 'helpful', runId: 'run-00002', helpful: true },
    ] as const;
    const once = ops.reduce((d, op) => applyHistoryOp(d, op, 1000), { runs: [run(0)], open: [] as unknown[] });
    const twice = ops.reduce((d, op) => applyHistoryOp(d, op, 1000), once);
    expect(twice).toEqual(once);
    expect(journalPathFor(path.join(dir, 'history.json'))).toBe(path.join(dir, 'history.journal.jsonl'));
  });
});
