/** Prints the benchmark table (plain text or Markdown) with the machine it ran on. */
import { cpus, loadavg, totalmem } from 'node:os';
import type { BenchResult } from './result.ts';

export type MachineFacts = { cpu: string; cores: number; ramGb: number; node: string; date: string; platform: string; load: string; totalSeconds: number };

export function machineFacts(run: { loadBefore: number; loadAfter: number; totalSeconds: number }): MachineFacts {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown CPU',
    cores: list.length,
    ramGb: totalmem() / 1024 ** 3,
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    platform: `${process.platform} ${process.arch}`,
    load: `${run.loadBefore.toFixed(2)} → ${run.loadAfter.toFixed(2)} (1-min load average before → after; now ${(loadavg()[0] ?? 0).toFixed(2)})`,
    totalSeconds: run.totalSeconds,
  };
}

const status = (pass: BenchResult['pass']) => (pass === null ? 'error' : pass === 'info' ? 'info' : pass ? 'pass' : 'FAIL');

export function formatTable(rows: readonly BenchResult[], facts: MachineFacts, markdown = false): string {
  const header = ['metric', 'figure', 'target', 'result'];
  const cells = rows.map((r) => [r.metric, r.figure, r.target, status(r.pass)]);
  const machine = `Machine: ${facts.cpu}, ${facts.cores} cores, ${facts.ramGb.toFixed(1)} GB RAM, ${facts.platform}, Node ${facts.node}; ${facts.date}; load ${facts.load}; ${facts.totalSeconds.toFixed(0)} s in all.`;
  const notes = rows.flatMap((r) => r.notes);
  if (markdown) {
    const line = (c: readonly string[]) => `| ${c.map((x) => x.replace(/\|/g, '\\|')).join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...cells.map(line), '', machine, '', ...notes.map((n) => `- ${n}`)].join('\n');
  }
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) =>
    c
      .map((x, i) => x.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...cells.map(line), rule, machine, '', 'Notes:', ...notes.map((n) => `  - ${n}`)].join('\n');
}
