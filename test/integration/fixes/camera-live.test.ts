/**
 * Live camera troubleshooter on Linux, through the real engine and actions, as root and as an
 * unprivileged employee. This machine has no camera: the "no camera" branch runs against the real
 * /dev. "In use" and "not allowed" run against fake device files in a temporary folder (the device
 * folder is injectable; nothing is created in /dev): a program of this test holds one open, and a
 * root-only file stands for a camera of the `video` group the employee is not in.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinuxCameraPaths } from '../../../core/fixes/camera/linux.ts';
import { createCameraStatusAction } from '../../../core/fixes/camera/actions.ts';
import { employeeAccount, runCatalog } from './run-catalog.ts';

const linux = process.platform === 'linux';
const root = linux && process.getuid?.() === 0;
const hasCamera = linux && readdirSync('/dev').some((n) => /^video\d+$/.test(n));
if (!linux) console.log('camera-live: skipped, reads /dev and /proc (Linux)');
else if (!root) console.log('camera-live: the employee runs skipped, they need root to switch users (CI runs as root)');
if (hasCamera) console.log('camera-live: the "no camera" run skipped, this machine has a camera');

type Result = {
  uid: number;
  finished: { outcome: string; reasonCode?: string; cause?: string };
  steps: Array<[string, string]>;
  status: { problem: string; apps: string; noPermission: boolean; group?: string; devices: string[] };
};
const child = new URL('./camera-live-child.ts', import.meta.url).pathname;

/** In this process (as this user) — fast; the employee's runs need a child process of their own. */
async function runHere(options: { paths?: LinuxCameraPaths; answers: Record<string, boolean> }): Promise<Result> {
  const r = await runCatalog('camera', { env: { PATH: process.env.PATH }, answers: options.answers, ...(options.paths ? { replace: [createCameraStatusAction(options.paths)] } : {}) });
  return { uid: process.getuid?.() ?? -1, finished: r.finished as Result['finished'], steps: r.steps, status: r.results['status:check'] as Result['status'] };
}

function run(options: { paths?: LinuxCameraPaths; answers: Record<string, boolean> }, as?: { uid: number; gid: number }): Result {
  const argv = [process.execPath, '--import', 'tsx', child, JSON.stringify(options)];
  const [file, ...args] = as ? ['setpriv', '--reuid', String(as.uid), '--regid', String(as.gid), '--clear-groups', ...argv] : argv;
  const result = spawnSync(file as string, args, { encoding: 'utf8', timeout: 90_000, cwd: path.resolve(import.meta.dirname, '../../..') });
  if (result.status !== 0) throw new Error(`camera child failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Result;
}
const ran = (r: Result) => r.steps.filter(([, s]) => s !== 'skipped').map(([id]) => id);

describe.skipIf(!linux || hasCamera)('camera: no camera on this machine', () => {
  it('finds none, asks to plug one in, and hands IT the cause (as this user)', async () => {
    const r = await runHere({ answers: { 'plug-in': false } });
    expect(r.status).toMatchObject({ problem: 'no-device', devices: [] });
    expect(r.finished).toMatchObject({ outcome: 'needs-human', cause: 'no-device' });
    expect(ran(r)).toEqual(['status', 'plug-in', 'no-device']);
  });

  it.skipIf(!root)('the same as an unprivileged employee, after looking again', { timeout: 90_000 }, () => {
    const r = run({ answers: { 'plug-in': true } }, employeeAccount());
    expect(r.uid).toBe(employeeAccount().uid);
    expect(r.finished).toMatchObject({ outcome: 'needs-human', cause: 'no-device' });
    expect(ran(r)).toEqual(['status', 'plug-in', 'devices-again', 'no-device']);
  });
});

describe.skipIf(!root)('camera: fake device files', () => {
  let dir: string;
  let paths: LinuxCameraPaths;
  const holders: ChildProcess[] = [];
  const holderName = `fl-cam-${process.pid % 100000}`;

  /** A program (a copy of sleep under a unique name) that holds the fake camera open, as `uid`. */
  async function hold(device: string, as?: { uid: number; gid: number }): Promise<ChildProcess> {
    const fd = openSync(device, 'r');
    const program = path.join(dir, holderName);
    const [file, ...args] = as ? ['setpriv', '--reuid', String(as.uid), '--regid', String(as.gid), '--clear-groups', program, '600'] : [program, '600'];
    const holder = spawn(file as string, args, { stdio: [fd, 'ignore', 'ignore'] });
    closeSync(fd);
    holders.push(holder);
    await new Promise<void>((resolve, reject) => (holder.once('spawn', resolve), holder.once('error', reject)));
    return holder;
  }
  const stop = (holder: ChildProcess) =>
    new Promise<void>((resolve) => (holder.exitCode !== null || holder.signalCode !== null ? resolve() : (holder.once('exit', () => resolve()), holder.kill('SIGKILL'))));

  beforeAll(() => {
    // Resolved: /proc/<pid>/fd links name the real path.
    dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'firstline-camera-')));
    chmodSync(dir, 0o755);
    paths = { devDir: path.join(dir, 'dev'), procRoot: '/proc', sysDir: path.join(dir, 'sys'), groupFile: '/etc/group' };
    mkdirSync(paths.devDir);
    mkdirSync(path.join(paths.sysDir, 'video0'), { recursive: true });
    writeFileSync(path.join(paths.sysDir, 'video0', 'name'), 'Fake USB Camera\n');
    writeFileSync(path.join(paths.devDir, 'video0'), '');
    copyFileSync('/bin/sleep', path.join(dir, holderName));
    chmodSync(path.join(dir, holderName), 0o755);
  });
  afterAll(async () => {
    await Promise.all(holders.map(stop));
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the employee’s own program that holds the camera, looks again after asking, and never names another user’s', { timeout: 90_000 }, async () => {
    const device = path.join(paths.devDir, 'video0');
    chmodSync(device, 0o666);
    const employee = employeeAccount();
    const theirs = await hold(device, employee);
    const r = run({ paths, answers: { 'close-app': true } }, employee);
    expect(r.uid).toBe(employee.uid);
    expect(r.status).toMatchObject({ problem: 'in-use', apps: holderName, devices: ['Fake USB Camera'] });
    expect(r.finished).toMatchObject({ outcome: 'needs-human', cause: 'in-use' });
    expect(ran(r)).toEqual(['status', 'close-app', 'in-use-again', 'in-use']);
    // Root sees every process but looks only at its own user's: the employee's program is not named.
    const asRoot = await runHere({ paths, answers: { works: true } });
    expect(asRoot.status).toMatchObject({ problem: 'none', apps: '' });
    expect(asRoot.finished).toMatchObject({ outcome: 'resolved', reasonCode: 'nothing-wrong' });
    expect(ran(asRoot)).toEqual(['status', 'app-camera', 'works']);
    await stop(theirs);
    // Its own program is named, and closing it is what the re-check sees.
    const own = await hold(device);
    const held = await runHere({ paths, answers: { 'close-app': false } });
    expect(held.status).toMatchObject({ problem: 'in-use', apps: holderName });
    expect(ran(held)).toEqual(['status', 'close-app', 'in-use']);
    await stop(own);
    expect((await runHere({ paths, answers: { works: true } })).status).toMatchObject({ problem: 'none' });
  });

  it('a camera only its group may open is "not allowed" for an employee outside the group, with the group for IT', { timeout: 90_000 }, () => {
    const device = path.join(paths.devDir, 'video0');
    const video = Number(execFileSync('getent', ['group', 'video'], { encoding: 'utf8' }).split(':')[2] ?? '0');
    chownSync(device, 0, Number.isFinite(video) ? video : 0);
    chmodSync(device, 0o660);
    const r = run({ paths, answers: {} }, employeeAccount());
    expect(r.status).toMatchObject({ problem: 'no-permission', noPermission: true, group: Number.isFinite(video) && video > 0 ? 'video' : 'root' });
    expect(r.finished).toMatchObject({ outcome: 'needs-human', cause: 'no-permission' });
    expect(ran(r)).toEqual(['status', 'no-permission']);
  });
});
