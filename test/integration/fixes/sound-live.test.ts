/**
 * Live sound-mic troubleshooter on Linux against a real PulseAudio 16 with null sinks ("Dummy
 * Output" as auto_null, a "headset" sink, a "mic" source), run as an unprivileged employee account
 * (CI runs as root: every command goes through setpriv). The run must repair what pactl reports
 * and pactl must confirm it afterwards. A second case starts with no sound server at all: the fix
 * starts the employee's own server (no rights), and the run honestly ends at "no device" because a
 * machine without a sound card has only the Dummy Output.
 * Needs `pulseaudio` and `pulseaudio-utils` (.ci/install-fixes.sh).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fullActionRegistry } from '../../../core/action-registry.ts';
import type { RunEvent } from '../../../core/engine/events.ts';
import { loadTroubleshooterFile } from '../../../core/engine/loader.ts';
import type { ExecPort } from '../../../core/engine/ports.ts';
import { run as runTroubleshooter } from '../../../core/engine/runner.ts';
import { createNodeExec } from '../../../core/platform/node-exec.ts';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const missing = process.platform !== 'linux' ? 'not Linux' : !has('pulseaudio') || !has('pactl') ? 'pulseaudio/pactl not installed (.ci/install-fixes.sh installs them)' : undefined;
if (missing) console.log(`sound-live: skipped, ${missing}`);

const employee = 'firstline-sound';
const asRoot = process.getuid?.() === 0;

describe.skipIf(missing !== undefined)('sound-mic with a real PulseAudio, as an unprivileged employee', () => {
  let uid = process.getuid?.() ?? 0;
  let gid = process.getgid?.() ?? 0;
  let dir: string;
  const daemons: ChildProcess[] = [];

  beforeAll(() => {
    if (!asRoot) return;
    if (spawnSync('id', ['-u', employee]).status !== 0) execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', employee], { stdio: 'pipe' });
    uid = Number(execFileSync('id', ['-u', employee], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', employee], { encoding: 'utf8' }).trim());
  });

  /** As the employee: root drops to the account with setpriv; anyone else is already unprivileged. */
  const asEmployee = (file: string, args: readonly string[]): [string, string[]] =>
    asRoot ? ['setpriv', [`--reuid=${uid}`, `--regid=${gid}`, '--init-groups', '--', file, ...args]] : [file, [...args]];
  const node = createNodeExec();
  const exec: ExecPort = { exec: (file, args, options) => node.exec(...asEmployee(file, args), options) };
  const env = (extra: Record<string, string> = {}) => ({ HOME: dir, XDG_RUNTIME_DIR: dir, PATH: process.env.PATH ?? '/usr/bin:/bin', ...extra });
  const pactl = (args: string[], extra: Record<string, string> = {}) => {
    const [file, argv] = asEmployee('pactl', args);
    return execFileSync(file, argv, { env: { ...env(extra), LC_ALL: 'C' }, encoding: 'utf8' });
  };

  const newHome = async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'firstline-sound-'));
    await chown(dir, uid, gid);
    await chmod(dir, 0o700);
  };

  /** A private PulseAudio with null devices; resolves when it reports "Daemon startup complete". */
  const startDaemon = async (socket: string) => {
    const [file, args] = asEmployee('pulseaudio', [
      '-n',
      '--daemonize=no',
      '--exit-idle-time=-1',
      '--disable-shm=yes',
      '--log-target=stderr',
      '--log-level=info',
      '-L',
      `module-native-protocol-unix socket=${socket} auth-anonymous=1`,
      '-L',
      'module-null-sink sink_name=auto_null sink_properties=device.description=Dummy-Output',
      '-L',
      'module-null-sink sink_name=headset sink_properties=device.description=Headset',
      '-L',
      'module-null-source source_name=mic',
    ]);
    const daemon = spawn(file, args, { env: env(), stdio: ['ignore', 'ignore', 'pipe'] });
    daemons.push(daemon);
    await new Promise<void>((resolve, reject) => {
      daemon.once('exit', (code) => reject(new Error(`pulseaudio exited with ${code}`)));
      createInterface({ input: daemon.stderr! }).on('line', (line) => {
        if (line.includes('Daemon startup complete')) resolve();
      });
    });
  };

  const runFix = async (answers: Record<string, boolean>, extraEnv: Record<string, string>) => {
    const registry = fullActionRegistry();
    const file = new URL('../../../troubleshooters/sound-mic.yaml', import.meta.url).pathname;
    const loaded = await loadTroubleshooterFile(file, registry);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    const events: RunEvent[] = [];
    const stream = runTroubleshooter(
      loaded.troubleshooter,
      {
        exec,
        elevation: { request: async () => false },
        interaction: { ask: async (stepId) => Promise.reject(new Error(`unexpected question ${stepId}`)), consent: async () => true },
        urlOpener: { open: async () => false },
      },
      { registry, catalogDir: path.dirname(file), platform: 'linux', lang: 'de', env: env(extraEnv), answers },
    );
    for await (const event of stream) events.push(event);
    return events;
  };
  const steps = (events: RunEvent[]) => events.flatMap((e) => (e.type === 'step-finished' && e.status !== 'skipped' ? [[e.stepId, e.status]] : []));

  afterEach(async () => {
    // End only what this test started: our daemons by PID, and a server the fix started, by its pid file.
    for (const daemon of daemons.splice(0)) {
      if (daemon.exitCode === null && daemon.signalCode === null) {
        const exited = new Promise((resolve) => daemon.once('exit', resolve));
        daemon.kill('SIGTERM');
        await exited;
      }
    }
    const pid = Number((await readFile(path.join(dir, 'pulse', 'pid'), 'utf8').catch(() => '')).trim());
    if (Number.isInteger(pid) && pid > 0) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('switches from the Dummy Output to the headset, unmutes and lifts a silent microphone; pactl confirms', async () => {
    await newHome();
    const socket = path.join(dir, 'native');
    await startDaemon(socket);
    const server = { PULSE_SERVER: `unix:${socket}` };
    pactl(['set-default-sink', 'auto_null'], server);
    pactl(['set-sink-mute', 'headset', '1'], server);
    pactl(['set-source-mute', 'mic', '1'], server);
    pactl(['set-source-volume', 'mic', '0'], server);

    const events = await runFix({ works: true }, server);
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', outcome: 'resolved', reasonCode: 'verified' });
    expect(steps(events)).toEqual([
      ['status', 'failed'],
      ['devices', 'passed'],
      ['default', 'fixed'],
      ['levels', 'fixed'],
      ['app-device', 'passed'],
      ['works', 'passed'],
    ]);
    expect(pactl(['get-default-sink'], server).trim()).toBe('headset');
    expect(pactl(['get-sink-mute', 'headset'], server)).toContain('Mute: no');
    expect(pactl(['get-source-mute', 'mic'], server)).toContain('Mute: no');
    expect(pactl(['get-source-volume', 'mic'], server)).toMatch(/ 75% /);
    // A level that was fine is left alone: the headset stayed at 100 %.
    expect(pactl(['get-sink-volume', 'headset'], server)).toMatch(/ 100% /);
  });

  it('starts the employee’s own stopped sound server without rights, then says honestly that there is no device', async () => {
    await newHome();
    const events = await runFix({ 'plug-in': false }, {});
    expect(steps(events).slice(0, 2)).toEqual([
      ['status', 'failed'],
      ['service-user', 'fixed'],
    ]);
    // The employee's own server: no administrator rights were asked for.
    expect(events.some((e) => e.type === 'elevation-refused' || (e.type === 'consent-requested' && e.elevation))).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', outcome: 'needs-human', cause: 'no-device' });
    // The server really runs now, as the employee, with only the Dummy Output (no sound card here).
    expect(pactl(['list', 'short', 'sinks'])).toContain('auto_null');
  });
});
