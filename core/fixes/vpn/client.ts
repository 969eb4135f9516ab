/**
 * Is the VPN client running? Vendor-neutral: policy `vpnClientService` names it — a Windows
 * service (`sc query <name>`, state RUNNING) or a macOS/Linux process (`pgrep -x <name>`, any
 * user: VPN daemons run as root). The name goes in as one argv element.
 */
import type { Platform } from '../../kernel/platform.ts';

export type Argv = { file: string; args: string[] };

export function clientCommand(platform: Platform, name: string): Argv {
  return platform === 'win32' ? { file: 'sc', args: ['query', name] } : { file: 'pgrep', args: ['-x', name] };
}

/**
 * `sc query`: "        STATE              : 4  RUNNING". The label is translated on German or French
 * Windows ("STATUS", "ÉTAT"); the number and the state word are not. Exit 1060: no such service.
 */
export function parseScQuery(stdout: string, exitCode: number | null): 'running' | 'stopped' | 'not-installed' | 'unknown' {
  if (exitCode === 1060) return 'not-installed';
  const state = /:\s*([1-7])\s+(STOPPED|START_PENDING|STOP_PENDING|RUNNING|CONTINUE_PENDING|PAUSE_PENDING|PAUSED)\b/.exec(stdout);
  if (!state) return /\b1060\b/.test(stdout) ? 'not-installed' : 'unknown';
  return state[1] === '4' ? 'running' : 'stopped';
}
