/**
 * kill -9 a real child process in the middle of store writes, 100+ times: the store file must
 * always parse and match its schema afterwards (temp + fsync + rename never exposes a half file).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killTestSchema } from './kill-test-schema.ts';

const childSource = fileURLToPath(new URL('./store-writer-child.ts', import.meta.url));
const KILLS = 100;
const PARALLEL = 8;
const dirs: string[] = [];
let child = '';

// One bundled .mjs (esbuild, which tsx already brings) starts in tens of milliseconds instead of
// loading the TypeScript toolchain in each of the 100 children.
beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'fl-kill-bundle-'));
  dirs.push(dir);
  child = path.join(dir, 'store-writer-child.mjs');
  await build({ entryPoints: [childSource], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: child, logLevel: 'silent' });
});

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** Spawns the writer and SIGKILLs it as soon as it reports its `afterWrites`-th completed write. */
function runAndKill(file: string, afterWrites: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, file], { stdio: ['ignore', 'pipe', 'pipe'], shell: false });
    let seen = 0;
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString().split('\n').filter(Boolean).length;
      // The child is already inside its next write when this line arrives.
      if (seen >= afterWrites && proc.exitCode === null) proc.kill('SIGKILL');
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`writer exited ${code} before kill: ${stderr}`));
    });
  });
}

describe('store survives kill -9 mid-write', () => {
  it(`always parses after ${KILLS} kills of a writing child process`, async () => {
    let corrupt = 0;
    let killedWithTempLeft = 0;
    let next = 0;
    const worker = async () => {
      while (next < KILLS) {
        const i = next++;
        const dir = await mkdtemp(path.join(tmpdir(), 'fl-kill-'));
        dirs.push(dir);
        const file = path.join(dir, 'store.json');
        // Kill after 1..6 completed writes; the first write creates the file.
        await runAndKill(file, 1 + (i % 6));
        const entries = await readdir(dir);
        if (entries.some((e) => e.endsWith('.tmp'))) killedWithTempLeft++;
        try {
          killTestSchema.parse(JSON.parse(await readFile(file, 'utf8')));
        } catch {
          corrupt++;
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    console.log(`store kill test: kills=${KILLS} killedMidWrite=${killedWithTempLeft} corrupt=${corrupt}`);
    expect(next).toBeGreaterThanOrEqual(KILLS);
    expect(corrupt).toBe(0);
    // Proves the kills really landed inside writes, not only between them.
    expect(killedWithTempLeft).toBeGreaterThan(0);
  }, 120_000);
});
