/**
 * Resynchronising the clock, per OS, as fixed argv (also the elevation broker's `time.resync`
 * operation, broker/op-argv.ts). Alternatives are tried in order while a tool is not installed.
 * - Windows: `w32tm /resync` asks the Windows Time service to sync now (domain hierarchy or the
 *   configured NTP server); it needs administrator rights.
 * - macOS: `sntp -sS time.apple.com` sets the clock from Apple's server, the default of
 *   System Settings → Date & Time (a Mac set to another server keeps it for timed; this one-off
 *   step only corrects the clock).
 * - Linux: chrony steps the clock at once (`chronyc makestep`); with systemd-timesyncd, switching
 *   network time off and on restarts it, and it syncs at start.
 */
import type { Platform } from '../../kernel/platform.ts';

export type Argv = { file: string; args: string[] };

export function resyncCommands(platform: Platform): Argv[][] {
  switch (platform) {
    case 'win32':
      return [[{ file: 'w32tm', args: ['/resync'] }]];
    case 'darwin':
      return [[{ file: 'sntp', args: ['-sS', 'time.apple.com'] }]];
    case 'linux':
      return [
        [{ file: 'chronyc', args: ['makestep'] }],
        [
          { file: 'timedatectl', args: ['set-ntp', 'false'] },
          { file: 'timedatectl', args: ['set-ntp', 'true'] },
        ],
      ];
  }
}
