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

type IdleReport = { rss: number[]; heapUsed: number; troubleshooters: number };

export async function benchMemory(bundled: string): Promise<BenchResult[]> {
  const ws = createWorkspace(0);
  try {
    const samples = { first: [] as IdleReport[], warm: [] as IdleReport[] };
    for (let i = 0; i < runs; i++) {
      // The same data dir twice: the first start after an install parses every catalog file (and
      // loads the YAML parser, the schemas and the fixes' actions to check them); every later start
      // serves them from the validated-catalog cache, the state the tray app idles in for days.
      const dataDir = ws.dataDir('idle');
      for (const side of ['first', 'warm'] as const) {
        const res = await runNode([bundled, dataDir, path.join(repoRoot, 'troubleshooters'), String(idleMs)], ws.env);
        samples[side].push(lastJson<IdleReport>(res, 'idle-core entry'));
      }
    }
    const rss = (side: keyof typeof samples) => mb(median(samples[side].map((r) => r.rss[r.rss.length - 1]!)));
    const heap = (side: keyof typeof samples) => mb(median(samples[side].map((r) => r.heapUsed))).toFixed(1);
    const troubleshooters = samples.warm[0]?.troubleshooters ?? 0;
    return [
      {
        metric: 'Resident memory (RSS) of the core, idle after start (catalog cache warm: every start after the first)',
        figure: `${rss('warm').toFixed(1)} MB`,
        target: `≤ ${targetMb} MB`,
        pass: rss('warm') <= targetMb,
        notes: [
          `memory: median of ${runs} fresh processes (bundled entry), RSS after ${idleMs} ms idle; heap used ${heap('warm')} MB; built-in catalog (${troubleshooters} troubleshooters listed). Plain Node — Electron's own main process adds its runtime on top. The first start after an install or update (every catalog file parsed and checked) idles at ${rss('first').toFixed(1)} MB (heap ${heap('first')} MB).`,
        ],
      },
      {
        metric: 'Resident memory (RSS) of the core, idle after the first start after install/update',
        figure: `${rss('first').toFixed(1)} MB`,
        target: '—',
        pass: 'info',
        notes: [],
      },
    ];
  } finally {
    ws.dispose();
  }
}
