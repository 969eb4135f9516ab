/**
 * Runs the camera troubleshooter through the real engine in a child process (so a live test can
 * run it with an unprivileged employee's rights) and prints the outcome as JSON. With `paths`, the
 * camera is read from fake device files in a temporary folder instead of /dev.
 * Usage: node --import tsx camera-live-child.ts '<json: { paths?, answers }>'
 */
import { createCameraStatusAction } from '../../../core/fixes/camera/actions.ts';
import type { LinuxCameraPaths } from '../../../core/fixes/camera/linux.ts';
import { runCatalog } from './run-catalog.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as { paths?: LinuxCameraPaths; answers?: Record<string, boolean> };
const run = await runCatalog('camera', {
  env: { PATH: process.env.PATH },
  answers: options.answers ?? {},
  ...(options.paths ? { replace: [createCameraStatusAction(options.paths)] } : {}),
});
process.stdout.write(`${JSON.stringify({ uid: process.getuid?.(), finished: run.finished, steps: run.steps, status: run.results['status:check'] })}\n`);
