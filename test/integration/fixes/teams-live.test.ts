/**
 * Live Teams cache fix on Linux: a temporary HOME with a realistic teams-for-linux profile, and a
 * real process named `teams-for-linux` (a copy of /bin/sleep) that the fix must find, quit,
 * and start again the way it was started. Asserts files and processes afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinRegistry } from '../../../core/engine/builtin-actions.ts';
import type { RunEvent } from '../../../core/engine/events.ts';
import { createNodeExec } from '../../../core/platform/node-exec.ts';
import { loadTroubleshooterFile } from '../../../core/engine/loader.ts';
import { composeRegistries } from '../../../core/engine/registry.ts';
import { run as runTroubleshooter } from '../../../core/engine/runner.ts';
import { fixesRegistry } from '../../../core/fixes/index.ts';
import { createNodeLauncher } from '../../../core/platform/node-exec.ts';
import { teamsClearCacheAction, teamsStatusAction } from '../../../core/fixes/teams/actions.ts';
import { findTeams } from '../../../core/fixes/teams/process.ts';
import { makeContext } from '../../unit/fixes/context.ts';

const linux = process.platform === 'linux';
if (!linux) console.log('teams-live: skipped, the live Teams test uses Linux process names and paths');

const cacheFiles = [
  'Cache/Cache_Data/f_000001',
  'Code Cache/js/index',
  'GPUCache/data_0',
  'IndexedDB/https_teams.microsoft.com_0.indexeddb.leveldb/000003.log',
  'Local Storage/leveldb/000005.ldb',
  'Partitions/teams-4-linux/Cache/Cache_Data/f_0000a1',
  'Partitions/teams-4-linux/Service Worker/CacheStorage/index.txt',
];
const keptFiles = ['config.json', 'Preferences', 'Backgrounds/Uploads/my-background.jpg', 'Partitions/teams-4-linux/Preferences'];

describe.skipIf(!linux)('Teams cache fix with a real process and a temporary home', () => {
  let dir: string;
  let home: string;
  let profile: string;
  let outside: string;
  let fake: string;
  const started: ChildProcess[] = [];
  const exec = { ...createNodeExec(), ...createNodeLauncher() };
  const user = userInfo().username;
  const ctx = (now = '2026-11-24T10:00:00Z') =>
    makeContext({ exec, platform: 'linux', env: { HOME: home, USER: user, PATH: `${path.dirname(fake)}:${process.env.PATH ?? '/usr/bin:/bin'}` }, now: () => new Date(now) });

  const startTeams = async () => {
    const child = spawn(fake, ['600'], { stdio: 'ignore' });
    started.push(child);
    await new Promise<void>((resolve, reject) => (child.once('spawn', resolve), child.once('error', reject)));
    return child;
  };
  const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'firstline-teams-'));
    home = path.join(dir, 'home');
    profile = path.join(home, '.config', 'teams-for-linux');
    outside = path.join(dir, 'outside');
    for (const file of [...cacheFiles, ...keptFiles]) {
      await mkdir(path.dirname(path.join(profile, file)), { recursive: true });
      await writeFile(path.join(profile, file), `content of ${file}\n`);
    }
    // A cache entry that is a symlink out of the profile: must be refused, its target untouched.
    await mkdir(outside, { recursive: true });
    await writeFile(path.join(outside, 'precious.txt'), 'not a cache\n');
    await symlink(outside, path.join(profile, 'blob_storage'));
    // Older backups to prune.
    for (const day of ['01', '02', '03', '04']) await mkdir(path.join(home, '.cache', 'firstline', 'teams-cache-backup', `2026-11-${day}T09-00-00`), { recursive: true });
    await mkdir(path.join(dir, 'bin'));
    fake = path.join(dir, 'bin', 'teams-for-linux');
    await copyFile('/bin/sleep', fake);
    const { chmod } = await import('node:fs/promises');
    await chmod(fake, 0o755);
  });

  afterEach(async () => {
    // End only what this test started, by PID: the original child and any restarted copy.
    for (const proc of await findTeams(ctx()).catch(() => [])) {
      const cmd = await readFile(`/proc/${proc.pid}/cmdline`, 'utf8').catch(() => '');
      if (cmd.startsWith(fake)) process.kill(proc.pid, 'SIGKILL');
    }
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    started.length = 0;
    await rm(dir, { recursive: true, force: true });
  });

  it('finds Teams running with its cache', async () => {
    await startTeams();
    expect(await teamsStatusAction.run({}, ctx())).toMatchObject({ ok: true, installed: true, running: true, clients: ['community'], cacheFolders: 7 });
    // 7: the blob_storage symlink out of the profile is not counted as cache (the clearing refuses it).
  });

  it('quits Teams, moves only cache folders to a dated backup, keeps settings and backgrounds, keeps every old backup after a refusal and restarts Teams', async () => {
    const original = await startTeams();
    const result = await teamsClearCacheAction.run(teamsClearCacheAction.input.parse({ graceSeconds: 5 }), ctx());
    // A refused entry keeps every older backup: nothing is pruned while something looked wrong.
    expect(result).toMatchObject({ quit: 'graceful', running: true, pruned: 0, ok: false });
    await exited(original);
    expect(original.signalCode).toBe('SIGTERM');

    // Files: cache gone from the profile and present in the backup; kept files untouched.
    const backup = path.join(home, '.cache', 'firstline', 'teams-cache-backup', '2026-11-24T10-00-00', '0-community-teams-for-linux');
    for (const file of cacheFiles) {
      await expect(readFile(path.join(profile, file), 'utf8')).rejects.toThrow();
      expect(await readFile(path.join(backup, file), 'utf8')).toBe(`content of ${file}\n`);
    }
    for (const file of keptFiles) expect(await readFile(path.join(profile, file), 'utf8')).toBe(`content of ${file}\n`);
    expect(result.kept).toContain(path.join(profile, 'Backgrounds'));
    // The symlink leaving the profile was refused (so ok is false and says so), its target intact.
    expect(result.refused).toEqual([path.join(profile, 'blob_storage')]);
    expect(result.finding).toContain('outside your user profile');
    expect(await readFile(path.join(outside, 'precious.txt'), 'utf8')).toBe('not a cache\n');
    expect((await readdir(path.join(home, '.cache', 'firstline', 'teams-cache-backup'))).sort()).toEqual([
      '2026-11-01T09-00-00',
      '2026-11-02T09-00-00',
      '2026-11-03T09-00-00',
      '2026-11-04T09-00-00',
      '2026-11-24T10-00-00',
    ]);

    // Processes: a new teams-for-linux runs, started with the same command line.
    const now = await findTeams(ctx());
    expect(now).toHaveLength(1);
    expect(now[0]?.pid).not.toBe(original.pid);
    expect((await readFile(`/proc/${now[0]?.pid}/cmdline`, 'utf8')).split('\0').filter(Boolean)).toEqual([fake, '600']);
  });

  it('runs the teams-cache troubleshooter through the engine, which forwards the launcher for the restart', async () => {
    const original = await startTeams();
    await rm(path.join(profile, 'blob_storage'));
    const registry = composeRegistries(builtinRegistry(), fixesRegistry());
    const file = new URL('../../../troubleshooters/teams-cache.yaml', import.meta.url).pathname;
    const loaded = await loadTroubleshooterFile(file, registry);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    const events: RunEvent[] = [];
    const c = ctx();
    const stream = runTroubleshooter(
      loaded.troubleshooter,
      {
        exec,
        elevation: { request: async () => false },
        interaction: { ask: async (stepId) => Promise.reject(new Error(`unexpected question ${stepId}`)), consent: async () => true },
        urlOpener: { open: async () => false },
        clock: { now: () => c.now() },
      },
      { registry, catalogDir: path.dirname(file), platform: 'linux', lang: 'nl', env: c.env, answers: { better: true } },
    );
    for await (const event of stream) events.push(event);
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', outcome: 'resolved', reasonCode: 'verified' });
    expect(events.filter((e) => e.type === 'step-finished').map((e) => [e.stepId, e.status])).toEqual([
      ['detect', 'passed'],
      ['not-installed', 'skipped'],
      ['clear', 'passed'],
      ['force', 'skipped'],
      ['clear-forced', 'skipped'],
      ['clear-failed', 'skipped'],
      ['running', 'passed'],
      ['better', 'passed'],
      ['contact-it', 'skipped'],
    ]);
    await exited(original);
    const now = await findTeams(c);
    expect(now.map((p) => p.pid)).not.toContain(original.pid);
    expect(now).toHaveLength(1);
    for (const f of cacheFiles) await expect(readFile(path.join(profile, f), 'utf8')).rejects.toThrow();
    for (const f of keptFiles) expect(await readFile(path.join(profile, f), 'utf8')).toBe(`content of ${f}\n`);
  });

  it('changes nothing when Teams does not close, and forces it only when allowed', async () => {
    const stuck = await startTeams();
    // A stopped process keeps a pending SIGTERM: it behaves like a hung app.
    process.kill(stuck.pid as number, 'SIGSTOP');
    const refused = await teamsClearCacheAction.run(teamsClearCacheAction.input.parse({ graceSeconds: 1 }), ctx());
    expect(refused).toMatchObject({ ok: false, quit: 'still-running', stillRunning: true, moved: [] });
    expect(await readFile(path.join(profile, cacheFiles[0] as string), 'utf8')).toContain('content');

    await rm(path.join(profile, 'blob_storage'));
    const forced = await teamsClearCacheAction.run(teamsClearCacheAction.input.parse({ graceSeconds: 1, force: true }), ctx());
    await exited(stuck);
    expect(stuck.signalCode).toBe('SIGKILL');
    expect(forced).toMatchObject({ ok: true, quit: 'forced', running: true, refused: [], pruned: 2 });
    expect(forced.moved).toHaveLength(7);
  });

  it('reports folders it could not move instead of failing the whole clean-up', async () => {
    await rm(path.join(profile, 'blob_storage'));
    // A file where the dated backup folder must go: every move fails, like files locked by a running helper.
    const blocked = path.join(home, '.cache', 'firstline', 'teams-cache-backup', '2026-11-24T10-00-00');
    await writeFile(blocked, 'in the way\n');
    const result = await teamsClearCacheAction.run(teamsClearCacheAction.input.parse({ restart: false }), ctx());
    expect(result).toMatchObject({ ok: false, moved: [], refused: [] });
    expect(result.failed).toHaveLength(7);
    expect(result.finding).toContain('still in use');
    for (const file of cacheFiles) expect(await readFile(path.join(profile, file), 'utf8')).toBe(`content of ${file}\n`);
  });

  it('refuses a profile root with ".." and a profile folder that is a symlink out of the home', async () => {
    const dotdot = await teamsClearCacheAction.run(teamsClearCacheAction.input.parse({}), makeContext({ exec, platform: 'linux', env: { HOME: `${home}/../outside`, USER: user } }));
    expect(dotdot).toMatchObject({ ok: false, moved: [], finding: 'Your user profile folder could not be determined, so nothing was changed.' });

    await rm(profile, { recursive: true });
    await symlink(outside, profile);
    await writeFile(path.join(outside, 'Cache'), 'looks like cache\n');
    const escaped = await teamsClearCacheAction.run(teamsClearCacheAction.input.parse({ restart: false }), ctx());
    expect(escaped.refused).toEqual([profile]);
    expect(await readFile(path.join(outside, 'Cache'), 'utf8')).toBe('looks like cache\n');
  });
});
