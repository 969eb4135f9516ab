/**
 * Camera fix: parsers against recorded outputs (system_profiler: modelled on published
 * SPCameraDataType JSON; the Windows JSON is the shape of Firstline's own fixed script, see
 * test/fixtures/fixes/README.md) and the exact argv per OS through a fake exec. Linux is read from
 * the file system and tested live (test/integration/fixes/camera-live.test.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cameraAllowAction, cameraStatusAction } from '../../../core/fixes/camera/actions.ts';
import { allowCommand, parseSystemProfilerCamera, parseWindowsCamera, windowsCameraScript } from '../../../core/fixes/camera/commands.ts';
import { fakeExec, makeContext } from './context.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/fixes/${name}`, import.meta.url), 'utf8');
const consent = 'Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore\\webcam';

describe('camera parsers on recorded outputs', () => {
  it('Windows: devices with their status, the three switches, the policy and the apps using the camera (BOM, CRLF)', () => {
    expect(parseWindowsCamera(fixture('camera-windows.user-denied.json'))).toEqual({
      devices: [
        { name: 'Integrated Camera', status: 'OK' },
        { name: 'Logitech BRIO', status: 'Error' },
      ],
      user: 'Deny',
      desktop: 'Allow',
      machine: 'Allow',
      policy: null,
      inUse: [],
    });
    expect(parseWindowsCamera(fixture('camera-windows.in-use.json'))?.inUse).toEqual(['Zoom', 'MSTeams']);
    expect(parseWindowsCamera(fixture('camera-windows.policy-off.json'))?.policy).toBe(2);
    // PowerShell 5.1 writes a one-element list as the element itself.
    expect(parseWindowsCamera('{"devices":{"name":"Cam","status":"OK"},"user":null,"desktop":null,"machine":null,"policy":null,"inUse":"obs64.exe"}')).toMatchObject({
      devices: [{ name: 'Cam', status: 'OK' }],
      inUse: ['obs64'],
    });
    expect(parseWindowsCamera('Get-PnpDevice : not recognized')).toBeUndefined();
  });

  it('macOS: camera names from system_profiler, an empty list, and anything else refused', () => {
    expect(parseSystemProfilerCamera(fixture('system-profiler-camera.json'))).toEqual(['MacBook Pro Camera', 'OBS Virtual Camera']);
    expect(parseSystemProfilerCamera(fixture('system-profiler-camera.none.json'))).toEqual([]);
    expect(parseSystemProfilerCamera('{"SPAudioDataType":[]}')).toBeUndefined();
  });
});

describe('camera actions on Windows (argv)', () => {
  it('reads everything with one fixed script and names the employee’s own switch as the problem', async () => {
    const exec = fakeExec({ 'powershell.exe': { stdout: fixture('camera-windows.user-denied.json') } });
    const status = await cameraStatusAction.run({}, makeContext({ exec, platform: 'win32' }));
    expect(status).toMatchObject({ ok: false, problem: 'blocked-for-user', userBlocked: true, machineBlocked: false, devices: ['Integrated Camera'], faulty: ['Logitech BRIO'], inUse: false });
    expect(exec.calls[0]?.args.at(-1)).toBe(windowsCameraScript);
    // Nothing is spliced into the script: it has no template and reads only fixed keys.
    expect(windowsCameraScript).not.toMatch(/\$\{/);
    expect(windowsCameraScript).toContain(consent);
  });

  it('turns on exactly the employee’s switches that were off (HKCU), never the machine’s', async () => {
    const exec = fakeExec({ 'powershell.exe': { stdout: fixture('camera-windows.policy-off.json').replace('"policy":2', '"policy":null') }, reg: {} });
    expect(await cameraAllowAction.run({ scope: 'user' }, makeContext({ exec, platform: 'win32' }))).toMatchObject({ ok: true });
    expect(exec.lines().filter((l) => l.startsWith('reg '))).toEqual([
      `reg add HKCU\\${consent} /v Value /t REG_SZ /d Allow /f`,
      `reg add HKCU\\${consent}\\NonPackaged /v Value /t REG_SZ /d Allow /f`,
    ]);
  });

  it('the machine-wide switch only with scope machine, and only when it was off', async () => {
    const exec = fakeExec({ 'powershell.exe': { stdout: fixture('camera-windows.policy-off.json').replace('"policy":2', '"policy":null') }, reg: {} });
    await cameraAllowAction.run({ scope: 'machine' }, makeContext({ exec, platform: 'win32' }));
    expect(exec.lines().filter((l) => l.startsWith('reg '))).toEqual([`reg add HKLM\\${consent} /v Value /t REG_SZ /d Allow /f`]);
    const none = fakeExec({ 'powershell.exe': { stdout: fixture('camera-windows.in-use.json') }, reg: {} });
    expect(await cameraAllowAction.run({ scope: 'machine' }, makeContext({ exec: none, platform: 'win32' }))).toMatchObject({ ok: true, finding: 'Nothing needed to change.' });
    expect(none.lines().some((l) => l.startsWith('reg '))).toBe(false);
  });

  it('a Group Policy that forces the camera off comes first and is reported, not changed', async () => {
    const exec = fakeExec({ 'powershell.exe': { stdout: fixture('camera-windows.policy-off.json') } });
    expect(await cameraStatusAction.run({}, makeContext({ exec, platform: 'win32', lang: 'nl' }))).toMatchObject({
      problem: 'blocked-by-policy',
      policyBlocked: true,
      finding: 'Je organisatie heeft de camera voor apps op deze computer uitgezet.',
    });
  });

  it('apps using the camera are named; no camera at all is "no-device"', async () => {
    const inUse = fakeExec({ 'powershell.exe': { stdout: fixture('camera-windows.in-use.json') } });
    expect(await cameraStatusAction.run({}, makeContext({ exec: inUse, platform: 'win32' }))).toMatchObject({ problem: 'in-use', inUse: true, apps: 'Zoom, MSTeams' });
    const none = fakeExec({ 'powershell.exe': { stdout: fixture('camera-windows.no-devices.json') } });
    expect(await cameraStatusAction.run({}, makeContext({ exec: none, platform: 'win32' }))).toMatchObject({ problem: 'no-device', hasDevice: false });
  });

  it('a reg add that is refused is a failed fix with the reason for IT', async () => {
    const exec = fakeExec({ 'powershell.exe': { stdout: fixture('camera-windows.user-denied.json') }, reg: { exitCode: 1, stderr: 'ERROR: Access is denied.' } });
    expect(await cameraAllowAction.run({ scope: 'user' }, makeContext({ exec, platform: 'win32' }))).toMatchObject({ ok: false, available: true, error: 'reg: ERROR: Access is denied.' });
  });

  it('without PowerShell nothing is guessed', async () => {
    expect(await cameraStatusAction.run({}, makeContext({ exec: fakeExec({}), platform: 'win32' }))).toMatchObject({ ok: false, available: false, problem: 'not-available' });
  });
});

describe('camera actions on macOS (argv)', () => {
  it('lists cameras with system_profiler; permissions cannot be read there, and nothing is changed', async () => {
    const exec = fakeExec({ 'system_profiler SPCameraDataType -json': { stdout: fixture('system-profiler-camera.json') } });
    const status = await cameraStatusAction.run({}, makeContext({ exec, platform: 'darwin' }));
    expect(status).toMatchObject({ ok: true, problem: 'none', devices: ['MacBook Pro Camera', 'OBS Virtual Camera'], privacyKnown: false });
    expect(status.finding).toContain('System Settings');
    expect(await cameraAllowAction.run({ scope: 'user' }, makeContext({ exec, platform: 'darwin' }))).toMatchObject({ ok: false, available: false });
    expect(exec.lines()).toEqual(['system_profiler SPCameraDataType -json']);
    const none = fakeExec({ 'system_profiler SPCameraDataType -json': { stdout: fixture('system-profiler-camera.none.json') } });
    expect(await cameraStatusAction.run({}, makeContext({ exec: none, platform: 'darwin' }))).toMatchObject({ problem: 'no-device' });
  });

  it('allowCommand builds exactly the three keys', () => {
    expect(allowCommand('desktop').args[1]).toBe(`HKCU\\${consent}\\NonPackaged`);
  });
});
