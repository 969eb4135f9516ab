/**
 * The exec port the app and the CLI run troubleshooters with: argv-only commands with timeouts
 * (core/engine/exec-node.ts) plus the detached `launch` capability that restarts apps such as
 * Teams after a fix (core/fixes/shared/node-launch.ts).
 */
import { createNodeExec } from '../engine/exec-node.ts';
import type { ExecPort } from '../engine/ports.ts';
import { createNodeLauncher } from '../fixes/shared/node-launch.ts';

export function createNodeExecPort(): ExecPort {
  return { ...createNodeExec(), ...createNodeLauncher() };
}
