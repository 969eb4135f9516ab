/**
 * Updates waiting for a restart. Windows: the two registry keys Windows Update and component
 * servicing create for that (`reg query` exits 0 when the key exists, 1 when not). Linux
 * (Debian/Ubuntu): /var/run/reboot-required. macOS: only `softwareupdate -l` knows, and it asks
 * Apple's servers and takes minutes, so the state is reported as unknown rather than guessed.
 */
import { access } from 'node:fs/promises';
import type { ActionContext } from '../../engine/action.ts';
import { runArgv } from '../shared/exec.ts';

export const windowsRestartKeys = [
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired',
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending',
];

export async function restartPending(ctx: ActionContext, flagFile = '/var/run/reboot-required'): Promise<'pending' | 'none' | 'unknown'> {
  if (ctx.platform === 'linux') {
    return access(flagFile).then(
      () => 'pending' as const,
      () => 'none' as const,
    );
  }
  if (ctx.platform === 'darwin') return 'unknown';
  let answered = false;
  for (const key of windowsRestartKeys) {
    const result = await runArgv(ctx, 'reg', ['query', key], { timeoutMs: 5000, locale: 'keep' });
    if (result.exitCode === 0) return 'pending';
    if (result.exitCode === 1) answered = true;
  }
  return answered ? 'none' : 'unknown';
}
