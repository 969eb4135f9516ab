/**
 * 4. Store growth: the time of one run-history append (app/history.ts, the product's own store
 * with its fsync'd atomic write) when the file holds 100 entries vs. 10,000. History is bounded
 * (core/report historyLimit), so a 10,000-entry file is trimmed by its first append and every
 * later append writes the bounded list: the figure is that steady state, the one-off first
 * append is reported next to it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRunHistory, type RunHistory } from '../app/history.ts';
import type { RunHistoryRecord } from '../core/report/types.ts';
import { historyLimit } from '../core/report/types.ts';
import type { BenchResult } from './lib/result.ts';
import { alternate, median, round, timeMs } from './lib/stats.ts';

const small = 100;
const large = 10_000;
const rounds = 15;
const target = 3;

let counter = 0;
function record(): RunHistoryRecord {
  const n = counter++;
  const started = new Date(Date.UTC(2026, 0, 1) + n * 60_000);
  return {
    runId: `run-${String(n).padStart(8, '0')}`,
    troubleshooterId: ['network', 'printer', 'teams', 'password'][n % 4]!,
    category: ['network', 'printing', 'apps', 'account'][n % 4]!,
    outcome: n % 5 === 0 ? 'not-resolved' : 'resolved',
    startedAt: started.toISOString(),
    finishedAt: new Date(started.getTime() + 45_000).toISOString(),
    ticketCreated: n % 5 === 0,
  };
}

async function seeded(root: string, entries: number): Promise<RunHistory> {
  const dataDir = path.join(root, `history-${entries}`);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, 'history.json'), JSON.stringify({ runs: Array.from({ length: entries }, record) }));
  const history = await createRunHistory({ dataDir });
  if (history.list().length !== entries) throw new Error(`seeded ${entries} entries, the store opened with ${history.list().length}`);
  return history;
}

export async function benchStore(): Promise<BenchResult> {
  const root = mkdtempSync(path.join(tmpdir(), 'fl-bench-store-'));
  try {
    const few = await seeded(root, small);
    const many = await seeded(root, large);
    const firstSmall = await timeMs(() => few.record(record()));
    const firstLarge = await timeMs(() => many.record(record()));
    const kept = many.list().length;
    const samples = await alternate(
      rounds,
      () => timeMs(() => many.record(record())),
      () => timeMs(() => few.record(record())),
      0,
    );
    const ratio = median(samples.a.map((a, i) => a / samples.b[i]!));
    return {
      metric: `Store growth: one history append, ${large.toLocaleString('en')} vs ${small} entries stored (ratio)`,
      figure: ratio.toFixed(2),
      target: `≤ ${target}`,
      pass: ratio <= target,
      notes: [
        `store: history is bounded at ${historyLimit} (the 10,000-entry file kept ${kept} after its first append); median of ${rounds} alternating appends: ${round(median(samples.a))} ms at ${kept} entries vs ${round(median(samples.b))} ms at ~${small}; each append is an fsync'd temp file + rename + directory fsync. First append after opening: ${round(firstLarge)} ms (trims ${large.toLocaleString('en')} → ${kept}) vs ${round(firstSmall)} ms.`,
      ],
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
