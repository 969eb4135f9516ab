/**
 * Elevation for steps that declare `elevation: required`. Firstline never asks for an admin
 * password itself: a step runs elevated only when the app already runs with rights (e.g. a
 * managed deployment that starts it elevated, or root on a lab machine). Otherwise elevation is
 * refused, the runner ends the step `refused`, and the employee is offered a ticket — the honest
 * outcome for a change only IT may make — unless the elevation broker (broker/, reached through
 * the engine's BrokerPort, core/platform/broker-port.ts) offers the fix's operation.
 */
import type { Platform } from '../kernel/platform.ts';
import type { ElevationPort, ExecPort } from '../engine/ports.ts';

export function createProcessElevation(options: { platform: Platform; exec: ExecPort; getuid?: () => number }): ElevationPort {
  let elevated: Promise<boolean> | undefined;
  const check = async (): Promise<boolean> => {
    if (options.platform === 'win32') {
      // `net session` succeeds only in an elevated process.
      const result = await options.exec.exec('net', ['session'], { timeout: 5000 });
      return result.exitCode === 0;
    }
    const uid = options.getuid ?? process.getuid?.bind(process);
    return uid ? uid() === 0 : false;
  };
  return {
    request: async () => {
      elevated ??= check().catch(() => false);
      return elevated;
    },
  };
}
