/**
 * Who is asking, on Windows, learned from NTFS rather than from the request — the same drop-folder
 * proof as on Linux and macOS (identity.ts), with the file's owner SID in place of its uid.
 *
 * Node cannot ask a named pipe for its client's token (no ImpersonateNamedPipeClient), so the
 * caller creates the file the broker names in `%ProgramData%\Firstline\broker\proof`, whose DACL
 * lets interactive users create files and nothing else: no listing, no reading, no deleting or
 * renaming others' files. NTFS makes the creator the file's owner and a standard user cannot set
 * another account as owner. The broker reads that owner with a fixed PowerShell line (the path
 * travels in an environment variable, never spliced into code) and the SDDL of the folder itself
 * before it serves anyone, refusing to start on a folder an employee could have prepared.
 */
import type { CommandRun } from './protocol.ts';
import type { OpArgv } from './op-argv.ts';
import type { CommandRunner } from './run-command.ts';

/** The owner SID of a file, and its account name when Windows can translate it (audit only). */
export type WindowsOwner = { sid: string; account?: string };

const sidPattern = /^S-1-\d{1,14}(-\d{1,10}){1,15}$/;

const powershell = (script: string, env: Record<string, string>): OpArgv => ({
  file: 'powershell.exe',
  args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', script],
  env,
});

/** Fixed scripts: the only variable part is FIRSTLINE_PATH, read from the environment. */
export const windowsIdentityScripts = {
  owner:
    '$ErrorActionPreference = "Stop"; [Console]::OutputEncoding = [System.Text.Encoding]::UTF8; ' +
    '$s = (Get-Acl -LiteralPath $env:FIRSTLINE_PATH).GetOwner([System.Security.Principal.SecurityIdentifier]); ' +
    '$n = try { $s.Translate([System.Security.Principal.NTAccount]).Value } catch { "" }; ' +
    '"$($s.Value)`t$n"',
  sddl: '$ErrorActionPreference = "Stop"; (Get-Acl -LiteralPath $env:FIRSTLINE_PATH).Sddl',
} as const;

export const ownerCommand = (file: string): OpArgv => powershell(windowsIdentityScripts.owner, { FIRSTLINE_PATH: file });
export const sddlCommand = (dir: string): OpArgv => powershell(windowsIdentityScripts.sddl, { FIRSTLINE_PATH: dir });
/** `whoami /user /fo csv /nh` → `"nt authority\system","S-1-5-18"`. */
export const whoamiCommand: OpArgv = { file: 'whoami', args: ['/user', '/fo', 'csv', '/nh'] };

/** `S-1-5-21-…-1001<TAB>CONTOSO\jdupont` (a BOM may lead; the name may be empty). */
export function parseOwner(run: CommandRun): WindowsOwner | undefined {
  if (run.exitCode !== 0) return undefined;
  const lines = run.stdout
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  if (lines.length !== 1) return undefined;
  const [sid = '', account = ''] = (lines[0] ?? '').split('\t');
  if (!sidPattern.test(sid.trim())) return undefined;
  const name = account.trim().slice(0, 256);
  return name ? { sid: sid.trim(), account: name } : { sid: sid.trim() };
}

export function parseWhoamiSid(stdout: string): string | undefined {
  const match = /^"[^"]*","(S-1-[\d-]+)"\s*$/m.exec(stdout.replace(/^\uFEFF/, ''));
  return match?.[1];
}

export function createWindowsOwnerReader(run: CommandRunner): (file: string) => Promise<WindowsOwner | undefined> {
  return async (file) => parseOwner(await run(ownerCommand(file), 20_000));
}

/** LocalSystem (the service account) and the local Administrators group: the only trusted owners and full-control holders. */
const trusted = new Set(['SY', 'BA', 'S-1-5-18', 'S-1-5-32-544']);
/**
 * FILE_ADD_FILE (0x2, which SDDL spells `DC`), optionally with SYNCHRONIZE (0x100000): create a
 * file, nothing else. (`WD` in SDDL is WRITE_DAC, never acceptable here.)
 */
const createOnlyRights = new Set(['DC', '0x2', '0x100002']);
/** Interactive users, Users, Authenticated Users: who may leave a proof. */
const callers = new Set(['IU', 'BU', 'AU', 'S-1-5-4', 'S-1-5-32-545', 'S-1-5-11']);

type Sddl = { owner: string | undefined; protectedDacl: boolean; aces: { type: string; flags: string; rights: string; sid: string }[] } | undefined;

function parseSddl(sddl: string): Sddl {
  const text = sddl.trim();
  const owner = /^O:([A-Z]{2}|S-1-[\d-]+)/.exec(text)?.[1];
  const dacl = /D:([A-Z]*)((?:\([^)]*\))*)/.exec(text);
  if (!dacl) return undefined;
  const aces = [...(dacl[2] ?? '').matchAll(/\(([^)]*)\)/g)].map((m) => {
    const [type = '', flags = '', rights = '', , , sid = ''] = (m[1] ?? '').split(';');
    return { type, flags, rights, sid };
  });
  return { owner, protectedDacl: (dacl[1] ?? '').includes('P'), aces };
}

/**
 * Checks a folder's or file's security descriptor (SDDL from Get-Acl, language-neutral): owned by
 * SYSTEM or Administrators, not inheriting from a parent an employee may control, and no allow
 * entry for anyone else — except, with `dropFolder`, "create files" for local users on the folder
 * itself (not inherited by the proofs, so a caller cannot read, list, delete or rename what others
 * leave there). Returns the problem, or undefined when it is safe.
 */
export function checkSddl(what: string, sddl: string, options: { dropFolder?: boolean; inherits?: boolean } = {}): string | undefined {
  const parsed = parseSddl(sddl);
  if (!parsed) return `${what} has no access list`;
  if (!parsed.owner || !trusted.has(parsed.owner)) return `${what} is owned by ${parsed.owner ?? 'nobody known'}, not SYSTEM or Administrators`;
  if (!options.inherits && !parsed.protectedDacl) return `${what} inherits permissions from its parent`;
  for (const { type, flags, rights, sid } of parsed.aces) {
    if (type === 'D') continue; // a deny entry only takes rights away
    if (type !== 'A') return `${what} has an access entry of type ${type}`;
    if (trusted.has(sid)) continue;
    if (!options.dropFolder || !callers.has(sid)) return `${what} grants rights to ${sid}`;
    if (flags !== '' || !createOnlyRights.has(rights)) return `${what} grants ${sid} more than creating files (${rights}${flags ? `, ${flags}` : ''})`;
  }
  return undefined;
}

export const checkProofDirSddl = (sddl: string) => checkSddl('the proof folder', sddl, { dropFolder: true });
