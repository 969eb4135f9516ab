/**
 * Starting a long-lived program (Teams after clearing its cache). The exec port waits for a
 * child to exit, which a GUI app never does, so restarting needs a second, optional capability on
 * the same port object: `launch` starts the program detached (no shell, stdio ignored) and
 * returns at once. Adapters that cannot launch simply omit it; the fix then asks the employee to
 * start the app themselves instead of failing.
 */
import type { ExecPort } from '../../engine/ports.ts';

export type LaunchOptions = { env?: Record<string, string>; cwd?: string };
export type LaunchResult = { started: boolean; pid?: number; error?: string };

export type LaunchPort = {
  launch(file: string, args: readonly string[], options: LaunchOptions): Promise<LaunchResult>;
};

export function launcherOf(exec: ExecPort): LaunchPort | undefined {
  const candidate = (exec as ExecPort & Partial<LaunchPort>).launch;
  return typeof candidate === 'function' ? { launch: candidate.bind(exec) } : undefined;
}
