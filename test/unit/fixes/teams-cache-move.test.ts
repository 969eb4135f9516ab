/**
 * How a Teams cache entry reaches the backup (core/fixes/teams/cache.ts, issue #17): a rename on
 * one disk; across disks (`EXDEV`) a copy then a removal when the backup disk has room for it,
 * else a removal only (Teams rebuilds its cache); any other rename error leaves the entry where
 * it is. The cross-disk rename is injected through the `MoveFs` port, and done for real when
 * /dev/shm is another file system than the temp folder.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { rename, statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearLocations, type MoveFs } from '../../../core/fixes/teams/cache.ts';
import type { CacheLocation } from '../../../core/fixes/teams/paths.ts';

let root: string;
let base: string;
let backupDir: string;
const cleanup: string[] = [];
beforeEach(() => {
  root = realpathSync(mkdtempSync(path.join(tmpdir(), 'fl-teams-move-')));
  cleanup.push(root);
  base = path.join(root, 'AppData', 'Teams');
  backupDir = path.join(root, 'backup', '2026-12-01T04-00-00');
});
afterEach(() => {
  for (const dir of cleanup.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const location = (): CacheLocation => ({ client: 'classic', base, clear: ['Cache', 'GPUCache'], keep: ['Backgrounds'] });
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};
/** A cache folder of exactly 100 bytes (60 + 32, and 8 for the link): nested files and a relative symlink that must stay relative. */
function seedCache(): void {
  write(path.join(base, 'Cache', 'f_000001'), 'a'.repeat(60));
  write(path.join(base, 'Cache', 'index', 'data_0'), 'b'.repeat(32));
  symlinkSync('f_000001', path.join(base, 'Cache', 'current'));
  write(path.join(base, 'Backgrounds', 'beach.png'), 'mine');
}
/** The copy in the backup is the cache as it was, byte for byte, link for link. */
function expectCacheAt(dir: string): void {
  expect(readFileSync(path.join(dir, 'f_000001'), 'utf8')).toBe('a'.repeat(60));
  expect(readFileSync(path.join(dir, 'index', 'data_0'), 'utf8')).toBe('b'.repeat(32));
  expect(lstatSync(path.join(dir, 'current')).isSymbolicLink()).toBe(true);
  expect(readlinkSync(path.join(dir, 'current'))).toBe('f_000001');
}
const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/** The real file system, except that every rename fails with `code` and the free space may be given. */
function fsWith(code: string, free?: number | Error): MoveFs & { renames: string[]; statfsCalls: number } {
  const port = {
    renames: [] as string[],
    statfsCalls: 0,
    async rename(from: string) {
      port.renames.push(from);
      throw errno(code);
    },
    async statfs(dir: string) {
      port.statfsCalls += 1;
      if (free instanceof Error) throw free;
      return free === undefined ? statfs(dir) : { bavail: free / 4, bsize: 4 };
    },
  };
  return port;
}

describe('moving a Teams cache entry into the backup', () => {
  it('renames on the same disk: the entry is in the dated backup folder and gone from the cache', async () => {
    seedCache();
    const report = await clearLocations('linux', [root], [location()], backupDir);
    expect(report).toEqual({ moved: [path.join(base, 'Cache')], deleted: [], kept: [path.join(base, 'Backgrounds')], refused: [], failed: [], backupDir });
    expectCacheAt(path.join(backupDir, '0-classic-Teams', 'Cache'));
    expect(existsSync(path.join(base, 'Cache'))).toBe(false);
    expect(readFileSync(path.join(base, 'Backgrounds', 'beach.png'), 'utf8')).toBe('mine');
  });

  it('copies then removes across disks (EXDEV) when there is room, leaving the data intact in the backup', async () => {
    seedCache();
    const fs = fsWith('EXDEV');
    const report = await clearLocations('linux', [root], [location()], backupDir, fs);
    expect(fs.renames).toEqual([path.join(base, 'Cache')]);
    expect(report).toEqual({ moved: [path.join(base, 'Cache')], deleted: [], kept: [path.join(base, 'Backgrounds')], refused: [], failed: [], backupDir });
    expectCacheAt(path.join(backupDir, '0-classic-Teams', 'Cache'));
    expect(existsSync(path.join(base, 'Cache'))).toBe(false);
  });

  it('copies only when the cache takes less than half the free space of the backup disk, else deletes it', async () => {
    // 100 bytes of cache: 204 bytes free (51 blocks of 4) is enough room, 200 is not.
    seedCache();
    const roomy = await clearLocations('linux', [root], [location()], backupDir, fsWith('EXDEV', 204));
    expect(roomy).toMatchObject({ moved: [path.join(base, 'Cache')], deleted: [], failed: [], backupDir });
    expectCacheAt(path.join(backupDir, '0-classic-Teams', 'Cache'));

    rmSync(backupDir, { recursive: true });
    seedCache();
    const tight = await clearLocations('linux', [root], [location()], backupDir, fsWith('EXDEV', 200));
    expect(tight).toEqual({ moved: [], deleted: [path.join(base, 'Cache')], kept: [path.join(base, 'Backgrounds')], refused: [], failed: [] });
    expect(existsSync(path.join(base, 'Cache'))).toBe(false);
    expect(existsSync(path.join(backupDir, '0-classic-Teams', 'Cache'))).toBe(false);
  });

  it('deletes without copying when the free space of the backup disk cannot be read', async () => {
    seedCache();
    const report = await clearLocations('linux', [root], [location()], backupDir, fsWith('EXDEV', errno('ENOSYS')));
    expect(report).toMatchObject({ moved: [], deleted: [path.join(base, 'Cache')], failed: [] });
    expect(report.backupDir).toBeUndefined();
    expect(existsSync(path.join(base, 'Cache'))).toBe(false);
    expect(existsSync(path.join(backupDir, '0-classic-Teams', 'Cache'))).toBe(false);
  });

  it.each(['EBUSY', 'EPERM', 'ENOSPC'])('leaves an entry whose rename fails with %s where it is and reports it as failed', async (code) => {
    seedCache();
    write(path.join(base, 'GPUCache', 'data_1'), 'gpu');
    const fs = fsWith(code);
    const report = await clearLocations('linux', [root], [location()], backupDir, fs);
    expect(report).toEqual({ moved: [], deleted: [], kept: [path.join(base, 'Backgrounds')], refused: [], failed: [path.join(base, 'Cache'), path.join(base, 'GPUCache')] });
    expect(fs.renames).toEqual([path.join(base, 'Cache'), path.join(base, 'GPUCache')]);
    expect(fs.statfsCalls).toBe(0);
    expectCacheAt(path.join(base, 'Cache'));
    expect(readFileSync(path.join(base, 'GPUCache', 'data_1'), 'utf8')).toBe('gpu');
    expect(existsSync(path.join(backupDir, '0-classic-Teams', 'Cache'))).toBe(false);
  });
});

/** A second file system reachable without mounting anything: /dev/shm is tmpfs on most Linux machines. */
const shm = '/dev/shm';
const otherDisk = existsSync(shm) && statSync(shm).dev !== statSync(tmpdir()).dev;
if (!otherDisk) console.log(`teams-cache-move: real cross-disk move skipped, ${shm} is missing or on the same file system as ${tmpdir()}`);

describe.skipIf(!otherDisk)('moving a Teams cache entry to a backup on another real file system', () => {
  it('gets EXDEV from the real rename and still moves the entry intact', async () => {
    // The proof that the injected EXDEV above is what the OS really answers.
    const probeDir = mkdtempSync(path.join(shm, 'fl-teams-move-'));
    cleanup.push(probeDir);
    write(path.join(root, 'probe'), 'x');
    await expect(rename(path.join(root, 'probe'), path.join(probeDir, 'probe'))).rejects.toMatchObject({ code: 'EXDEV' });

    seedCache();
    backupDir = path.join(probeDir, 'backup', '2026-12-01T04-00-00');
    const report = await clearLocations('linux', [root], [location()], backupDir);
    expect(report).toEqual({ moved: [path.join(base, 'Cache')], deleted: [], kept: [path.join(base, 'Backgrounds')], refused: [], failed: [], backupDir });
    expectCacheAt(path.join(backupDir, '0-classic-Teams', 'Cache'));
    expect(existsSync(path.join(base, 'Cache'))).toBe(false);
  });
});
