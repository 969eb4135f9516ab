/**
 * The fault matrix in `npm test` (issue #12): every fault in faults/*.faults.ts, as root and as
 * the unprivileged employee, judged by ground truth. Prints one summary line; fails on any
 * false "fixed", any harm, any error and any escalation that does not name its cause.
 */
import { execFile, execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { bundle, faultFiles, here, repo } from './build.ts';
import { ensureEmployee } from './employee.ts';
import { judge, summarize, summaryLine } from './judge.ts';
import type { RunnerOutput } from './runner-main.ts';
import type { Fault, FaultResult, RunAs } from './types.ts';

const isRoot = process.getuid?.() === 0;
const unshareWorks = (() => {
  if (process.platform !== 'linux' || !isRoot) return false;
  try {
    execFileSync('unshare', ['-n', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const reason =
  process.platform !== 'linux'
    ? 'the live faults use Linux (CUPS, namespaces, setpriv)'
    : !isRoot
      ? 'needs root to create the employee user and network namespaces (CI runs as root)'
      : 'unshare -n is not permitted here';
if (!unshareWorks) console.log(`fault matrix: skipped, ${reason}`);

const concurrency = 8;

async function loadFaults(): Promise<Fault[]> {
  const all: Fault[] = [];
  for (const file of await faultFiles()) {
    const mod = (await import(path.join(here, 'faults', file))) as { faults: Fault[] };
    all.push(...mod.faults);
  }
  return all;
}

function runRunner(runner: string, cli: string, fault: Fault, as: RunAs, ids: { uid: number; gid: number }): Promise<RunnerOutput> {
  const argv = [runner, fault.id, as, String(ids.uid), String(ids.gid), cli, path.join(repo, 'troubleshooters')];
  const [file, args] = fault.netns ? ['unshare', ['-n', '--', process.execPath, ...argv]] : [process.execPath, argv];
  return new Promise((resolve) => {
    execFile(file, args, { timeout: 180_000, maxBuffer: 8 * 1024 * 1024, cwd: repo }, (error, stdout, stderr) => {
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as RunnerOutput);
      } catch {
        resolve({ exitCode: null, stderr, error: `runner failed: ${error?.message ?? 'no output'} ${stderr.slice(-1000)}`, ms: 0 });
      }
    });
  });
}

/** Runs jobs with bounded concurrency; jobs sharing a serial key never overlap. */
async function schedule<T>(jobs: Array<{ serial?: string | undefined; run: () => Promise<T> }>, limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(jobs.length);
  const busy = new Set<string>();
  const pending = jobs.map((job, index) => ({ job, index }));
  let active = 0;
  return new Promise((resolve) => {
    const pump = () => {
      if (pending.length === 0 && active === 0) return resolve(results);
      while (active < limit) {
        const next = pending.findIndex(({ job }) => !job.serial || !busy.has(job.serial));
        if (next < 0) return;
        const [{ job, index }] = pending.splice(next, 1) as [{ job: (typeof jobs)[number]; index: number }];
        active++;
        if (job.serial) busy.add(job.serial);
        void job.run().then((r) => {
          results[index] = r;
          active--;
          if (job.serial) busy.delete(job.serial);
          pump();
        });
      }
    };
    pump();
  });
}

describe.skipIf(!unshareWorks)('fault matrix: real faults, judged by ground truth', () => {
  let built: { cli: string; runner: string };
  let results: FaultResult[] = [];
  let faults: Fault[] = [];

  beforeAll(async () => {
    built = await bundle();
    // FAULTS=network/ (a prefix) runs a subset while writing faults; npm test runs them all.
    const only = process.env.FAULTS;
    faults = (await loadFaults()).filter((f) => !only || f.id.startsWith(only));
  }, 60_000);
  afterAll(async () => {
    if (built) await rm(path.dirname(built.cli), { recursive: true, force: true });
  });

  it('runs every fault as root and as the employee: 0 false-fixed, 0 harmed, 0 errors, every escalation names its cause', async () => {
    const started = performance.now();
    const employee = ensureEmployee();
    const ids: Record<RunAs, { uid: number; gid: number }> = { root: { uid: 0, gid: 0 }, employee };
    const jobs = faults.flatMap((fault) =>
      (fault.users ?? (['root', 'employee'] as const)).map((as) => ({
        serial: fault.serial ? `${fault.serial}:${as}` : undefined,
        run: async (): Promise<FaultResult> => {
          const out = await runRunner(built.runner, built.cli, fault, as, ids[as]);
          const j = out.error ? { verdict: 'error' as const, detail: out.error } : judge(fault, out.finished, out.truth);
          return {
            id: fault.id,
            as,
            verdict: j.verdict,
            ms: Math.round(out.ms),
            ...(out.finished ? { outcome: out.finished.outcome } : {}),
            ...(out.finished?.cause ? { cause: out.finished.cause } : {}),
            ...(out.finished?.reasonCode ? { reasonCode: out.finished.reasonCode } : {}),
            ...(j.detail ? { detail: j.detail } : {}),
          };
        },
      })),
    );
    results = await schedule(jobs, concurrency);
    const table = results.map(
      (r) =>
        `  ${r.verdict.padEnd(22)} ${r.as.padEnd(8)} ${r.id.padEnd(40)} ${String(r.ms).padStart(6)}ms ${r.outcome ?? ''} ${r.cause ?? r.reasonCode ?? ''} ${r.detail ? `— ${r.detail.slice(0, 300)}` : ''}`,
    );
    const summary = summarize(results.map((r) => r.verdict));
    const wall = Math.round((performance.now() - started) / 1000);
    console.log(`${table.join('\n')}\n${summaryLine(summary, results.length, faults.length)} (${wall} s wall, ${concurrency} at a time)`);
    expect(results.filter((r) => !['fixed', 'escalated-with-cause'].includes(r.verdict)).map((r) => `${r.as} ${r.id}: ${r.verdict} ${r.detail ?? ''}`)).toEqual([]);
  }, 900_000); // ~80 runs (printer faults start a private cupsd each); minutes on a loaded 2-core machine, ~1 min idle
});
