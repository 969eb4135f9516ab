/**
 * kill -9 a real child process appending to the run history (journal + compaction every 5), 24
 * times, each kill reopening the history the previous one left: after every kill the history must
 * open, hold every run the child had confirmed, and hold them once, in order.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunHistory } from '../../../app/history.ts';
import type { StoreReport } from '../../../core/store/store.ts';

const childSource = fileURLToPath(new URL('./journal-writer-child.ts', import.meta.url));
const KILLS = 24;
const PARALLEL = 4;
const dirs: string[] = [];
let child = '';

beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'fl-jkill-bundle-'));
  dirs.push(dir);
  child = path.join(dir, 'journal-writer-child.mjs');
  await build({ entryPoints: [childSource], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: child, logLevel: 'silent' });
});

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** Runs the writer until it has confirmed `afterWrites` more appends, SIGKILLs it, returns the last number it confirmed. */
function runAndKill(dataDir: string, afterWrites: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dataDir], { stdio: ['ignore', 'pipe', 'pipe'], shell: false });
    let seen = 0;
    let last = 0;
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.stdout.on('data', (chunk: Buffer) => {
      const numbers = chunk.toString().split('\n').filter(Boolean).map(Number);
      seen += numbers.length;
      last = Math.max(last, ...numbers);
      if (seen >= afterWrites && proc.exitCode === null) proc.kill('SIGKILL');
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(last);
      else reject(new Error(`writer exited ${code} before kill: ${stderr}`));
    });
  });
}

describe('run history survives kill -9 mid-append', () => {
  it(`keeps every confirmed run, once and in order, across ${KILLS} kills`, async () => {
    let lost = 0;
    let broken = 0;
    let inCompaction = 0;
    const reasons: string[] = [];
    let next = 0;
    const worker = async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'fl-jkill-'));
      dirs.push(dataDir);
      let confirmed = 0;
      while (next < KILLS) {
        const i = next++;
        // 1..7 more confirmed appends per life: kills land in appends and in compactions.
        confirmed = Math.max(confirmed, await runAndKill(dataDir, 1 + (i % 7)));
        // A temp file left behind: the kill landed inside a compaction's rewrite of history.json.
        if ((await readdir(dataDir)).some((e) => e.endsWith('.tmp'))) inCompaction++;
        const reports: StoreReport[] = [];
        const history = await createRunHistory({ dataDir, onStoreReport: (r) => reports.push(r) });
        reasons.push(...reports.map((r) => r.reason));
        // Let this process's fold at open finish before the next child writes: one writer at a time.
        await history.compact();
        const ids = history
          .list()
          .map((r) => Number(r.runId.slice(4)))
          .reverse();
        if (ids.some((id, k) => id !== k + 1)) broken++;
        if (ids.length < confirmed) lost++;
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    console.log(`journal kill test: kills=${KILLS} inCompaction=${inCompaction} lost=${lost} broken=${broken} reports=${reasons.join(',') || 'none'}`);
    expect(next).toBeGreaterThanOrEqual(KILLS);
    expect(lost).toBe(0);
    expect(broken).toBe(0);
    // A torn last line is the only repair a kill may need; never a corrupt or wrong-shaped file.
    expect(reasons.filter((r) => r !== 'torn-journal')).toEqual([]);
  }, 120_000);
});
