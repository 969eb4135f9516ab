/**
 * OneDrive (Windows and macOS): is the sync app running for this employee, is an account set up,
 * and the documented reset. Processes are looked up per user with the shared lookup
 * (core/fixes/teams/process.ts: `tasklist /FI "USERNAME eq …"`, `pgrep -u <uid>`).
 * - Signed in, Windows: `reg query HKCU\Software\Microsoft\OneDrive\Accounts /s /v UserEmail` — an
 *   account key (Business1, Personal) with a UserEmail. Only the key names leave this file, never
 *   the address.
 * - Signed in, macOS: an account folder (Business1, Personal) with its settings file under
 *   ~/Library/Application Support/OneDrive/settings (standalone app) or the App Store app's
 *   container.
 * - Reset: Windows `OneDrive.exe /reset` (per-user install under %LOCALAPPDATA%, else the
 *   per-machine one); macOS: quit OneDrive, then `open` the app's own ResetOneDriveAppStandalone.command
 *   (standalone) or ResetOneDriveApp.command (App Store), as Microsoft's "Reset OneDrive" article
 *   describes. Both restart OneDrive; the action then waits until it runs again.
 * OneDrive's pause state has no documented read-out on either OS: the troubleshooter asks.
 */
import path from 'node:path';

export type Argv = { file: string; args: string[] };

export const accountsKey = 'HKCU\\Software\\Microsoft\\OneDrive\\Accounts';

export function accountsQuery(): Argv {
  return { file: 'reg', args: ['query', accountsKey, '/s', '/v', 'UserEmail'] };
}

/**
 * Account key names with a non-empty UserEmail from `reg query … /s /v UserEmail`:
 * "HKEY_CURRENT_USER\Software\Microsoft\OneDrive\Accounts\Business1" then "    UserEmail    REG_SZ    x@y".
 */
export function parseAccounts(stdout: string): string[] {
  const found: string[] = [];
  let key: string | undefined;
  for (const line of stdout.split(/\r?\n/)) {
    const heading = /^HKEY_[^\\]+\\.*\\Accounts\\([^\\\s]+)\s*$/i.exec(line);
    if (heading) {
      key = heading[1];
      continue;
    }
    if (key && /^\s+UserEmail\s+REG_SZ\s+\S/i.test(line) && !found.includes(key)) found.push(key);
  }
  return found;
}

/** Where OneDrive.exe may be: per-user first (the default install), then per-machine. */
export function windowsExecutables(env: Readonly<Record<string, string | undefined>>): string[] {
  const out: string[] = [];
  if (env.LOCALAPPDATA) out.push(`${env.LOCALAPPDATA}\\Microsoft\\OneDrive\\OneDrive.exe`);
  for (const base of [env.ProgramFiles, env['ProgramFiles(x86)']]) if (base) out.push(`${base}\\Microsoft OneDrive\\OneDrive.exe`);
  return out;
}

export const macApp = '/Applications/OneDrive.app';
export const macResetScripts = [`${macApp}/Contents/Resources/ResetOneDriveAppStandalone.command`, `${macApp}/Contents/Resources/ResetOneDriveApp.command`];
export const macQuit: Argv = { file: 'osascript', args: ['-e', 'tell application "OneDrive" to quit'] };
export const macStart: Argv = { file: 'open', args: ['-a', macApp] };

/** The account settings folders of the standalone and the App Store app, under the employee's home. */
export function macSettingsDirs(home: string): string[] {
  return [
    path.posix.join(home, 'Library/Application Support/OneDrive/settings'),
    path.posix.join(home, 'Library/Containers/com.microsoft.OneDrive-mac/Data/Library/Application Support/OneDrive/settings'),
  ];
}
