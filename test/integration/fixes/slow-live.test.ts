/**
 * Live busy-process sampling on Linux: a busy loop under a unique name (a copy of /bin/sh) that
 * this test starts and ends by PID, found by sampling /proc twice; a sleeping copy is not named.
 * (The whole troubleshooter samples for 30 s by design; its branches are in slow-computer.test.yaml.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busyProcessAction } from '../../../core/fixes/slow/actions.ts';
import { makeContext } from '../../unit/fixes/context.ts';
import { createNodeExec } from '../../../core/platform/node-exec.ts';

const linux = process.platform === 'linux';
if (!linux) console.log('slow-live: skipped, samples /proc (Linux)');

describe.skipIf(!linux)('slow computer on this machine', () => {
  let dir: string;
  const started: ChildProcess[] = [];
  const busyName = `fl-busy-${process.pid % 100000}`;
  const idleName = `fl-idle-${process.pid % 100000}`;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'firstline-slow-'));
    copyFileSync('/bin/sh', path.join(dir, busyName));
    copyFileSync('/bin/sleep', path.join(dir, idleName));
    chmodSync(path.join(dir, busyName), 0o755);
    chmodSync(path.join(dir, idleName), 0o755);
    for (const [file, args] of [
      [busyName, ['-c', 'while :; do :; done']],
      [idleName, ['600']],
    ] as const) {
      const child = spawn(path.join(dir, file), [...args], { stdio: 'ignore' });
      started.push(child);
      await new Promise<void>((resolve, reject) => (child.once('spawn', resolve), child.once('error', reject)));
    }
  });
  afterAll(() => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the busy loop (busy in both samples) and not the sleeping process, by name only', async () => {
    // A low bar: on a shared, loaded machine the loop may get only a small share of a core.
    const result = await busyProcessAction.run({ intervalSeconds: 1, cpuPercent: 2, memoryPercent: 100 }, makeContext({ exec: createNodeExec(), platform: 'linux' }));
    const names = result.busy.map((b) => b.name);
    expect(names).toContain(busyName);
    expect(names).not.toContain(idleName);
    expect(result).toMatchObject({ ok: false, problem: 'busy-process' });
    expect(JSON.stringify(result)).not.toContain(dir);
  });
});
