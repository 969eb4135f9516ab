import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundHistory, buildReport, median, parseHistory } from '../../../core/report/aggregate.ts';
import { reportToCsv } from '../../../core/report/format.ts';

const historyFile = path.join(import.meta.dirname, '../../fixtures/report/history.json');
const now = new Date('2026-11-24T12:00:00Z');

// Expected numbers computed by hand from test/fixtures/report/history.json (12 valid runs, 1 broken):
//   wifi.reconnect       resolved 60 s, 120 s; not-resolved + ticket; cancelled          → 4 runs, 2 / 1 / 1, median 90, 2/4
//   dns.flush            resolved 30 s; resolved but ticket anyway; needs-human + ticket → 3 runs, 1 / 2 / 0, median 30, 1/3
//   printer.clear-queue  resolved 40, 50, 70 s; error; not-resolved without ticket      → 5 runs, 3 / 0 / 0, median 50, 3/5
const load = () => parseHistory(JSON.parse(readFileSync(historyFile, 'utf8')));

describe('self-help report', () => {
  it('computes runs, resolved without ticket, escalations, cancellations, median time and deflection per troubleshooter', () => {
    const { records, skipped } = load();
    const report = buildReport(records, now, skipped);
    expect(report.byTroubleshooter).toEqual([
      { troubleshooterId: 'printer.clear-queue', category: 'printing', runs: 5, resolvedWithoutTicket: 3, escalated: 0, cancelled: 0, medianSecondsToResolution: 50, deflectionRate: 0.6 },
      { troubleshooterId: 'wifi.reconnect', category: 'network', runs: 4, resolvedWithoutTicket: 2, escalated: 1, cancelled: 1, medianSecondsToResolution: 90, deflectionRate: 0.5 },
      { troubleshooterId: 'dns.flush', category: 'network', runs: 3, resolvedWithoutTicket: 1, escalated: 2, cancelled: 0, medianSecondsToResolution: 30, deflectionRate: 0.333 },
    ]);
  });

  it('aggregates per category and in total, and counts skipped records', () => {
    const { records, skipped } = load();
    const report = buildReport(records, now, skipped);
    // network: resolved 60, 120, 30 → median 60; 3 of 7 deflected.
    expect(report.byCategory).toEqual([
      { category: 'network', runs: 7, resolvedWithoutTicket: 3, escalated: 3, cancelled: 1, medianSecondsToResolution: 60, deflectionRate: 0.429 },
      { category: 'printing', runs: 5, resolvedWithoutTicket: 3, escalated: 0, cancelled: 0, medianSecondsToResolution: 50, deflectionRate: 0.6 },
    ]);
    // total: resolved 30, 40, 50, 60, 70, 120 → median (50 + 60) / 2.
    expect(report.total).toEqual({ runs: 12, resolvedWithoutTicket: 6, escalated: 3, cancelled: 1, medianSecondsToResolution: 55, deflectionRate: 0.5 });
    expect(report.period).toEqual({ from: '2026-11-02T08:00:00.000Z', to: '2026-11-03T17:01:40.000Z' });
    expect(report.skippedRecords).toBe(1);
  });

  it('reports nothing rather than zero rates for an empty history', () => {
    const report = buildReport([], now);
    expect(report.total).toEqual({ runs: 0, resolvedWithoutTicket: 0, escalated: 0, cancelled: 0, medianSecondsToResolution: null, deflectionRate: null });
    expect(report.period).toBeNull();
  });

  it('keeps only the newest runs when the history is longer than the bound', () => {
    const { records } = load();
    expect(boundHistory(records, 2).map((r) => r.runId)).toEqual(['run-11', 'run-12']);
  });

  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('writes one CSV row per troubleshooter, per category and the total', () => {
    const { records } = load();
    const lines = reportToCsv(buildReport(records, now)).trimEnd().split('\r\n');
    expect(lines[0]).toBe('scope,troubleshooterId,category,runs,resolvedWithoutTicket,escalated,cancelled,medianSecondsToResolution,deflectionRate');
    expect(lines).toContain('troubleshooter,dns.flush,network,3,1,2,0,30,0.333');
    expect(lines).toContain('category,,printing,5,3,0,0,50,0.6');
    expect(lines.at(-1)).toBe('total,,,12,6,3,1,55,0.5');
    expect(lines).toHaveLength(1 + 3 + 2 + 1);
  });
});

describe('firstline report', () => {
  const run = async (argv: string[]) => {
    const { reportCommand } = await import('../../../cli/commands/report.ts');
    const out: string[] = [];
    const err: string[] = [];
    const code = await reportCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, { now: () => now });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('prints JSON with the same numbers', async () => {
    const result = await run(['--json', '--history', historyFile]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out) as { total: { deflectionRate: number }; generatedAt: string };
    expect(report.total.deflectionRate).toBe(0.5);
    expect(report.generatedAt).toBe(now.toISOString());
  });

  it('prints a readable table by default', async () => {
    const result = await run(['--history', historyFile]);
    expect(result.out).toMatch(/^Total\s+12\s+6\s+3\s+1\s+55 s\s+50\.0%$/m);
    expect(result.out).toContain('1 unreadable history records were skipped.');
  });

  it('fails clearly when the history file is missing', async () => {
    const result = await run(['--csv', '--history', path.join(import.meta.dirname, 'missing.json')]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Cannot read the run history');
  });
});

describe('npm run firstline -- report', () => {
  it('is wired into the CLI router', async () => {
    const { execFile } = await import('node:child_process');
    const root = path.resolve(import.meta.dirname, '../../..');
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', 'cli/index.ts', 'report', '--csv', '--history', historyFile], { cwd: root, timeout: 60_000 }, (error, out) =>
        error ? reject(error) : resolve(out),
      );
    });
    expect(stdout.trimEnd().split(/\r?\n/).at(-1)).toBe('total,,,12,6,3,1,55,0.5');
  });
});
