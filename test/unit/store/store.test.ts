import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { keepNewest, openStore } from '../../../core/store/store.ts';
import type { StoreReport } from '../../../core/store/store.ts';

const schema = z.object({ version: z.literal(1), history: z.array(z.string()) });
const defaults = () => ({ version: 1 as const, history: [] as string[] });
const clock = { now: () => new Date('2026-11-24T19:30:00.123Z') };
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fl-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openStore', () => {
  it('starts with defaults when the file does not exist and persists updates to disk', async () => {
    const file = path.join(dir, 'a.json');
    const { store, report } = await openStore({ file, schema, defaults, clock });
    expect(report).toBeNull();
    expect(store.data.history).toEqual([]);
    await store.update((d) => void d.history.push('one'));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, history: ['one'] });
    const reopened = await openStore({ file, schema, defaults, clock });
    expect(reopened.store.data.history).toEqual(['one']);
  });

  it.each([
    ['empty', ''],
    ['invalid-json', '{"version": 1, "hist'],
    ['wrong-shape', '{"version": 2, "history": "nope"}'],
  ] as const)('moves a %s file aside, reports it and continues empty', async (reason, content) => {
    const file = path.join(dir, 'outbox.json');
    await writeFile(file, content);
    const reports: StoreReport[] = [];
    const { store, report } = await openStore({ file, schema, defaults, clock, onReport: (r) => reports.push(r) });
    expect(report?.reason).toBe(reason);
    expect(reports).toHaveLength(1);
    expect(store.data).toEqual(defaults());
    expect(path.basename(report?.movedTo ?? '')).toBe('outbox.corrupt-20261124T193000123Z.json');
    expect(await readFile(report?.movedTo ?? '', 'utf8')).toBe(content);
    expect(await readdir(dir)).toEqual(['outbox.corrupt-20261124T193000123Z.json']);
    await store.update((d) => void d.history.push('fresh'));
    expect(JSON.parse(await readFile(file, 'utf8')).history).toEqual(['fresh']);
  });

  it('does not overwrite an earlier corrupt copy with the same timestamp', async () => {
    const file = path.join(dir, 's.json');
    await writeFile(file, 'x');
    const first = await openStore({ file, schema, defaults, clock });
    await writeFile(file, 'y');
    const second = await openStore({ file, schema, defaults, clock });
    expect(first.report?.movedTo).not.toBe(second.report?.movedTo);
    expect((await readdir(dir)).sort()).toHaveLength(2);
  });

  it('serialises concurrent updates: the last one wins and no temp file is left', async () => {
    const file = path.join(dir, 'c.json');
    const { store } = await openStore({ file, schema, defaults, clock });
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.update((d) => void d.history.push(String(i)))));
    const onDisk = JSON.parse(await readFile(file, 'utf8'));
    expect(onDisk.history).toHaveLength(50);
    expect(await readdir(dir)).toEqual(['c.json']);
  });

  it('removes temp files a killed writer left behind', async () => {
    const file = path.join(dir, 'd.json');
    await writeFile(path.join(dir, '.d.json.4242.7.tmp'), '{"half');
    await openStore({ file, schema, defaults, clock });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('keepNewest', () => {
  it('bounds a history to the newest N items', () => {
    expect(keepNewest([1, 2, 3, 4], 2)).toEqual([3, 4]);
    expect(keepNewest([1], 2)).toEqual([1]);
  });
});

describe('a change that cannot be saved', () => {
  it('is taken back, so memory never claims what the disk does not hold', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fl-rollback-'));
    const { store } = await openStore({ file: path.join(dir, 's.json'), schema: z.object({ language: z.string() }), defaults: () => ({ language: 'auto' }) });
    await store.update((d) => {
      d.language = 'fr';
    });
    // The next write fails: its folder is gone (works for root too, unlike a read-only folder).
    rmSync(dir, { recursive: true, force: true });
    await expect(
      store.update((d) => {
        d.language = 'nl';
      }),
    ).rejects.toThrow();
    expect(store.data.language).toBe('fr');
  });
});
