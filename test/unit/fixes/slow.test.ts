/** Slow-computer checks: process samples per OS (recorded outputs), the busy rule, and the restart-pending argv. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pendingRestartAction } from '../../../core/fixes/slow/actions.ts';
import { busyProcesses, parseCpuTime, parseGetProcess, parseProcStat, parsePs, type Snapshot } from '../../../core/fixes/slow/processes.ts';
import { windowsRestartKeys } from '../../../core/fixes/slow/restart.ts';
import { fakeExec, makeContext } from './context.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/fixes/${name}`, import.meta.url), 'utf8');

describe('process samples', () => {
  it('reads ps on macOS (names without paths) and Get-Process JSON on Windows', () => {
    expect(parseCpuTime('1:02:07.51')).toBeCloseTo(3727.51);
    expect(parseCpuTime('2-01:00:00')).toBe(2 * 86400 + 3600);
    expect(parseCpuTime('0:03.25')).toBeCloseTo(3.25);
    const mac = parsePs(fixture('ps-pid-time-rss-comm.macos.txt'));
    expect(mac.get(412)).toEqual({ name: 'MSTeams', cpuSeconds: 3727.51, rssBytes: 524288 * 1024 });
    const win = parseGetProcess(fixture('get-process.json.txt'));
    expect(win.get(3120)).toEqual({ name: 'MsMpEng', cpuSeconds: 88.21875, rssBytes: 241500160 });
    expect(parseGetProcess('not json').size).toBe(0);
  });

  it('reads /proc/<pid>/stat with a name holding ") "', () => {
    const stat = '4242 (my ) app) R 1 4242 4242 0 -1 4194304 100 0 0 0 250 50 0 0 20 0 1 0 100 1000000 2560 18446744073709551615';
    expect(parseProcStat(stat)).toEqual({ name: 'my ) app', cpuSeconds: 3, rssBytes: 2560 * 4096 });
  });

  it('names a process only when it is busy in both intervals; merges helpers by name; excludes itself', () => {
    const snap = (rows: Array<[number, string, number, number]>): Snapshot => new Map(rows.map(([pid, name, cpu, rss]) => [pid, { name, cpuSeconds: cpu, rssBytes: rss }]));
    const a = snap([
      [1, 'scan', 0, 1e6],
      [2, 'spike', 0, 1e6],
      [3, 'chrome', 0, 3e9],
      [4, 'chrome', 0, 2e9],
      [9, 'firstline', 0, 1e6],
    ]);
    const b = snap([
      [1, 'scan', 9, 1e6],
      [2, 'spike', 10, 1e6],
      [3, 'chrome', 0, 3e9],
      [4, 'chrome', 0, 2e9],
      [9, 'firstline', 10, 1e6],
    ]);
    const c = snap([
      [1, 'scan', 18, 1e6],
      [2, 'spike', 10, 1e6],
      [3, 'chrome', 0, 3e9],
      [4, 'chrome', 0, 2e9],
      [9, 'firstline', 20, 1e6],
    ]);
    expect(busyProcesses([a, b, c], [10, 10], 10e9, 80, 40, 9)).toEqual([
      { name: 'scan', cpuPercent: 90, memoryPercent: 0, reason: 'cpu' },
      { name: 'chrome', cpuPercent: 0, memoryPercent: 50, reason: 'memory' },
    ]);
  });
});

describe('updates waiting for a restart', () => {
  it('Windows: reg query of the two keys; exit 0 = pending, 1 = absent, not found = unknown', async () => {
    const pending = fakeExec({ [`reg query ${windowsRestartKeys[0]}`]: { exitCode: 1 }, [`reg query ${windowsRestartKeys[1]}`]: { exitCode: 0 } });
    expect(await pendingRestartAction.run({}, makeContext({ exec: pending, platform: 'win32' }))).toMatchObject({ ok: false, state: 'pending' });
    expect(pending.calls.map((c) => c.args)).toEqual(windowsRestartKeys.map((k) => ['query', k]));
    const none = fakeExec({ reg: { exitCode: 1 } });
    expect(await pendingRestartAction.run({}, makeContext({ exec: none, platform: 'win32' }))).toMatchObject({ ok: true, state: 'none' });
    expect(await pendingRestartAction.run({}, makeContext({ exec: fakeExec(), platform: 'win32' }))).toMatchObject({ ok: true, state: 'unknown' });
  });

  it('macOS: unknown, never guessed, and nothing is run', async () => {
    const exec = fakeExec();
    expect(await pendingRestartAction.run({}, makeContext({ exec, platform: 'darwin' }))).toMatchObject({ ok: true, state: 'unknown', problem: 'unknown' });
    expect(exec.calls).toEqual([]);
  });
});
