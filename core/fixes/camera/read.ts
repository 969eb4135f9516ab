/** The camera's state on each OS, and the first problem in the order the troubleshooter handles them. */
import type { ActionContext } from '../../engine/action.ts';
import { briefError, runArgv, succeeded } from '../shared/exec.ts';
import { cameraReadCommand, type CameraSwitch, parseSystemProfilerCamera, parseWindowsCamera } from './commands.ts';
import { readLinuxCamera, type LinuxCameraPaths, linuxCameraPaths } from './linux.ts';

export const cameraProblems = ['none', 'not-available', 'no-device', 'blocked-by-policy', 'blocked-for-computer', 'blocked-for-user', 'no-permission', 'in-use'] as const;
export type CameraProblem = (typeof cameraProblems)[number];

export type CameraState = {
  available: boolean;
  /** Cameras that work (Windows: status OK). */
  devices: string[];
  /** Cameras Windows lists with a problem (disabled, driver error). */
  faulty: string[];
  policyBlocked: boolean;
  machineBlocked: boolean;
  /** The employee's own switch for apps or for desktop apps is off. */
  userBlocked: boolean;
  /** Windows: the switches found off, in the order `camera.allow` turns them on. */
  offSwitches: CameraSwitch[];
  /** Linux: the employee may not open the camera. */
  noPermission: boolean;
  group?: string;
  /** Programs using the camera now (names only); empty when none or when the OS cannot tell. */
  inUse: string[];
  /** Whether the OS can tell apps' permission and current use (macOS cannot). */
  privacyKnown: boolean;
  error?: string;
};

const empty: CameraState = {
  available: false,
  devices: [],
  faulty: [],
  policyBlocked: false,
  machineBlocked: false,
  userBlocked: false,
  offSwitches: [],
  noPermission: false,
  inUse: [],
  privacyKnown: false,
};

export async function readCamera(ctx: ActionContext, paths: LinuxCameraPaths = linuxCameraPaths): Promise<CameraState> {
  if (ctx.platform === 'linux') {
    const cam = await readLinuxCamera(paths);
    const noPermission = cam.nodes.length > 0 && cam.unreadable.length === cam.nodes.length;
    return {
      ...empty,
      available: true,
      devices: cam.names.length > 0 ? cam.names : cam.nodes,
      noPermission,
      ...(noPermission && cam.group ? { group: cam.group } : {}),
      inUse: cam.inUseBy,
      privacyKnown: true,
    };
  }
  const command = cameraReadCommand(ctx.platform);
  const result = await runArgv(ctx, command.file, command.args, { timeoutMs: 30_000 });
  if (!succeeded(result)) return { ...empty, error: `${command.file}: ${briefError(result)}` };
  if (ctx.platform === 'darwin') {
    const names = parseSystemProfilerCamera(result.stdout);
    return names ? { ...empty, available: true, devices: names } : { ...empty, error: 'system_profiler: unreadable output' };
  }
  const win = parseWindowsCamera(result.stdout);
  if (!win) return { ...empty, error: `powershell: unreadable output: ${result.stdout.slice(0, 120)}` };
  return {
    ...empty,
    available: true,
    devices: win.devices.filter((d) => d.status === 'OK').map((d) => d.name),
    faulty: win.devices.filter((d) => d.status !== 'OK').map((d) => d.name),
    policyBlocked: win.policy === 2,
    machineBlocked: win.machine === 'Deny',
    userBlocked: win.user === 'Deny' || win.desktop === 'Deny',
    offSwitches: [...(win.user === 'Deny' ? (['user'] as const) : []), ...(win.desktop === 'Deny' ? (['desktop'] as const) : []), ...(win.machine === 'Deny' ? (['machine'] as const) : [])],
    inUse: win.inUse,
    privacyKnown: true,
  };
}

export function cameraProblem(s: CameraState): CameraProblem {
  if (!s.available) return 'not-available';
  if (s.devices.length === 0) return 'no-device';
  if (s.policyBlocked) return 'blocked-by-policy';
  if (s.machineBlocked) return 'blocked-for-computer';
  if (s.userBlocked) return 'blocked-for-user';
  if (s.noPermission) return 'no-permission';
  if (s.inUse.length > 0) return 'in-use';
  return 'none';
}
