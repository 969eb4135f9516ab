/**
 * A Teams process that has exited but was not reaped yet (a zombie, state Z) still matches
 * `pgrep`. Counting it made "Teams is not installed" look installed and the run end "resolved"
 * with nothing cleared (fault matrix: teams/not-installed after a run that restarted Teams).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findTeams } from '../../../core/fixes/teams/process.ts';
import { fakeExec, makeContext } from '../../unit/fixes/context.ts';

const linux = process.platform === 'linux';
if (!linux) console.log('skipped: zombie processes are read from /proc (Linux only)');

const state = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
};

describe.skipIf(!linux)('Teams process lookup on Linux', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fl-teams-zombie-'));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('does not count an exited, unreaped Teams (a zombie) as running, but counts a live one', async () => {
    const exe = path.join(dir, 'teams-for-linux');
    symlinkSync('/bin/true', exe);
    // The shell starts Teams (which exits at once) and then becomes `sleep`, which never reaps it.
    const parent = spawn('/bin/sh', ['-c', '"$0" & echo $!; exec sleep 30', exe], { stdio: ['ignore', 'pipe', 'ignore'] });
    children.push(parent);
    const zombie = await new Promise<number>((resolve) => parent.stdout?.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
    for (let i = 0; i < 5000 && state(zombie) !== 'Z'; i++) await new Promise((r) => setImmediate(r));
    expect(state(zombie)).toBe('Z');
    const live = spawn('/bin/sleep', ['30'], { stdio: 'ignore' });
    children.push(live);
    const uid = process.getuid?.() ?? 0;
    const exec = fakeExec({ [`pgrep -u ${uid} -x teams-for-linux`]: { stdout: `${zombie}\n${live.pid}\n` } });
    const found = await findTeams(makeContext({ exec, platform: 'linux' }), { uid });
    expect(found.map((p) => p.pid)).toEqual([live.pid]);
  });
});
