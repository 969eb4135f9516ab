/**
 * One fault, one user: runs in its own process (inside `unshare -n` for network faults) as root,
 * prepares the fault, runs the bundled CLI with the employee's rights (setpriv), checks the
 * ground truth, cleans up and prints one JSON line. Started by fault-matrix.test.ts.
 */
import { spawn } from 'node:child_process';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { colleagueName, ensureUser } from './employee.ts';
import { prepareNamespace } from './netns.ts';
import type { Fault, FaultEnv, Finished, RunAs, Truth } from './types.ts';

export type RunnerOutput = { finished?: Finished; truth?: Truth; exitCode: number | null; stderr: string; error?: string; ms: number };

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function runCli(argv: string[], env: Record<string, string>, uid: number, gid: number, cwd: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const [node, ...rest] = argv as [string, ...string[]];
  const file = uid === 0 ? node : 'setpriv';
  const args = uid === 0 ? rest : [`--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', '--', node, ...rest];
  return new Promise((resolve) => {
    const child = spawn(file, args, { env: { PATH, ...env }, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Bounded: a hung run is an error, not a stuck test.
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
  });
}

function lastFinished(stdout: string): Finished | undefined {
  for (const line of stdout.trim().split('\n').reverse()) {
    try {
      const event = JSON.parse(line) as Record<string, unknown>;
      if (event.type === 'run-finished') {
        const pick = (k: string) => (typeof event[k] === 'string' ? (event[k] as string) : undefined);
        const out: Finished = { outcome: String(event.outcome) };
        for (const k of ['reason', 'reasonCode', 'cause'] as const) {
          const v = pick(k);
          if (v !== undefined) out[k] = v;
        }
        return out;
      }
    } catch {
      // Not an event line.
    }
  }
  return undefined;
}

export async function runOne(faults: readonly Fault[], id: string, as: RunAs, ids: { uid: number; gid: number }, cli: string, catalog: string): Promise<RunnerOutput> {
  const started = performance.now();
  const fault = faults.find((f) => f.id === id);
  if (!fault) return { exitCode: null, stderr: '', error: `no fault ${id}`, ms: 0 };
  if (fault.netns) prepareNamespace({ adapter: fault.netns.adapter !== false });
  const dir = await mkdtemp(path.join(tmpdir(), 'fl-fault-'));
  await chown(dir, ids.uid, ids.gid);
  const cleanups: Array<() => Promise<void> | void> = [];
  const env: FaultEnv = { as, uid: ids.uid, gid: ids.gid, colleague: ensureUser(colleagueName), dir, netns: Boolean(fault.netns), defer: (c) => cleanups.push(c) };
  try {
    const run = await fault.setup(env);
    const result = await runCli([process.execPath, cli, 'run', fault.fix, '--json', '--no-history', '--catalog', catalog, ...run.args], run.env, ids.uid, ids.gid, dir);
    const finished = lastFinished(result.stdout);
    const truth = await fault.truth(env, { stdout: result.stdout, stderr: result.stderr });
    return { ...(finished ? { finished } : {}), truth, exitCode: result.code, stderr: result.stderr.slice(-2000), ms: performance.now() - started };
  } catch (error) {
    return { exitCode: null, stderr: '', error: (error as Error).stack ?? String(error), ms: performance.now() - started };
  } finally {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

/** Entry used by the generated bundle: argv = fault id, as, uid, gid, cli, catalog. */
export async function main(faults: readonly Fault[]): Promise<void> {
  const [id, as, uid, gid, cli, catalog] = process.argv.slice(2);
  const out = await runOne(faults, String(id), as === 'employee' ? 'employee' : 'root', { uid: Number(uid), gid: Number(gid) }, String(cli), String(catalog));
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
}
