/**
 * 4. Store growth: the time of one run-history append (app/history.ts, the product's own store:
 * one fsync'd journal line per change, folded into history.json every 100 changes) when the file
 * holds 100 entries vs. 10,000. History is bounded (core/report historyLimit), so a 10,000-entry
 * file is trimmed by its first append: the figure is the steady state at the bound. It is
 * amortised: the median append plus one hundredth of a compaction (the full rewrite every 100
 * appends), so the rewrite is not hidden by the median.
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
// Appends cost about a millisecond now: enough rounds that one slow fsync on a shared disk does not move the median.
const rounds = 31;
const target = 3;
/** app/history.ts folds its journal into history.json after this many appends. */
const compactEvery = 100;

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
    // A compaction costs what a whole-file write did: measure it (after one more line each) and spread it.
    const compactions = await alternate(
      3,
      async () => (await many.record(record()), timeMs(() => many.compact())),
      async () => (await few.record(record()), timeMs(() => few.compact())),
      0,
    );
    const appendMany = median(samples.a);
    const appendFew = median(samples.b);
    const compactMany = median(compactions.a);
    const compactFew = median(compactions.b);
    const ratio = (appendMany + compactMany / compactEvery) / (appendFew + compactFew / compactEvery);
    return {
      metric: `Store growth: one history append, ${large.toLocaleString('en')} vs ${small} entries stored (ratio)`,
      figure: ratio.toFixed(2),
      target: `≤ ${target}`,
      pass: ratio <= target,
      notes: [
        `store: history is bounded at ${historyLimit} (the 10,000-entry file kept ${kept} after its first append); each append is one fsync'd journal line. Median of ${rounds} alternating appends: ${round(appendMany)} ms at ${kept} entries vs ${round(appendFew)} ms at ~${small}; the compaction every ${compactEvery} appends (fsync'd temp file + rename + directory fsync of history.json) takes ${round(compactMany)} ms vs ${round(compactFew)} ms and is counted as 1/${compactEvery} of it per append (plain median ratio ${(appendMany / appendFew).toFixed(2)}). First append after opening: ${round(firstLarge)} ms (trims ${large.toLocaleString('en')} → ${kept}) vs ${round(firstSmall)} ms.`,
      ],
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
