/**
 * `npm run bench`: Firstline's benchmarks (issue 8), one table of figures against targets set by
 * physical limits. Informational: it exits 0 whether targets are met or not (machines are noisy;
 * CI must not fail on noise); only a crash of the harness itself exits non-zero.
 *
 *   npm run bench                       every benchmark
 *   npm run bench -- network engine     only some (network, engine, start, store, ui, memory)
 *   npm run bench -- --markdown         the table as Markdown (for the README)
 *
 * Everything talks to 127.0.0.1 only: loopback HTTP/DNS/TCP servers started here, a browser host
 * on loopback, and a policy whose every address is a loopback port.
 */
import os from 'node:os';
import path from 'node:path';
import { benchColdStart } from './cold-start.ts';
import { benchEngine } from './engine.ts';
import { bundleEntries, repoRoot } from './lib/bundle.ts';
import type { BenchResult } from './lib/result.ts';
import { formatTable, machineFacts } from './lib/table.ts';
import { benchMemory } from './memory.ts';
import { benchNetwork } from './network.ts';
import { benchStore } from './store.ts';
import { benchUi } from './ui.ts';

type Bench = { name: string; label: string; limitMs: number; run(): Promise<BenchResult | BenchResult[]> };

let bundles: Promise<Record<string, string>> | undefined;
const bundled = async (name: string): Promise<string> => {
  bundles ??= bundleEntries({
    'cold-start': path.join(repoRoot, 'bench', 'entries', 'cold-start.ts'),
    'idle-core': path.join(repoRoot, 'bench', 'entries', 'idle-core.ts'),
  });
  const file = (await bundles)[name];
  if (!file) throw new Error(`no bundle ${name}`);
  return file;
};

const benches: Bench[] = [
  { name: 'network', label: 'Network diagnosis', limitMs: 60_000, run: benchNetwork },
  { name: 'engine', label: 'Engine overhead per step', limitMs: 60_000, run: benchEngine },
  { name: 'start', label: 'Cold start of the core', limitMs: 180_000, run: async () => benchColdStart(await bundled('cold-start')) },
  { name: 'store', label: 'Store growth', limitMs: 60_000, run: benchStore },
  { name: 'memory', label: 'Resident memory idle', limitMs: 60_000, run: async () => benchMemory(await bundled('idle-core')) },
  { name: 'ui', label: 'UI', limitMs: 120_000, run: benchUi },
];

function within<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const markdown = args.includes('--markdown');
  const wanted = args.filter((a) => !a.startsWith('--'));
  const unknown = wanted.filter((w) => !benches.some((b) => b.name === w));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; choose from ${benches.map((b) => b.name).join(', ')}`);
  const selected = wanted.length > 0 ? benches.filter((b) => wanted.includes(b.name)) : benches;

  const loadBefore = os.loadavg()[0] ?? 0;
  const started = performance.now();
  const rows: BenchResult[] = [];
  for (const bench of selected) {
    const t = performance.now();
    process.stderr.write(`bench: ${bench.name}…`);
    try {
      const result = await within(bench.run(), bench.limitMs, bench.label);
      rows.push(...(Array.isArray(result) ? result : [result]));
    } catch (error) {
      // One broken benchmark must not hide the others' figures: it becomes a row that says why.
      const message = error instanceof Error ? error.message : String(error);
      rows.push({ metric: bench.label, figure: 'not measured', target: '—', pass: null, notes: [`${bench.name}: ${message.split('\n')[0]!.slice(0, 400)}`] });
    }
    process.stderr.write(` ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  const facts = machineFacts({ loadBefore, loadAfter: os.loadavg()[0] ?? 0, totalSeconds: (performance.now() - started) / 1000 });
  process.stdout.write(`${formatTable(rows, facts, markdown)}\n`);
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
}
// Informational only: missed targets never fail CI. Exit explicitly so a lingering handle
// (a browser or server that did not close) cannot keep CI waiting.
process.exit(0);
