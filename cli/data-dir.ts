/**
 * The app's data folder on this machine (Electron's userData for the product name "Firstline"), so
 * `firstline report` reads and `firstline run` writes the same history.json the app does.
 * FIRSTLINE_DATA_DIR overrides it (the browser host and tests use it).
 */
import { homedir } from 'node:os';
import path from 'node:path';

export function appDataDir(env: Readonly<Record<string, string | undefined>> = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.FIRSTLINE_DATA_DIR) return env.FIRSTLINE_DATA_DIR;
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'Firstline');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'Firstline');
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), 'Firstline');
}
