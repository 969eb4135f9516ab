/**
 * 6. Resident memory of the core idle after start: createFirstline (policy, built-in catalog,
 * settings, history, ticket outbox) in a fresh Node process over a temp data dir with a
 * loopback-only policy, read after it has been idle for a while.
 */
import path from 'node:path';
import { createWorkspace } from './cold-start.ts';
import { repoRoot } from './lib/bundle.ts';
import { lastJson, runNode } from './lib/child.ts';
import type { BenchResult } from './lib/result.ts';
import { median } from './lib/stats.ts';

const targetMb = 80;
const runs = 3;
const idleMs = 2000;
const mb = (bytes: number) => bytes / 1024 / 1024;

export async function benchMemory(bundled: string): Promise<BenchResult> {
  const ws = createWorkspace(0);
  try {
    const finals: number[] = [];
    const heaps: number[] = [];
    let troubleshooters = 0;
    for (let i = 0; i < runs; i++) {
      const res = await runNode([bundled, ws.dataDir('idle'), path.join(repoRoot, 'troubleshooters'), String(idleMs)], ws.env);
      const report = lastJson<{ rss: number[]; heapUsed: number; troubleshooters: number }>(res, 'idle-core entry');
      finals.push(report.rss[report.rss.length - 1]!);
      heaps.push(report.heapUsed);
      troubleshooters = report.troubleshooters;
    }
    const rss = mb(median(finals));
    return {
      metric: 'Resident memory (RSS) of the core, idle after start',
      figure: `${rss.toFixed(1)} MB`,
      target: `≤ ${targetMb} MB`,
      pass: rss <= targetMb,
      notes: [
        `memory: median of ${runs} fresh processes (bundled entry), RSS after ${idleMs} ms idle; heap used ${mb(median(heaps)).toFixed(1)} MB; built-in catalog (${troubleshooters} troubleshooters listed). Plain Node — Electron's own main process adds its runtime on top.`,
      ],
    };
  } finally {
    ws.dispose();
  }
}
