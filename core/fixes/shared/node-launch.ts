/**
 * Node implementation of the optional `launch` capability (see launch.ts): starts a program
 * detached from Firstline (own session, stdio ignored, not waited for), argv only. The composition
 * root adds it to the exec port: `{ ...createNodeExec(), ...createNodeLauncher() }`.
 */
import { spawn } from 'node:child_process';
import type { LaunchPort } from './launch.ts';

export function createNodeLauncher(): LaunchPort {
  return {
    launch(file, args, options) {
      return new Promise((resolve) => {
        const child = spawn(file, [...args], { shell: false, detached: true, stdio: 'ignore', windowsHide: false, env: options.env ?? process.env, cwd: options.cwd });
        child.once('error', (error) => resolve({ started: false, error: error.message }));
        child.once('spawn', () => {
          child.unref();
          resolve({ started: true, ...(child.pid !== undefined ? { pid: child.pid } : {}) });
        });
      });
    },
  };
}
