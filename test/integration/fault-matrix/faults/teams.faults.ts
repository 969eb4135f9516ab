/**
 * Teams faults on Linux (the community client `teams-for-linux`): a real process named like Teams
 * (a symlink to `sleep`, so its command line can be replayed for the restart), a cache in a temp
 * HOME, and the ways a clean-up can go wrong. Ground truth reads the folders and /proc directly.
 */
import { chmod, mkdir, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import type { Fault, FaultEnv, FaultRun, Truth } from '../types.ts';
import { alive, exists, killPids, mkdirOwned, pidsMentioning, put, read, startAs } from '../support/files.ts';

const cacheEntries = ['Cache', 'GPUCache', 'Code Cache', 'blob_storage', 'Partitions/teams-4-linux/Cache'];
const kept: Record<string, string> = { 'Backgrounds/beach.png': 'my background', 'config.json': '{"theme":"dark"}' };
const PATH = '/usr/local/bin:/usr/bin:/bin';

type Layout = { home: string; teams: string; app: string; bin: string; owner: { uid: number; gid: number } };

async function layout(env: FaultEnv, opts: { cache?: boolean } = {}): Promise<Layout> {
  const owner = { uid: env.uid, gid: env.gid };
  // Traversable (not readable) so the colleague's Teams can run the same program file.
  await chmod(env.dir, 0o711);
  const home = path.join(env.dir, 'home');
  const teams = path.join(home, '.config', 'teams-for-linux');
  const app = path.join(env.dir, 'app');
  const bin = path.join(env.dir, 'bin');
  await mkdirOwned(home, owner, 0o700);
  await mkdir(app, { mode: 0o755 });
  // A running Teams: `sleep` under Teams' name; /proc/<pid>/cmdline replays it for the restart.
  await symlink('/usr/bin/sleep', path.join(app, 'teams-for-linux'));
  // What "start Teams" finds on PATH: keeps running until told to stop.
  await put(path.join(bin, 'teams-for-linux'), "#!/bin/sh\ntrap 'exit 0' TERM\nwhile :; do sleep 1; done\n", { uid: 0, gid: 0 }, 0o755);
  if (opts.cache !== false) {
    for (const entry of cacheEntries) await put(path.join(teams, entry, 'data_0'), 'stale cache', owner);
    for (const [file, content] of Object.entries(kept)) await put(path.join(teams, file), content, owner);
  }
  env.defer(async () => killPids(await pidsMentioning(env.dir)));
  return { home, teams, app, bin, owner };
}

const teamsEnv = (l: Layout, extra: Record<string, string> = {}): Record<string, string> => ({
  HOME: l.home,
  PATH: `${l.bin}:${PATH}`,
  USER: 'unused',
  ...extra,
});

function startTeams(l: Layout, owner = l.owner, hung = false): number {
  const exe = path.join(l.app, 'teams-for-linux');
  // A hung Teams ignores SIGTERM (the ignored disposition survives exec).
  return hung ? startAs('/bin/sh', ['-c', 'trap "" TERM; exec "$0" 600', exe], owner, { PATH }) : startAs(exe, ['600'], owner, { PATH });
}

/** The fault is gone when no cache entry is left; harm when a kept file changed or vanished. */
async function cacheTruth(l: Layout, extraHarm: () => Promise<string | undefined> = async () => undefined): Promise<Truth> {
  const left: string[] = [];
  for (const entry of cacheEntries) if (await exists(path.join(l.teams, entry, 'data_0'))) left.push(entry);
  const harm: string[] = [];
  if (await exists(l.teams)) {
    for (const [file, content] of Object.entries(kept)) if ((await read(path.join(l.teams, file))) !== content) harm.push(`kept file ${file} changed or removed`);
  }
  const extra = await extraHarm();
  if (extra) harm.push(extra);
  return { fixed: left.length === 0, detail: left.length ? `cache left: ${left.join(', ')}` : 'cache cleared', ...(harm.length ? { harm: harm.join('; ') } : {}) };
}

const run = (l: Layout, answers: Record<string, string>, env: Record<string, string> = {}): FaultRun => ({
  args: ['--yes', ...Object.entries(answers).flatMap(([k, v]) => ['--answer', `${k}=${v}`])],
  env: teamsEnv(l, env),
});

const teamsFault = (f: Omit<Fault, 'fix' | 'serial'>): Fault => ({ ...f, fix: 'teams-cache', serial: 'teams' });

let current: Layout | undefined;
let colleaguePid: number | undefined;
const here = async (env: FaultEnv, opts?: { cache?: boolean }) => (current = await layout(env, opts));
const l = () => {
  if (!current) throw new Error('layout missing');
  return current;
};

export const faults: Fault[] = [
  teamsFault({
    id: 'teams/stale-cache-running',
    causes: [],
    async setup(env) {
      startTeams(await here(env));
      return run(l(), { better: 'yes' });
    },
    truth: async () => cacheTruth(l()),
  }),
  teamsFault({
    id: 'teams/stale-cache-not-running',
    causes: [],
    async setup(env) {
      await here(env);
      return run(l(), { better: 'yes' });
    },
    truth: async () => cacheTruth(l()),
  }),
  teamsFault({
    id: 'teams/not-installed',
    causes: ['not-installed'],
    async setup(env) {
      await here(env, { cache: false });
      return run(l(), { better: 'yes' });
    },
    truth: async () => ({ fixed: false, detail: 'nothing to clear' }),
  }),
  teamsFault({
    id: 'teams/cache-symlink-outside-profile',
    causes: ['cache-outside-profile'],
    async setup(env) {
      const x = await here(env);
      const outside = path.join(env.dir, 'outside', 'cache');
      await put(path.join(outside, 'precious.txt'), 'not Teams data', x.owner);
      await rm(path.join(x.teams, 'GPUCache'), { recursive: true });
      await symlink(outside, path.join(x.teams, 'GPUCache'));
      startTeams(x);
      return run(x, { better: 'yes' });
    },
    truth: async (env) => {
      const t = await cacheTruth(l(), async () =>
        (await read(path.join(env.dir, 'outside', 'cache', 'precious.txt'))) === 'not Teams data' ? undefined : 'a file outside the profile was moved or deleted',
      );
      // The symlinked entry stays (refused): the fault is not gone.
      return { ...t, fixed: t.fixed && !(await exists(path.join(l().teams, 'GPUCache'))) };
    },
  }),
  teamsFault({
    id: 'teams/profile-folder-symlink-outside',
    causes: ['cache-outside-profile'],
    async setup(env) {
      const x = await here(env, { cache: false });
      const elsewhere = path.join(env.dir, 'elsewhere');
      for (const entry of cacheEntries) await put(path.join(elsewhere, entry, 'data_0'), 'someone else', x.owner);
      await mkdirOwned(path.dirname(x.teams), x.owner);
      await symlink(elsewhere, x.teams);
      return run(x, { better: 'yes' });
    },
    truth: async (env) => {
      const untouched = await Promise.all(cacheEntries.map((e) => read(path.join(env.dir, 'elsewhere', e, 'data_0'))));
      const harm = untouched.every((c) => c === 'someone else') ? undefined : 'folders outside the profile were moved';
      return { fixed: false, detail: 'Teams folder points outside the profile', ...(harm ? { harm } : {}) };
    },
  }),
  teamsFault({
    id: 'teams/read-only-cache-folder',
    // As root the folder is writable anyway (fixed); as the employee it cannot be emptied.
    causes: ['cache-in-use'],
    async setup(env) {
      const x = await here(env);
      await chmod(x.teams, 0o555);
      env.defer(() => chmod(x.teams, 0o755).catch(() => undefined));
      startTeams(x);
      return run(x, { better: 'yes' });
    },
    truth: async () => cacheTruth(l()),
  }),
  teamsFault({
    id: 'teams/backup-on-another-filesystem',
    causes: [],
    async setup(env) {
      const x = await here(env);
      // ~/.cache on tmpfs (/dev/shm): moving the cache there crosses file systems (EXDEV).
      const shm = path.join('/dev/shm', `fl-fault-${path.basename(env.dir)}`);
      await mkdirOwned(shm, x.owner, 0o700);
      env.defer(() => rm(shm, { recursive: true, force: true }));
      await symlink(shm, path.join(x.home, '.cache'));
      startTeams(x);
      return run(x, { better: 'yes' });
    },
    truth: async () => cacheTruth(l()),
  }),
  teamsFault({
    id: 'teams/hung-employee-declines-force',
    causes: ['teams-will-not-close'],
    async setup(env) {
      startTeams(await here(env), undefined, true);
      return run(l(), { force: 'no', better: 'yes' });
    },
    truth: async () => cacheTruth(l()),
  }),
  teamsFault({
    id: 'teams/colleague-teams-env-unset',
    causes: [],
    async setup(env) {
      const x = await here(env);
      startTeams(x);
      colleaguePid = startTeams(x, env.colleague);
      // USER/LOGNAME unset or lying: the lookup must still be for this user only.
      const r = run(x, { better: 'yes' });
      delete r.env.USER;
      return env.as === 'root' ? r : { ...r, env: { ...r.env, USER: 'fl-colleague', LOGNAME: 'fl-colleague' } };
    },
    truth: async () => cacheTruth(l(), async () => (colleaguePid !== undefined && alive(colleaguePid) ? undefined : "the colleague's Teams was stopped")),
  }),
];
