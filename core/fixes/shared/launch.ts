/**
 * Starting a long-lived program (Teams after clearing its cache). The exec port waits for a child
 * to exit, which a GUI app never does, so restarting uses the port's optional `launch` (ports.ts):
 * detached, no shell, stdio ignored. Adapters that cannot launch omit it; the fix then asks the
 * employee to start the app themselves instead of failing.
 */
import type { ExecPort } from '../../engine/ports.ts';

export type LaunchPort = Required<Pick<ExecPort, 'launch'>>;

export function launcherOf(exec: ExecPort): LaunchPort | undefined {
  const launch = exec.launch;
  return launch ? { launch: launch.bind(exec) } : undefined;
}
