/**
 * Teams cache confinement, every layout: the Windows, macOS and Linux cache locations laid out in
 * a temporary home (Windows paths re-rooted there, since their structure is what matters), each
 * with a symlinked base, a symlinked parent, symlinked entries, a base that is a file, and a `*`
 * base holding the employee's own folders. Nothing outside a real cache folder may move. The
 * matrix runs in this process (root in CI) and again as an unprivileged employee in a child.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lchownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../../core/kernel/platform.ts';
import { clearLocations, type ClearReport } from '../../../core/fixes/teams/cache.ts';
import { profileRoots, teamsLocations, type CacheLocation } from '../../../core/fixes/teams/paths.ts';

type Job = { platform: Platform; roots: string[]; locations: CacheLocation[]; backupDir: string };
type Scenario = { name: string; job: Job; verify: (report: ClearReport) => void };

const winUser = 'C:\\Users\\jdupont';
const winEnv = { USERPROFILE: winUser, LOCALAPPDATA: `${winUser}\\AppData\\Local`, APPDATA: `${winUser}\\AppData\\Roaming` };

/** The real locations of one OS, rooted in `home` (Windows paths mapped under it segment by segment). */
function layout(os: Platform, home: string): { platform: Platform; roots: string[]; locations: CacheLocation[] } {
  if (os !== 'win32') return { platform: os, roots: profileRoots(os, { HOME: home }), locations: teamsLocations(os, { HOME: home }) };
  const map = (p: string) => path.posix.join(home, ...path.win32.relative(winUser, p).split('\\'));
  return {
    platform: 'linux',
    roots: profileRoots('win32', winEnv).map(map),
    locations: teamsLocations('win32', winEnv).map((l) => ({ ...l, base: map(l.base) })),
  };
}

const write = (file: string, text = `content of ${path.basename(file)}\n`) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};
const read = (file: string) => readFileSync(file, 'utf8');
const firstEntry = (l: CacheLocation) => (l.clear === '*' ? 'Cache' : (l.clear[0] as string));

/** The employee's own files, placed in the home; none of them may ever move. */
const ownFiles = ['Documents/thesis.docx', 'Desktop/notes.txt', 'Cache/browser-cache-of-another-app', 'tmp/draft.txt', 'IndexedDB/keep.db', 'databases/keep.db'];
function seedOwnFiles(home: string): void {
  for (const f of ownFiles) write(path.join(home, f));
}
function ownFilesIntact(home: string): void {
  for (const f of ownFiles) expect(read(path.join(home, f)), f).toBe(`content of ${path.basename(f)}\n`);
}

function scenarios(dir: string): Scenario[] {
  const out: Scenario[] = [];
  let n = 0;
  for (const os of ['win32', 'darwin', 'linux'] as const) {
    for (const [index] of layout(os, '/x').locations.entries()) {
      const fresh = () => {
        const home = path.join(dir, `h${n++}`);
        mkdirSync(home, { recursive: true });
        seedOwnFiles(home);
        const l = layout(os, home);
        const location = l.locations[index] as CacheLocation;
        const job: Job = { platform: l.platform, roots: l.roots, locations: [location], backupDir: path.join(home, 'backup', 'now') };
        return { home, location, job };
      };
      const label = (what: string, location: CacheLocation) => `${os} ${location.client} ${path.basename(location.base)}: ${what}`;

      {
        const { home, location, job } = fresh();
        const entry = firstEntry(location);
        write(path.join(location.base, entry, 'f_000001'));
        for (const k of location.keep) write(path.join(location.base, k, 'kept'));
        out.push({
          name: label('moves a real cache entry, keeps settings', location),
          job,
          verify: (r) => {
            expect(r.refused).toEqual([]);
            expect(r.moved).toEqual([path.join(location.base, entry)]);
            expect(existsSync(path.join(location.base, entry))).toBe(false);
            for (const k of location.keep) expect(read(path.join(location.base, k, 'kept'))).toContain('content');
            ownFilesIntact(home);
          },
        });
      }
      {
        const { home, location, job } = fresh();
        mkdirSync(path.dirname(location.base), { recursive: true });
        symlinkSync(home, location.base);
        out.push({
          name: label('refuses a base that is a symlink to the home', location),
          job,
          verify: (r) => {
            expect(r.refused).toEqual([location.base]);
            expect(r.moved).toEqual([]);
            expect(lstatSync(location.base).isSymbolicLink()).toBe(true);
            ownFilesIntact(home);
          },
        });
      }
      {
        const { home, location, job } = fresh();
        // The parent of the base is a symlink to another folder of the home, which holds a folder
        // named like the base: its real path is not where Teams keeps it.
        const elsewhere = path.join(home, 'Projects');
        write(path.join(elsewhere, path.basename(location.base), firstEntry(location), 'mine.txt'));
        mkdirSync(path.dirname(path.dirname(location.base)), { recursive: true });
        symlinkSync(elsewhere, path.dirname(location.base));
        out.push({
          name: label('refuses a base whose parent is a symlink', location),
          job,
          verify: (r) => {
            expect(r.refused).toEqual([location.base]);
            expect(read(path.join(elsewhere, path.basename(location.base), firstEntry(location), 'mine.txt'))).toContain('content');
            ownFilesIntact(home);
          },
        });
      }
      {
        const { home, location, job } = fresh();
        const entry = firstEntry(location);
        mkdirSync(path.dirname(path.join(location.base, entry)), { recursive: true });
        symlinkSync(path.join(home, 'Documents'), path.join(location.base, entry));
        out.push({
          name: label('refuses an entry that is a symlink out of the cache folder', location),
          job,
          verify: (r) => {
            expect(r.refused).toEqual([path.join(location.base, entry)]);
            expect(r.moved).toEqual([]);
            ownFilesIntact(home);
          },
        });
      }
      const nested = location0(os, index).clear;
      const multi = nested === '*' ? undefined : nested.find((e) => e.includes('/'));
      if (multi) {
        const { home, location, job } = fresh();
        // A symlinked intermediate folder (Partitions, Library) pointing at the home: the entry below it is refused.
        const [head] = multi.split('/') as [string];
        const rest = multi.slice(head.length + 1);
        write(path.join(home, rest, 'mine.txt'));
        mkdirSync(location.base, { recursive: true });
        symlinkSync(home, path.join(location.base, head));
        out.push({
          name: label(`refuses ${multi} below a symlinked ${head}`, location),
          job,
          verify: (r) => {
            expect(r.refused).toContain(path.join(location.base, multi));
            expect(r.moved).toEqual([]);
            expect(read(path.join(home, rest, 'mine.txt'))).toContain('content');
            ownFilesIntact(home);
          },
        });
      }
      {
        const { home, location, job } = fresh();
        write(location.base, 'not a folder\n');
        out.push({
          name: label('refuses a base that is a file', location),
          job,
          verify: (r) => {
            expect(r.refused).toEqual([location.base]);
            expect(read(location.base)).toBe('not a folder\n');
            ownFilesIntact(home);
          },
        });
      }
      if (location0(os, index).clear === '*') {
        const { home, location, job } = fresh();
        for (const f of ['Documents/report.docx', 'Desktop/todo.txt', 'Downloads/setup.exe', 'Pictures/holiday.jpg', 'Cache/f_1']) write(path.join(location.base, f));
        out.push({
          name: label('refuses a "*" base that holds the employee\'s own folders', location),
          job,
          verify: (r) => {
            expect(r.refused).toEqual([location.base]);
            expect(r.moved).toEqual([]);
            for (const f of ['Documents/report.docx', 'Desktop/todo.txt', 'Downloads/setup.exe', 'Pictures/holiday.jpg', 'Cache/f_1']) expect(read(path.join(location.base, f))).toContain('content');
            ownFilesIntact(home);
          },
        });
      }
    }
  }
  return out;
}

function location0(os: Platform, index: number): CacheLocation {
  return layout(os, '/x').locations[index] as CacheLocation;
}

function verifyAll(list: Scenario[], reports: readonly (ClearReport | { threw: string })[]): string[] {
  const failures: string[] = [];
  list.forEach((s, i) => {
    const report = reports[i];
    try {
      if (!report || 'threw' in report) throw new Error(`clearing threw: ${report ? report.threw : 'no report'}`);
      s.verify(report);
    } catch (error) {
      failures.push(`${s.name}: ${(error as Error).message.split('\n')[0]}`);
    }
  });
  return failures;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const linux = process.platform === 'linux';
if (!linux) console.log('teams-confinement: skipped, symlink layouts are built with POSIX paths on Linux');

describe.skipIf(!linux)('Teams cache clearing stays inside the real cache folders (every layout)', () => {
  it('as the user running the tests', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'firstline-confine-'));
    dirs.push(dir);
    const list = scenarios(dir);
    expect(list.length).toBeGreaterThanOrEqual(40);
    const reports: (ClearReport | { threw: string })[] = [];
    for (const s of list) reports.push(await clearLocations(s.job.platform, s.job.roots, s.job.locations, s.job.backupDir).catch((e: unknown) => ({ threw: String(e) })));
    expect(verifyAll(list, reports)).toEqual([]);
  });

  const root = process.getuid?.() === 0;
  if (!root) console.log('teams-confinement: unprivileged re-run skipped, the tests do not run as root (they already run unprivileged)');
  it.skipIf(!root)('as an unprivileged employee in a child process', () => {
    const user = 'firstline-employee';
    if (spawnSync('id', ['-u', user]).status !== 0) spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', user]);
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
    const dir = mkdtempSync(path.join(tmpdir(), 'firstline-confine-user-'));
    dirs.push(dir);
    const list = scenarios(dir);
    const chownTree = (p: string) => {
      lchownSync(p, uid, gid);
      if (lstatSync(p).isDirectory()) for (const name of readdirSync(p)) chownTree(path.join(p, name));
    };
    chownTree(dir);
    const jobs = path.join(dir, 'jobs.json');
    writeFileSync(jobs, JSON.stringify(list.map((s) => s.job)), { mode: 0o644 });
    const child = new URL('./teams-confinement-child.ts', import.meta.url).pathname;
    const result = spawnSync('setpriv', ['--reuid', String(uid), '--regid', String(gid), '--clear-groups', process.execPath, '--import', 'tsx', child, jobs], { encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout) as { uid: number; reports: (ClearReport | { threw: string })[] };
    expect(out.uid).toBe(uid);
    expect(verifyAll(list, out.reports)).toEqual([]);
  });
});
