/**
 * Camera: status (read-only: device, privacy switches, who uses it) and `camera.allow`, which turns
 * the Windows camera privacy switch back on — the employee's own (HKCU, no rights needed) or the
 * machine-wide one (HKLM: administrator rights, so the troubleshooter declares elevation). A Group
 * Policy that forces the camera off is IT's decision and never touched. macOS permissions (TCC)
 * cannot be changed by an app; Linux device permissions are the administrator's.
 */
import { z } from 'zod';
import { defineAction, type ActionContext } from '../../engine/action.ts';
import { fixResultSchema, runSequence, sequenceOutcome } from '../shared/result.ts';
import { nothingNeeded, say } from '../shared/text.ts';
import { allowCommand, type CameraSwitch } from './commands.ts';
import { linuxCameraPaths, type LinuxCameraPaths } from './linux.ts';
import { cameraProblem, cameraProblems, readCamera, type CameraState } from './read.ts';
import { cameraTexts as t } from './texts.ts';

function finding(s: CameraState, ctx: ActionContext): string {
  const devices = s.devices.join(', ');
  switch (cameraProblem(s)) {
    case 'none':
      return say(s.privacyKnown ? t.allGood : t.allGoodMac, ctx.lang, { devices });
    case 'not-available':
      return say(t.notAvailable, ctx.lang);
    case 'no-device':
      return say(t.noDevice, ctx.lang);
    case 'blocked-by-policy':
      return say(t.blockedByPolicy, ctx.lang);
    case 'blocked-for-computer':
      return say(t.blockedForComputer, ctx.lang);
    case 'blocked-for-user':
      return say(t.blockedForUser, ctx.lang);
    case 'no-permission':
      return say(t.noPermission, ctx.lang);
    case 'in-use':
      return say(t.inUse, ctx.lang, { apps: s.inUse.join(', ') });
  }
}

const cameraStatusResult = () =>
  z.object({
    ok: z.boolean(),
    available: z.boolean(),
    finding: z.string(),
    /** The first problem in the order the troubleshooter handles them. */
    problem: z.enum(cameraProblems),
    hasDevice: z.boolean(),
    /** Working cameras by name (at most 5). */
    devices: z.array(z.string()),
    /** Windows: cameras listed with a problem (disabled, driver error). */
    faulty: z.array(z.string()),
    /** Windows: Group Policy forces the camera off for apps (IT's decision). */
    policyBlocked: z.boolean(),
    /** Windows: the machine-wide camera switch is off (administrator rights to change). */
    machineBlocked: z.boolean(),
    /** Windows: the employee's own camera switch (apps or desktop apps) is off. */
    userBlocked: z.boolean(),
    /** Linux: the employee may not open the camera (not in its group). */
    noPermission: z.boolean(),
    group: z.string().optional(),
    inUse: z.boolean(),
    /** Programs using the camera now, names only (Windows, Linux; macOS cannot tell). */
    apps: z.string(),
    /** False on macOS: app permissions and current use cannot be read there. */
    privacyKnown: z.boolean(),
    error: z.string().optional(),
  });

/** The status action; the Linux folders are injectable so a live test can use fake device files. */
export function createCameraStatusAction(paths: LinuxCameraPaths = linuxCameraPaths) {
  return defineAction({
    name: 'camera.status',
    input: () => z.object({}).strict(),
    result: cameraStatusResult,
    platforms: ['win32', 'darwin', 'linux'],
    changesMachine: false,
    describe: (_input, lang) => say(t.describeStatus, lang),
    async run(_input, ctx) {
      const s = await readCamera(ctx, paths);
      const problem = cameraProblem(s);
      return {
        ok: problem === 'none',
        available: s.available,
        finding: finding(s, ctx),
        problem,
        hasDevice: s.devices.length > 0,
        devices: s.devices.slice(0, 5),
        faulty: s.faulty.slice(0, 5),
        policyBlocked: s.policyBlocked,
        machineBlocked: s.machineBlocked,
        userBlocked: s.userBlocked,
        noPermission: s.noPermission,
        ...(s.group ? { group: s.group } : {}),
        inUse: s.inUse.length > 0,
        apps: s.inUse.join(', '),
        privacyKnown: s.privacyKnown,
        ...(s.error ? { error: s.error } : {}),
      };
    },
  });
}

export const cameraStatusAction = createCameraStatusAction();

export const cameraAllowAction = defineAction({
  name: 'camera.allow',
  input: () =>
    z
      .object({
        /** `user`: the employee's own switches (HKCU). `machine`: the computer's (HKLM; declare `elevation: required`). */
        scope: z.enum(['user', 'machine']).default('user'),
      })
      .strict(),
  result: () => fixResultSchema,
  platforms: ['win32'],
  changesMachine: true,
  describe: (input, lang) => say(input.scope === 'machine' ? t.describeAllowMachine : t.describeAllowUser, lang),
  async run(input, ctx) {
    if (ctx.platform !== 'win32') return { ok: false, available: false, finding: say(t.onlyWindows, ctx.lang) };
    const s = await readCamera(ctx);
    // Only a switch that was found off is turned on; a Group Policy is never overridden.
    const machine = (input.scope ?? 'user') === 'machine';
    const switches: CameraSwitch[] = s.offSwitches.filter((w) => (w === 'machine') === machine);
    if (switches.length === 0) return { ok: true, available: s.available, finding: say(nothingNeeded, ctx.lang) };
    const seq = await runSequence(ctx, switches.map(allowCommand), 10_000);
    return sequenceOutcome(seq, { success: say(t.allowed, ctx.lang), notAvailable: say(t.allowFailed, ctx.lang), failed: () => say(t.allowFailed, ctx.lang) });
  },
});

export const cameraActions = [cameraStatusAction, cameraAllowAction];
