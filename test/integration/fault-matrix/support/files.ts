/** Small file and process helpers for fault set-ups (plain Node, no Firstline code). */
import { spawn } from 'node:child_process';
import { chmod, chown, lstat, mkdir, readdir, readFile, readlink, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Writes a file (and its folders) owned by uid/gid. */
export async function put(file: string, content: string, owner: { uid: number; gid: number }, mode = 0o644): Promise<void> {
  await mkdirOwned(path.dirname(file), owner);
  await writeFile(file, content, { mode });
  await chown(file, owner.uid, owner.gid);
  await chmod(file, mode);
}

/** mkdir -p where every created folder belongs to the owner. */
export async function mkdirOwned(dir: string, owner: { uid: number; gid: number }, mode = 0o755): Promise<void> {
  const missing: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    if (await exists(d)) break;
    missing.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing) {
    await mkdir(d, { mode });
    await chown(d, owner.uid, owner.gid);
  }
}

export const exists = (p: string) =>
  lstat(p).then(
    () => true,
    () => false,
  );
export const read = (p: string) => readFile(p, 'utf8').catch(() => undefined);

/** Starts a long-running process as uid/gid, detached, and returns its pid. */
export function startAs(file: string, args: string[], owner: { uid: number; gid: number }, env: Record<string, string>): number {
  const child = spawn(file, args, { uid: owner.uid, gid: owner.gid, env, detached: true, stdio: 'ignore' });
  child.unref();
  if (child.pid === undefined) throw new Error(`could not start ${file}`);
  return child.pid;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Pids whose command line mentions `marker` (a fault's private temp dir): processes this fault started. */
export async function pidsMentioning(marker: string): Promise<number[]> {
  const out: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    const cmd = await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
    if (cmd.includes(marker)) out.push(Number(name));
  }
  return out;
}

/** Kills (SIGKILL) exactly the given pids, ignoring those already gone. */
/** A process is gone once /proc has no entry for it or it is a zombie (exited, not reaped). */
function gone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return /\) Z /.test(stat.slice(stat.lastIndexOf(')')));
  } catch {
    return true;
  }
}

/**
 * SIGKILL, then wait (bounded) until each process has really exited: a process still being torn
 * down is listed by `pgrep` as running, and the next fault of the same user would find it.
 */
export async function killPids(pids: readonly number[]): Promise<void> {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  const deadline = Date.now() + 10_000;
  while (pids.some((pid) => !gone(pid)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
}

export { readlink };
