/**
 * Outlook (Windows and macOS) "keeps asking for my password / won't start": argv and parsers.
 * - Running / not responding, for this employee only: the shared per-user lookup
 *   (core/fixes/teams/process.ts) plus `tasklist`'s `STATUS eq NOT RESPONDING` filter (its operands
 *   are not translated). macOS: `pgrep -u <uid> -x "Microsoft Outlook"`; a hang cannot be read there.
 * - Profile: `reg query HKCU\Software\Microsoft\Office\16.0\Outlook\Profiles` (classic Outlook 2016
 *   and later, Microsoft 365); only the number of profiles leaves this file.
 * - Cached credentials: `cmdkey /list` (read-only); only the Office entries (`MicrosoftOffice1x_Data:`,
 *   also as `LegacyGeneric:target=…`) are ever deleted (`cmdkey /delete:<target>`, one argv element,
 *   the target as the machine listed it). Only their number leaves this file: targets hold addresses.
 * - Safe mode: `OUTLOOK.EXE /safe` (Click-to-Run path under Program Files), started detached.
 * - macOS: new or legacy Outlook from `defaults read com.microsoft.Outlook IsRunningNewOutlook`.
 *   Keychain entries are not touched by an app: the employee is guided, IT is asked.
 */
export type Argv = { file: string; args: string[] };

export const profilesKey = 'HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles';
export const profilesQuery: Argv = { file: 'reg', args: ['query', profilesKey] };
export const credentialList: Argv = { file: 'cmdkey', args: ['/list'] };
export const macNewOutlookQuery: Argv = { file: 'defaults', args: ['read', 'com.microsoft.Outlook', 'IsRunningNewOutlook'] };
export const macProcess = 'Microsoft Outlook';
export const windowsProcess = 'OUTLOOK.EXE';

/** Profile subkeys listed by `reg query <Profiles>` ("HKEY_CURRENT_USER\…\Profiles\Outlook"). */
export function countProfiles(stdout: string): number {
  return stdout.split(/\r?\n/).filter((line) => /^HKEY_[^\\]+\\.*\\Outlook\\Profiles\\[^\\]+\s*$/i.test(line)).length;
}

const officeTarget = /^(?:LegacyGeneric:target=)?MicrosoftOffice1[0-9]_Data:[^\s"]+$/i;

/**
 * Office credential targets from `cmdkey /list`, whatever the label's language ("Target:", "Ziel:",
 * "Cible :", "Doel:"): the value after the label when it is an Office target.
 */
export function officeTargets(stdout: string): string[] {
  const out: string[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^\s*[^:]{1,24}:\s*(\S+)\s*$/.exec(line);
    const target = m?.[1];
    if (target && officeTarget.test(target) && !out.includes(target)) out.push(target);
  }
  return out;
}

/** Deletes one Office credential; anything else is refused here, whatever the caller passes. */
export function deleteCredential(target: string): Argv {
  if (!officeTarget.test(target)) throw new Error('not an Office credential');
  return { file: 'cmdkey', args: [`/delete:${target}`] };
}

/** Where OUTLOOK.EXE is installed (Microsoft 365 / Office 2016+ Click-to-Run), 64-bit first. */
export function outlookExecutables(env: Readonly<Record<string, string | undefined>>): string[] {
  return [env.ProgramFiles, env['ProgramFiles(x86)']].filter((b): b is string => !!b).map((base) => `${base}\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE`);
}

/** `defaults read … IsRunningNewOutlook`: 1 new, 0 legacy, anything else unknown. */
export function parseNewOutlook(stdout: string, exitCode: number | null): 'new' | 'legacy' | 'unknown' {
  if (exitCode !== 0) return 'unknown';
  const v = stdout.trim();
  return v === '1' ? 'new' : v === '0' ? 'legacy' : 'unknown';
}
