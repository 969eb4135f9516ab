/**
 * The Windows broker as a service, as data: which folders it needs with which permissions, and the
 * exact commands that register, start, stop and remove the LocalSystem service `FirstlineBroker`.
 * One table, three readers: the broker itself (it re-applies the folder permissions at every
 * start), scripts/gen-broker-windows.ts (writes the NSIS include and the PowerShell scripts the
 * MSI needs as a post-install step) and the tests. See docs/admin.md "Fixes that need
 * administrator rights".
 *
 * Node cannot speak the service control manager's protocol, so the registered program is a small
 * service host (build/broker/windows/service-host.cs, compiled with the .NET Framework's own csc
 * on the build machine) that starts firstline-broker.exe beside it, stops it with the service, and
 * exits with an error when the broker dies so the failure actions restart both.
 */
import type { OpArgv } from './op-argv.ts';

export const windowsService = {
  name: 'FirstlineBroker',
  displayName: 'Firstline elevation broker',
  description: 'Runs the closed list of Firstline fixes that need administrator rights for employees, with an audit log. See the Firstline administrator guide.',
  hostExe: 'firstline-broker-service.exe',
  brokerExe: 'firstline-broker.exe',
  /** Relative to the installation folder (electron-builder's extraResources `to: broker`). */
  resourceDir: 'resources\\broker',
  /**
   * Who may do what to the service itself: SYSTEM and Administrators manage it; interactive and
   * service logons may only query it (no start, stop or reconfigure). This is Windows' default for
   * a new service, set explicitly so it holds wherever defaults were changed.
   */
  sddl: 'D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCLCSWLOCRRC;;;IU)(A;;CCLCSWLOCRRC;;;SU)',
  /** Restart after 5 s, 5 s, then every minute; forget failures after a day. */
  failureActions: 'restart/5000/restart/5000/restart/60000',
  failureResetSeconds: '86400',
} as const;

const system = 'S-1-5-18';
const administrators = 'S-1-5-32-544';
const interactive = 'S-1-5-4';

/** The three folders under %ProgramData%: `Firstline`, its `broker` (audit log) and `broker\proof` (drop folder). */
export function stateFolders(programData: string): { top: string; state: string; proof: string } {
  const top = `${programData.replace(/[\\/]+$/, '')}\\Firstline`;
  return { top, state: `${top}\\broker`, proof: `${top}\\broker\\proof` };
}

/**
 * Makes the folders trustworthy whatever was there before (an employee could have created
 * %ProgramData%\Firstline first: ProgramData lets users create folders). For each folder:
 * Administrators take ownership, explicit entries are wiped (`/reset`), inheritance is cut and
 * only SYSTEM and Administrators keep full control. The drop folder adds one entry: interactive
 * users may create files in it (`WD` = FILE_ADD_FILE on a folder), not inherited by the files, so
 * nobody can list, read, delete or rename another caller's proof. icacls and takeown take SIDs
 * (`*S-1-…`), which work on every Windows language.
 */
export function secureFolderCommands(programData: string): OpArgv[] {
  const { top, state, proof } = stateFolders(programData);
  const admin = [`*${system}:(OI)(CI)F`, `*${administrators}:(OI)(CI)F`];
  return [top, state, proof].flatMap((dir) => [
    { file: 'takeown.exe', args: ['/F', dir, '/A'] },
    { file: 'icacls.exe', args: [dir, '/reset', '/Q'] },
    { file: 'icacls.exe', args: [dir, '/inheritance:r', '/grant:r', ...admin, ...(dir === proof ? [`*${interactive}:(WD)`] : []), '/Q'] },
  ]);
}

const sc = (...args: string[]): OpArgv => ({ file: 'sc.exe', args });

/** Registers and starts the service. `installDir` may be a placeholder the renderer substitutes. */
export function serviceInstallCommands(installDir: string): OpArgv[] {
  const s = windowsService;
  const host = `${installDir}\\${s.resourceDir}\\${s.hostExe}`;
  return [
    // The service manager runs binPath as a command line: quoted, so a path with spaces is one program.
    sc('create', s.name, 'binPath=', `"${host}"`, 'start=', 'auto', 'obj=', 'LocalSystem', 'DisplayName=', s.displayName),
    sc('description', s.name, s.description),
    sc('failure', s.name, 'reset=', s.failureResetSeconds, 'actions=', s.failureActions),
    sc('sdset', s.name, s.sddl),
    sc('start', s.name),
  ];
}

/** PowerShell's Stop-Service waits until the service (and so the broker) has stopped: its files can then be replaced or removed. */
export const stopServiceScript = `Stop-Service -Name ${windowsService.name} -Force -ErrorAction SilentlyContinue`;

/** Stops and removes the service. The audit log stays (a record for the administrator); the drop folder goes. */
export function serviceRemoveCommands(): OpArgv[] {
  return [{ file: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', stopServiceScript] }, sc('delete', windowsService.name)];
}

/**
 * One argv as a Windows command line, quoted the way CommandLineToArgvW and the C runtime split
 * it again (backslashes double only before a quote). sc.exe, icacls and takeown parse it so.
 */
export function windowsCommandLine(argv: OpArgv, mustQuote: (arg: string) => boolean = () => false): string {
  return [argv.file, ...argv.args].map((arg) => quoteWindowsArg(arg, mustQuote(arg))).join(' ');
}

/** `force` quotes an argument that has no space yet (a placeholder whose value may have one). */
export function quoteWindowsArg(arg: string, force = false): string {
  if (!force && arg !== '' && !/[\s"]/.test(arg)) return arg;
  let out = '"';
  let slashes = 0;
  for (const ch of arg) {
    if (ch === '\\') {
      slashes++;
      continue;
    }
    out += ch === '"' ? '\\'.repeat(slashes * 2 + 1) + '"' : '\\'.repeat(slashes) + ch;
    slashes = 0;
  }
  return `${out}${'\\'.repeat(slashes * 2)}"`;
}
