/**
 * Start at login, decided by policy (`autostart`, which the employee may change unless an admin
 * set it). Windows and macOS use Electron's login items — the shell passes `loginItemSettings`
 * to `app.setLoginItemSettings`. Electron has no login items on Linux, so there the shell calls
 * `applyXdgAutostart`, which writes or removes ~/.config/autostart/firstline.desktop.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Platform } from '../kernel/platform.ts';
import type { EffectivePolicy } from './resolve.ts';

/** Passed on login so the app starts in the tray without opening its window. */
export const hiddenStartArg = '--hidden';

export type AutostartDecision =
  | { mechanism: 'none'; enabled: boolean; reason: string }
  | { mechanism: 'login-item'; enabled: boolean; loginItemSettings: { openAtLogin: boolean; openAsHidden: boolean; args: string[] } }
  | { mechanism: 'xdg-autostart'; enabled: boolean; execPath: string };

export function decideAutostart(policy: Pick<EffectivePolicy, 'values'>, context: { platform: Platform; packaged: boolean; execPath: string }): AutostartDecision {
  const enabled = policy.values.autostart;
  // An unpackaged run would register the bare Electron binary: never touch login items in development.
  if (!context.packaged) return { mechanism: 'none', enabled, reason: 'not a packaged build' };
  if (context.platform === 'linux') return { mechanism: 'xdg-autostart', enabled, execPath: context.execPath };
  return { mechanism: 'login-item', enabled, loginItemSettings: { openAtLogin: enabled, openAsHidden: true, args: [hiddenStartArg] } };
}

export function xdgAutostartPath(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const config = env.XDG_CONFIG_HOME || (env.HOME ? path.join(env.HOME, '.config') : undefined);
  return config ? path.join(config, 'autostart', 'firstline.desktop') : undefined;
}

/** Desktop entry per the XDG autostart spec; Exec quotes the path so spaces survive. */
export function xdgAutostartEntry(execPath: string): string {
  const quoted = `"${execPath.replace(/(["`$\\])/g, '\\$1')}"`;
  return ['[Desktop Entry]', 'Type=Application', 'Name=Firstline', `Exec=${quoted} ${hiddenStartArg}`, 'X-GNOME-Autostart-enabled=true', 'NoDisplay=true', ''].join('\n');
}

export function applyXdgAutostart(decision: Extract<AutostartDecision, { mechanism: 'xdg-autostart' }>, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const file = xdgAutostartPath(env);
  if (!file) return undefined;
  if (decision.enabled) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, xdgAutostartEntry(decision.execPath));
  } else {
    rmSync(file, { force: true });
  }
  return file;
}
