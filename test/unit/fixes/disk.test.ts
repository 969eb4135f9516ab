/** Disk-full fix: places per OS, confinement of the clean-up, the low-space rule, and the recycle-bin argv with recorded outputs. */
import { mkdir, mkdtemp, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appState, diskCleanAction, diskEmptyTrashAction, diskStatusAction } from '../../../core/fixes/disk/actions.ts';
import { clearPlaces, measurePlaces } from '../../../core/fixes/disk/clean.ts';
import { cleanupPlaces, cleanupRoots, volumeOf } from '../../../core/fixes/disk/places.ts';
import { isLow } from '../../../core/fixes/disk/space.ts';
import { formatBytes } from '../../../core/fixes/disk/texts.ts';
import { parseFinderCount, parseRecycleBin, trashCommands } from '../../../core/fixes/disk/trash.ts';
import { fakeExec, makeContext } from './context.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/fixes/${name}`, import.meta.url), 'utf8');
const windowsEnv = {
  USERPROFILE: 'C:\\Users\\jdupont',
  LOCALAPPDATA: 'C:\\Users\\jdupont\\AppData\\Local',
  APPDATA: 'C:\\Users\\jdupont\\AppData\\Roaming',
  TEMP: 'C:\\Users\\jdupont\\AppData\\Local\\Temp',
  SystemDrive: 'C:',
};

describe('places that may be cleared', () => {
  it('on Windows: the profile temp folder, browser and Teams caches, Firstline backups — never a machine-wide temp', () => {
    const places = cleanupPlaces('win32', windowsEnv);
    expect(places.map((p) => [p.id, p.location.base])).toEqual([
      ['temp', 'C:\\Users\\jdupont\\AppData\\Local\\Temp'],
      ['browser-cache', 'C:\\Users\\jdupont\\AppData\\Local\\Google\\Chrome\\User Data\\Default'],
      ['browser-cache', 'C:\\Users\\jdupont\\AppData\\Local\\Microsoft\\Edge\\User Data\\Default'],
      ['teams-cache', 'C:\\Users\\jdupont\\AppData\\Local\\Packages\\MSTeams_8wekyb3d8bbwe\\LocalCache\\Microsoft\\MSTeams'],
      ['teams-cache', 'C:\\Users\\jdupont\\AppData\\Roaming\\Microsoft\\Teams'],
      ['teams-backups', 'C:\\Users\\jdupont\\AppData\\Local\\Firstline\\teams-cache-backup'],
    ]);
    expect(places[0]?.minAgeMs).toBe(24 * 3600 * 1000);
    // Sign-in state and local data stay: the disk clean-up deletes, it does not back up.
    for (const p of places.filter((x) => x.id !== 'temp' && x.id !== 'teams-backups')) {
      expect(p.location.clear).not.toContain('IndexedDB');
      expect(p.location.clear).not.toContain('Local Storage');
      expect(p.app.length).toBeGreaterThan(0);
    }
    expect(cleanupPlaces('win32', { ...windowsEnv, TEMP: 'C:\\Windows\\Temp' })[0]?.location.base).toBe('C:\\Users\\jdupont\\AppData\\Local\\Temp');
    expect(cleanupPlaces('win32', { ...windowsEnv, TEMP: 'C:\\Users\\jdupont\\..\\..\\Windows' })[0]?.location.base).toBe('C:\\Users\\jdupont\\AppData\\Local\\Temp');
    expect(volumeOf('win32', windowsEnv)).toBe('C:\\');
    expect(volumeOf('win32', { SystemDrive: 'C:\\..' })).toBeUndefined();
  });

  it('on macOS: the per-user TMPDIR under /var/folders only, caches under ~/Library/Caches, Firefox profiles as listed', () => {
    const env = { HOME: '/Users/jdupont', TMPDIR: '/var/folders/x1/abc123/T/' };
    const places = cleanupPlaces('darwin', env, ['k2j3.default-release']);
    expect(places[0]).toMatchObject({ id: 'temp', location: { base: '/var/folders/x1/abc123/T', clear: '*' } });
    expect(cleanupRoots('darwin', env)).toEqual(['/Users/jdupont', '/var/folders/x1/abc123']);
    expect(places.map((p) => p.location.base)).toContain('/Users/jdupont/Library/Caches/Firefox/Profiles/k2j3.default-release');
    expect(places.find((p) => p.location.base.endsWith('Google/Chrome/Default'))?.app).toEqual(['Google Chrome']);
    // A shared or odd TMPDIR is not ours.
    expect(cleanupPlaces('darwin', { HOME: '/Users/jdupont', TMPDIR: '/tmp/' }).some((p) => p.id === 'temp')).toBe(false);
    expect(cleanupPlaces('darwin', { HOME: '/Users/jdupont', TMPDIR: '/var/folders/x1/../../../etc/T' }).some((p) => p.id === 'temp')).toBe(false);
  });

  it('on Linux: no shared /tmp, only caches in the home folder', () => {
    const places = cleanupPlaces('linux', { HOME: '/home/jd', TMPDIR: '/tmp' });
    expect(places.some((p) => p.id === 'temp')).toBe(false);
    expect(places.map((p) => p.location.base)).toEqual([
      '/home/jd/.cache/google-chrome/Default',
      '/home/jd/.cache/chromium/Default',
      '/home/jd/.cache/microsoft-edge/Default',
      '/home/jd/.config/teams-for-linux',
      '/home/jd/.cache/firstline/teams-cache-backup',
    ]);
    expect(cleanupPlaces('linux', { HOME: 'relative' })).toEqual([]);
  });
});

describe('low space', () => {
  it('is low only under both limits: 5 GB and 10% of the disk', () => {
    const GB = 1e9;
    expect(isLow({ freeBytes: 60 * GB, totalBytes: 1000 * GB, freePercent: 6 }, 5, 10)).toBe(false);
    expect(isLow({ freeBytes: 4 * GB, totalBytes: 128 * GB, freePercent: 3.1 }, 5, 10)).toBe(true);
    expect(isLow({ freeBytes: 5 * GB, totalBytes: 128 * GB, freePercent: 3.9 }, 5, 10)).toBe(false);
    expect(isLow({ freeBytes: 4e6, totalBytes: 64e6, freePercent: 6.25 }, 5, 10)).toBe(true);
    expect(isLow({ freeBytes: 7e6, totalBytes: 64e6, freePercent: 10.9 }, 5, 10)).toBe(false);
  });

  it('formats sizes per language', () => {
    expect(formatBytes(2_149_000_000, 'en')).toBe('2.1 GB');
    expect(formatBytes(2_149_000_000, 'nl')).toBe('2,1 GB');
    expect(formatBytes(512, 'de')).toBe('512 B');
    expect(formatBytes(734_003_200, 'fr')).toBe('734 MB');
  });
});

describe('clearing confined to the places', () => {
  let dir: string;
  let home: string;
  const now = new Date('2026-11-24T10:00:00Z');
  const old = new Date('2026-11-20T10:00:00Z');
  const put = async (file: string, bytes = 1000, mtime = old) => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, Buffer.alloc(bytes, 1));
    await utimes(file, mtime, mtime);
  };
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'firstline-disk-'));
    home = path.join(dir, 'home');
    await mkdir(home);
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('deletes caches of closed apps, keeps open apps and non-cache folders, refuses symlinks out of the profile', async () => {
    const chrome = path.join(home, '.cache', 'google-chrome', 'Default');
    await put(path.join(chrome, 'Cache', 'Cache_Data', 'f_1'), 5000);
    await put(path.join(chrome, 'Code Cache', 'js', 'a'), 3000);
    await put(path.join(chrome, 'History'), 700); // not a cache: stays
    const teams = path.join(home, '.config', 'teams-for-linux');
    await put(path.join(teams, 'Cache', 'x'), 2000);
    await put(path.join(teams, 'IndexedDB', 'db'), 2000); // sign-in data: stays
    await mkdir(path.join(dir, 'outside'));
    await put(path.join(dir, 'outside', 'precious.txt'), 10);
    await symlink(path.join(dir, 'outside'), path.join(teams, 'GPUCache'));
    const places = cleanupPlaces('linux', { HOME: home });
    const roots = cleanupRoots('linux', { HOME: home });
    expect(await measurePlaces('linux', roots, places, now)).toEqual([
      { id: 'browser-cache', bytes: 8000 },
      { id: 'teams-cache', bytes: 2000 },
      { id: 'teams-backups', bytes: 0 },
    ]);
    const report = await clearPlaces('linux', roots, places, now, async (names) => (names.includes('teams-for-linux') ? 'running' : 'closed'));
    expect(report.cleared).toEqual([{ id: 'browser-cache', bytes: 8000 }]);
    expect(report.skipped).toEqual(['teams-cache']);
    await expect(readFile(path.join(chrome, 'History'))).resolves.toHaveLength(700);
    await expect(readFile(path.join(chrome, 'Cache', 'Cache_Data', 'f_1'))).rejects.toThrow();
    await expect(readFile(path.join(teams, 'Cache', 'x'))).resolves.toHaveLength(2000);

    const again = await clearPlaces('linux', roots, places, now, async () => 'closed');
    expect(again.cleared).toEqual([{ id: 'teams-cache', bytes: 2000 }]);
    expect(again.refused).toEqual([path.join(teams, 'GPUCache')]);
    expect(await readFile(path.join(dir, 'outside', 'precious.txt'), 'utf8')).toHaveLength(10);
    await expect(readFile(path.join(teams, 'IndexedDB', 'db'))).resolves.toHaveLength(2000);
  });

  it("keeps temp files younger than a day and refuses a temp folder that holds a person's folders", async () => {
    const tmp = path.join(dir, 'var', 'folders', 'x1', 'abc', 'T');
    await put(path.join(tmp, 'old.tmp'), 100, old);
    await put(path.join(tmp, 'fresh.tmp'), 100, new Date('2026-11-24T09:00:00Z'));
    // macOS paths rooted in a temp dir: emulate with the same rules on the posix side.
    const place = { id: 'temp' as const, location: { client: 'new' as const, base: tmp, clear: '*' as const, keep: [] }, app: [], minAgeMs: 24 * 3600 * 1000 };
    const report = await clearPlaces('linux', [path.dirname(tmp)], [place], now, async () => 'closed');
    expect(report.cleared).toEqual([{ id: 'temp', bytes: 100 }]);
    await expect(readFile(path.join(tmp, 'fresh.tmp'))).resolves.toHaveLength(100);
    await mkdir(path.join(tmp, 'Documents'));
    await put(path.join(tmp, 'older.tmp'), 100, old);
    const refused = await clearPlaces('linux', [path.dirname(tmp)], [place], now, async () => 'closed');
    expect(refused).toMatchObject({ cleared: [], refused: [tmp] });
    await expect(readFile(path.join(tmp, 'older.tmp'))).resolves.toHaveLength(100);
  });

  it('an app whose state cannot be checked counts as open: its cache stays', async () => {
    const chrome = path.join(home, '.cache', 'google-chrome', 'Default');
    await put(path.join(chrome, 'Cache', 'f'), 10);
    const ctx = makeContext({ exec: fakeExec({}), platform: 'linux', env: { HOME: home } });
    expect(await appState(ctx, ['chrome'])).toBe('unknown'); // pgrep missing
    const report = await clearPlaces('linux', [home], cleanupPlaces('linux', { HOME: home }), now, (names) => appState(ctx, names));
    expect(report.skipped).toContain('browser-cache');
    await expect(readFile(path.join(chrome, 'Cache', 'f'))).resolves.toHaveLength(10);
  });

  it('the status and clean actions report free space, places and what they deleted', async () => {
    await put(path.join(home, '.cache', 'chromium', 'Default', 'GPUCache', 'g'), 4000);
    const exec = fakeExec({ pgrep: { exitCode: 1 } });
    const ctx = makeContext({ exec, platform: 'linux', env: { HOME: home }, now: () => now });
    const status = await diskStatusAction.run({ minFreeGB: 1e3, minFreePercent: 100 }, ctx);
    expect(status).toMatchObject({ ok: false, low: true, problem: 'low-space', places: [{ id: 'browser-cache', bytes: 4000 }], trash: 'empty' });
    expect(status.finding).toContain('browser temporary internet files 4.0 KB');
    const cleaned = await diskCleanAction.run({}, ctx);
    expect(cleaned).toMatchObject({ ok: true, problem: 'none', cleared: [{ id: 'browser-cache', bytes: 4000 }], skipped: [] });
    expect(exec.lines().every((l) => l.startsWith(`pgrep -u ${process.getuid?.() ?? 0} -x `))).toBe(true);
    expect(await diskCleanAction.run({}, ctx)).toMatchObject({ ok: false, problem: 'nothing-to-clear' });
  });
});

describe('recycle bin and trash', () => {
  it('Windows: reads the bin with fixed PowerShell text, empties it only when it has items', async () => {
    expect(trashCommands.win32.read.file).toBe('powershell.exe');
    expect(trashCommands.win32.read.args.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command']);
    expect(trashCommands.win32.empty.args.at(-1)).toBe('Clear-RecycleBin -Force -ErrorAction Stop');
    expect(parseRecycleBin(fixture('recycle-bin.txt'))).toEqual({ items: 3, bytes: 734003200 });
    expect(parseRecycleBin(fixture('recycle-bin.empty.txt'))).toEqual({ items: 0, bytes: 0 });
    expect(parseRecycleBin('garbage')).toBeUndefined();

    const empty = fakeExec({ 'powershell.exe': { stdout: fixture('recycle-bin.empty.txt') } });
    const ctx = makeContext({ exec: empty, platform: 'win32', env: windowsEnv });
    expect(await diskEmptyTrashAction.run({}, ctx)).toMatchObject({ ok: true, freedBytes: 0 });
    expect(empty.calls).toHaveLength(1); // Clear-RecycleBin on an empty bin fails; it is not run

    const full = fakeExec({ 'powershell.exe': [{ stdout: fixture('recycle-bin.txt') }, { exitCode: 1, stderr: fixture('clear-recyclebin.empty-error.txt') }] });
    const failing = await diskEmptyTrashAction.run({}, makeContext({ exec: full, platform: 'win32', env: windowsEnv }));
    expect(failing).toMatchObject({ ok: false, error: 'powershell.exe: Clear-RecycleBin : The system cannot find the path specified' });
    expect(full.calls[1]?.args.at(-1)).toBe('Clear-RecycleBin -Force -ErrorAction Stop');
  });

  it('macOS: asks Finder (argv, no shell); a refused Automation permission is reported, not hidden', async () => {
    expect(trashCommands.darwin.read).toEqual({ file: 'osascript', args: ['-e', 'tell application "Finder" to count items of trash'] });
    expect(trashCommands.darwin.empty).toEqual({ file: 'osascript', args: ['-e', 'tell application "Finder" to empty trash'] });
    expect(parseFinderCount(fixture('osascript-finder-count-trash.txt'))).toBe(12);
    const denied = fakeExec({ osascript: { exitCode: 1, stderr: fixture('osascript-finder-not-authorized.txt') } });
    const ctx = makeContext({ exec: denied, platform: 'darwin', env: { HOME: '/Users/jd' } });
    const status = await diskStatusAction.run({ minFreeGB: 5, minFreePercent: 10 }, ctx);
    expect(status.trash).toBe('unknown');
    const result = await diskEmptyTrashAction.run({}, ctx);
    expect(result.ok).toBe(false);
    expect(result.error).toContain('Not authorized to send Apple events to Finder');
  });

  it('Windows and macOS: app checks are per user (tasklist filter, pgrep -u)', async () => {
    const exec = fakeExec({ tasklist: { stdout: '"chrome.exe","4242","Console","1","245,312 K"\r\n' } });
    const ctx = makeContext({ exec, platform: 'win32', env: windowsEnv });
    expect(await appState(ctx, ['chrome.exe'])).toBe('running');
    expect(exec.calls[0]?.args).toEqual(['/FI', 'IMAGENAME eq chrome.exe', '/FI', `USERNAME eq ${(await import('node:os')).userInfo().username}`, '/FO', 'CSV', '/NH']);
    const mac = fakeExec({ pgrep: { exitCode: 1 } });
    expect(await appState(makeContext({ exec: mac, platform: 'darwin' }), ['Google Chrome', 'Microsoft Edge'])).toBe('closed');
    expect(mac.lines()).toEqual([`pgrep -u ${process.getuid?.()} -x Google Chrome`, `pgrep -u ${process.getuid?.()} -x Microsoft Edge`]);
  });
});
