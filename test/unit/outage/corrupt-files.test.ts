/** DESIGN "Data kept on the machine": a corrupt outage file is moved aside and reported, never reset silently. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAffectedStore } from '../../../core/outage/affected.ts';
import { jsonStateFile } from '../../../core/outage/json-file.ts';
import { createOutageService } from '../../../core/outage/service.ts';
import type { StoreReport } from '../../../core/store/store.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const dataDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'firstline-outage-corrupt-'));
  dirs.push(dir);
  return dir;
};
const now = () => new Date('2026-11-24T11:00:00.123Z');

describe('corrupt outage files', () => {
  it('moves an unparseable "affected" file aside, reports it, and keeps marking', async () => {
    const dir = dataDir();
    const file = path.join(dir, 'outage-affected.json');
    writeFileSync(file, '{"affected": {"mail-down": {"at": "2026-11');
    const reports: StoreReport[] = [];
    const store = createAffectedStore({ file, now, onReport: (r) => reports.push(r) });

    expect(store.affectedIds()).toEqual([]);
    const movedTo = path.join(dir, 'outage-affected.corrupt-20261124T110000123Z.json');
    expect(reports).toEqual([{ kind: 'store-corrupt', file, movedTo, reason: 'invalid-json', detail: expect.any(String) as string, at: '2026-11-24T11:00:00.123Z' }]);
    // The employee's data is kept for IT to look at, byte for byte.
    expect(readFileSync(movedTo, 'utf8')).toBe('{"affected": {"mail-down": {"at": "2026-11');

    expect(await store.markAffected({ id: 'vpn-down' })).toEqual({ outageId: 'vpn-down', alreadyMarked: false, counted: false });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ affected: { 'vpn-down': { at: '2026-11-24T11:00:00.123Z', counted: false } } });
    // Reported once: the next reads find the fresh file. No temp files are left behind.
    expect(store.isAffected('vpn-down')).toBe(true);
    expect(reports).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual(['outage-affected.corrupt-20261124T110000123Z.json', 'outage-affected.json']);
  });

  it('moves a feed cache of the wrong shape aside and reports it through the service', () => {
    const dir = dataDir();
    const file = path.join(dir, 'outage-feed.json');
    writeFileSync(file, JSON.stringify({ url: 'http://127.0.0.1:1/feed.json', fetchedAt: 'yesterday', feed: { outages: 'none' } }));
    const reports: StoreReport[] = [];
    const service = createOutageService({ url: 'http://127.0.0.1:1/feed.json', dataDir: dir, now, onReport: (r) => reports.push(r) });

    expect(service.active('en')).toEqual([]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ file, reason: 'wrong-shape', movedTo: path.join(dir, 'outage-feed.corrupt-20261124T110000123Z.json') });
    expect(readdirSync(dir)).toEqual(['outage-feed.corrupt-20261124T110000123Z.json']);
  });

  it('reports an empty file and never overwrites an earlier corrupt copy', () => {
    const dir = dataDir();
    const file = path.join(dir, 'state.json');
    const reports: StoreReport[] = [];
    const state = jsonStateFile(file, z.object({ n: z.number() }), { now, onReport: (r) => reports.push(r) });
    writeFileSync(file, '');
    expect(state.read()).toBeUndefined();
    writeFileSync(file, '{"n": "one"}');
    expect(state.read()).toBeUndefined();
    expect(reports.map((r) => [r.reason, r.movedTo && path.basename(r.movedTo)])).toEqual([
      ['empty', 'state.corrupt-20261124T110000123Z.json'],
      ['wrong-shape', 'state.corrupt-20261124T110000123Z-1.json'],
    ]);
    expect(readFileSync(path.join(dir, 'state.corrupt-20261124T110000123Z-1.json'), 'utf8')).toBe('{"n": "one"}');
  });

  it('reads back what it wrote, and a missing file is simply no data', async () => {
    const dir = dataDir();
    const state = jsonStateFile(path.join(dir, 'nested', 'state.json'), z.object({ n: z.number() }), { now, onReport: () => expect.unreachable('nothing is corrupt') });
    expect(state.read()).toBeUndefined();
    await state.write({ n: 1 });
    expect(state.read()).toEqual({ n: 1 });
  });
});
