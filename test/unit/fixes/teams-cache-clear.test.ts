/**
 * What a Teams cache clearing moves, keeps, refuses and counts (core/fixes/teams/cache.ts,
 * `clearLocations` and `countCacheEntries`, issue #17), on small real folders in a temp home: the
 * fast unit counterpart of test/integration/fixes/teams-confinement.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearLocations, countCacheEntries } from '../../../core/fixes/teams/cache.ts';
import type { CacheLocation } from '../../../core/fixes/teams/paths.ts';

let root: string;
let backupDir: string;
beforeEach(() => {
  root = realpathSync(mkdtempSync(path.join(tmpdir(), 'fl-teams-clear-')));
  backupDir = path.join(root, 'backup', '2026-12-01T04-00-00');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const write = (file: string, text = 'x') => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};
const at = (...parts: string[]) => path.join(root, ...parts);

describe('clearLocations', () => {
  it('moves listed entries, skips missing ones, never touches kept ones, and reports the kept ones that exist', async () => {
    const base = at('Teams');
    write(path.join(base, 'Cache', 'f_1'), 'cache');
    write(path.join(base, 'Backgrounds', 'Uploads', 'me.png'), 'mine');
    write(path.join(base, 'Partitions', 'p', 'Preferences'), 'prefs');
    write(path.join(base, 'Partitions', 'p', 'Cache', 'f_2'), 'partition cache');
    const location: CacheLocation = {
      client: 'classic',
      base,
      // 'Backgrounds/Uploads' lies inside a kept folder; 'Partitions' holds a kept file: both stay whole.
      clear: ['Cache', 'GPUCache', 'Backgrounds/Uploads', 'Partitions', 'Partitions/p/Cache'],
      keep: ['Backgrounds', 'Partitions/p/Preferences', 'settings.json'],
    };
    const report = await clearLocations('linux', [root], [location], backupDir);
    expect(report).toEqual({
      moved: [path.join(base, 'Cache'), path.join(base, 'Partitions/p/Cache')],
      deleted: [],
      kept: [path.join(base, 'Backgrounds'), path.join(base, 'Partitions/p/Preferences')],
      refused: [],
      failed: [],
      backupDir,
    });
    expect(readFileSync(path.join(backupDir, '0-classic-Teams', 'Cache', 'f_1'), 'utf8')).toBe('cache');
    expect(readFileSync(path.join(backupDir, '0-classic-Teams', 'Partitions', 'p', 'Cache', 'f_2'), 'utf8')).toBe('partition cache');
    expect(readFileSync(path.join(base, 'Backgrounds', 'Uploads', 'me.png'), 'utf8')).toBe('mine');
    expect(readFileSync(path.join(base, 'Partitions', 'p', 'Preferences'), 'utf8')).toBe('prefs');
  });

  it('moves every entry of a "*" base except the kept ones, into a backup folder named per location', async () => {
    write(at('Caches', 'a', 'f'), 'a');
    write(at('Caches', 'b'), 'b');
    write(at('Caches', 'keep.json'), 'k');
    write(at('Teams', 'Cache', 'f'), 'c');
    const locations: CacheLocation[] = [
      { client: 'new', base: at('Caches'), clear: '*', keep: ['keep.json'] },
      { client: 'classic', base: at('Teams'), clear: ['Cache'], keep: [] },
    ];
    const report = await clearLocations('linux', [root], locations, backupDir);
    expect(report.moved.sort()).toEqual([at('Caches', 'a'), at('Caches', 'b'), at('Teams', 'Cache')]);
    expect(report.kept).toEqual([at('Caches', 'keep.json')]);
    expect(readdirSync(backupDir).sort()).toEqual(['0-new-Caches', '1-classic-Teams']);
    expect(readdirSync(path.join(backupDir, '0-new-Caches')).sort()).toEqual(['a', 'b']);
    expect(readFileSync(path.join(backupDir, '1-classic-Teams', 'Cache', 'f'), 'utf8')).toBe('c');
    expect(readdirSync(at('Caches'))).toEqual(['keep.json']);
  });

  it('refuses a base or an entry that leads out of the cache, moves nothing there, and goes on with the next location', async () => {
    write(at('Documents', 'thesis.docx'), 'mine');
    mkdirSync(at('Teams'));
    symlinkSync(at('Documents'), at('Teams', 'Cache'));
    symlinkSync(at('Documents'), at('Linked'));
    write(at('Other', 'GPUCache', 'g'), 'g');
    const locations: CacheLocation[] = [
      { client: 'classic', base: at('Teams'), clear: ['Cache', '../Documents'], keep: [] },
      { client: 'new', base: at('Linked'), clear: ['thesis.docx'], keep: [] },
      { client: 'new', base: at('Missing'), clear: ['Cache'], keep: [] },
      { client: 'new', base: at('Other'), clear: ['GPUCache'], keep: [] },
    ];
    const report = await clearLocations('linux', [root], locations, backupDir);
    expect(report).toEqual({
      moved: [at('Other', 'GPUCache')],
      deleted: [],
      kept: [],
      refused: [at('Teams', 'Cache'), at('Documents'), at('Linked')],
      failed: [],
      backupDir,
    });
    expect(readFileSync(at('Documents', 'thesis.docx'), 'utf8')).toBe('mine');
    expect(readdirSync(backupDir)).toEqual(['3-new-Other']);
  });

  it('reports no backup folder when nothing was moved', async () => {
    mkdirSync(at('Teams'));
    const report = await clearLocations('linux', [root], [{ client: 'classic', base: at('Teams'), clear: ['Cache'], keep: [] }], backupDir);
    expect(report).toEqual({ moved: [], deleted: [], kept: [], refused: [], failed: [] });
    expect(existsSync(backupDir)).toBe(false);
  });
});

describe('countCacheEntries', () => {
  it('counts the entries a clearing would move, and the bases it would use', async () => {
    write(at('Teams', 'Cache', 'f'));
    write(at('Teams', 'GPUCache', 'g'));
    write(at('Teams', 'Backgrounds', 'b'));
    symlinkSync(at('Documents'), at('Teams', 'Code Cache'));
    write(at('Caches', 'x'));
    write(at('Caches', 'keep.json'));
    symlinkSync(at('Teams'), at('Linked'));
    const locations: CacheLocation[] = [
      { client: 'classic', base: at('Teams'), clear: ['Cache', 'GPUCache', 'Code Cache', 'IndexedDB', 'Backgrounds'], keep: ['Backgrounds'] },
      { client: 'new', base: at('Caches'), clear: '*', keep: ['keep.json'] },
      { client: 'new', base: at('Linked'), clear: ['Cache'], keep: [] },
      { client: 'new', base: at('Missing'), clear: '*', keep: [] },
    ];
    expect(await countCacheEntries('linux', locations, [root])).toEqual({ entries: 3, bases: [at('Teams'), at('Caches')] });
    expect(await countCacheEntries('linux', locations, [])).toEqual({ entries: 0, bases: [] });
  });
});
