/**
 * The Windows broker's installation, checked as far as Linux allows: the service registration
 * argv (generated, then re-split the way Windows splits a command line), the NSIS include read
 * line by line and compiled with makensis, the MSI post-install scripts read, the service host
 * compiled with Mono's C# compiler, the single-executable steps for Windows, and
 * electron-builder.yml declaring all of it. What only Windows can show: docs/admin.md.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkProofDirSddl } from '../../../broker/windows-identity.ts';
import { quoteWindowsArg, secureFolderCommands, serviceInstallCommands, serviceRemoveCommands, windowsCommandLine, windowsService } from '../../../broker/windows-service.ts';
import { windowsInstallerDir, windowsInstallerFiles } from '../../../scripts/broker-windows-installer.ts';
import { seaPlan } from '../../../scripts/broker-sea-plan.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const winDir = path.join(root, windowsInstallerDir);

/** How the C runtime / CommandLineToArgvW split a command line (the rules sc.exe, icacls and takeown get). */
function splitWindowsCommandLine(line: string): string[] {
  const args: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) break;
    let arg = '';
    let quoted = false;
    for (; i < line.length; i++) {
      const ch = line[i];
      if (ch === '\\') {
        let slashes = 0;
        while (line[i] === '\\') {
          slashes++;
          i++;
        }
        if (line[i] === '"') {
          arg += '\\'.repeat(Math.floor(slashes / 2));
          if (slashes % 2 === 1) arg += '"';
          else quoted = !quoted;
        } else {
          arg += '\\'.repeat(slashes);
          i--;
        }
      } else if (ch === '"') quoted = !quoted;
      else if ((ch === ' ' || ch === '\t') && !quoted) break;
      else arg += ch;
    }
    args.push(arg);
  }
  return args;
}

describe('Windows service registration (generated argv)', () => {
  it('registers a LocalSystem service that starts automatically, restarts on failure, and only administrators control', () => {
    const [create, description, failure, sdset, start] = serviceInstallCommands('C:\\Program Files\\Firstline');
    expect(create).toEqual({
      file: 'sc.exe',
      args: ['create', 'FirstlineBroker', 'binPath=', '"C:\\Program Files\\Firstline\\resources\\broker\\firstline-broker-service.exe"', 'start=', 'auto', 'obj=', 'LocalSystem', 'DisplayName=', 'Firstline elevation broker'],
    });
    expect(description?.args.slice(0, 2)).toEqual(['description', 'FirstlineBroker']);
    expect(failure?.args).toEqual(['failure', 'FirstlineBroker', 'reset=', '86400', 'actions=', 'restart/5000/restart/5000/restart/60000']);
    expect(sdset?.args[0]).toBe('sdset');
    // Interactive users (IU) may query the service but not start (RP), stop (WP) or change it (DC, WD, WO).
    const iu = /\(A;;([A-Z]+);;;IU\)/.exec(sdset?.args[2] ?? '')?.[1] ?? '';
    expect(iu).toBe('CCLCSWLOCRRC');
    for (const right of ['RP', 'WP', 'DC', 'WD', 'WO', 'SD']) expect(iu.match(/../g)).not.toContain(right);
    expect(start?.args).toEqual(['start', 'FirstlineBroker']);
  });

  it('stops the service (waiting for it) before deleting it', () => {
    const [stop, remove] = serviceRemoveCommands();
    expect(stop?.file).toBe('powershell.exe');
    expect(stop?.args.at(-1)).toBe('Stop-Service -Name FirstlineBroker -Force -ErrorAction SilentlyContinue');
    expect(remove).toEqual({ file: 'sc.exe', args: ['delete', 'FirstlineBroker'] });
  });

  it('secures the three folders: Administrators own them, no inherited or explicit entry survives, callers may only create files in the drop folder', () => {
    const commands = secureFolderCommands('C:\\ProgramData');
    expect(commands.map((c) => `${c.file} ${c.args.join(' ')}`)).toEqual([
      'takeown.exe /F C:\\ProgramData\\Firstline /A',
      'icacls.exe C:\\ProgramData\\Firstline /reset /Q',
      'icacls.exe C:\\ProgramData\\Firstline /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F /Q',
      'takeown.exe /F C:\\ProgramData\\Firstline\\broker /A',
      'icacls.exe C:\\ProgramData\\Firstline\\broker /reset /Q',
      'icacls.exe C:\\ProgramData\\Firstline\\broker /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F /Q',
      'takeown.exe /F C:\\ProgramData\\Firstline\\broker\\proof /A',
      'icacls.exe C:\\ProgramData\\Firstline\\broker\\proof /reset /Q',
      'icacls.exe C:\\ProgramData\\Firstline\\broker\\proof /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-4:(WD) /Q',
    ]);
    // What Get-Acl reports for that ACL is what the broker accepts at start.
    expect(checkProofDirSddl('O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;;DC;;;IU)')).toBeUndefined();
  });

  it.each([
    ['plain'],
    ['with space'],
    ['"C:\\Program Files\\Firstline\\x.exe"'],
    ['ends with a backslash\\'],
    ['back\\\\"slashes before a quote'],
    [''],
    ['D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)'],
  ])('quotes %j so Windows splits it back into the same argument', (arg) => {
    expect(splitWindowsCommandLine(`sc.exe ${quoteWindowsArg(arg)} next`)).toEqual(['sc.exe', arg, 'next']);
  });

  it('every generated command line splits back into its argv', () => {
    for (const argv of [...secureFolderCommands('C:\\Program Data'), ...serviceInstallCommands('C:\\Program Files\\Firstline'), ...serviceRemoveCommands()]) {
      expect(splitWindowsCommandLine(windowsCommandLine(argv))).toEqual([argv.file, ...argv.args]);
    }
  });
});

describe('Windows installer files', () => {
  it('are what scripts/gen-broker-windows.ts generates (run it after changing broker/windows-service.ts)', async () => {
    for (const [name, content] of Object.entries(windowsInstallerFiles())) expect(await readFile(path.join(winDir, name), 'utf8'), name).toBe(content);
  });

  const macro = (nsh: string, name: string) => {
    const body = new RegExp(`!macro ${name}\\r\\n([\\s\\S]*?)!macroend`).exec(nsh)?.[1];
    if (!body) throw new Error(`no macro ${name}`);
    return body.split('\r\n').map((l) => l.trim());
  };
  const execs = (lines: string[]) => lines.filter((l) => l.startsWith('nsExec::ExecToLog')).map((l) => splitWindowsCommandLine(l.slice("nsExec::ExecToLog '".length, -1)));

  it('NSIS customInstall creates and secures the folders, registers, configures and starts the service', async () => {
    const nsh = await readFile(path.join(winDir, 'installer.nsh'), 'utf8');
    const install = macro(nsh, 'customInstall');
    expect(install).toContain('CreateDirectory "$R9\\Firstline\\broker\\proof"');
    const commands = execs(install);
    const tools = commands.map((c) => `${path.win32.basename(c[0] ?? '')} ${c[1] ?? ''}`);
    // Replace an older service first, then folders, then the service, started last.
    expect(tools.slice(0, 2)).toEqual(['powershell.exe -NoProfile', 'sc.exe delete']);
    expect(tools.slice(-5)).toEqual(['sc.exe create', 'sc.exe description', 'sc.exe failure', 'sc.exe sdset', 'sc.exe start']);
    expect(commands.find((c) => c[1] === 'create')).toEqual([
      '$SYSDIR\\sc.exe',
      'create',
      'FirstlineBroker',
      'binPath=',
      '"$INSTDIR\\resources\\broker\\firstline-broker-service.exe"',
      'start=',
      'auto',
      'obj=',
      'LocalSystem',
      'DisplayName=',
      'Firstline elevation broker',
    ]);
    expect(commands).toContainEqual(['$SYSDIR\\icacls.exe', '$R9\\Firstline\\broker\\proof', '/inheritance:r', '/grant:r', '*S-1-5-18:(OI)(CI)F', '*S-1-5-32-544:(OI)(CI)F', '*S-1-5-4:(WD)', '/Q']);
    for (const dir of ['$R9\\Firstline', '$R9\\Firstline\\broker', '$R9\\Firstline\\broker\\proof']) expect(commands).toContainEqual(['$SYSDIR\\takeown.exe', '/F', dir, '/A']);
    // Every tool by its full system path, never found through PATH.
    for (const c of commands) expect(c[0]).toMatch(/^\$SYSDIR\\/);
    // Every nsExec result is popped, so the installer's stack stays balanced.
    expect(install.filter((l) => l === 'Pop $R8')).toHaveLength(commands.length + 1);
  });

  it('NSIS customUnInstall stops and deletes the service and removes the drop folder, keeping the audit log', async () => {
    const nsh = await readFile(path.join(winDir, 'installer.nsh'), 'utf8');
    const uninstall = macro(nsh, 'customUnInstall');
    const commands = execs(uninstall);
    expect(commands.map((c) => c.slice(1).join(' '))).toEqual(['-NoProfile -NonInteractive -ExecutionPolicy Bypass -Command Stop-Service -Name FirstlineBroker -Force -ErrorAction SilentlyContinue', 'delete FirstlineBroker']);
    expect(uninstall).toContain('RMDir /r "$R9\\Firstline\\broker\\proof"');
    expect(uninstall.some((l) => /RMDir.*Firstline\\broker"|broker\.log/.test(l))).toBe(false);
  });

  it.skipIf(!existsSync('/usr/bin/makensis'))('NSIS compiles the include into an installer and an uninstaller with warnings as errors', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'firstline-nsis-'));
    try {
      const script = [
        'Unicode true',
        `!include "${path.join(winDir, 'installer.nsh')}"`,
        'Name "Firstline"',
        `OutFile "${path.join(dir, 'firstline-test.exe')}"`,
        'RequestExecutionLevel admin',
        'Section "Install"',
        '  !insertmacro customInstall',
        '  WriteUninstaller "$INSTDIR\\uninstall.exe"',
        'SectionEnd',
        'Section "Uninstall"',
        '  !insertmacro customUnInstall',
        'SectionEnd',
      ].join('\n');
      await writeFile(path.join(dir, 'setup.nsi'), script);
      const result = await run('makensis', ['-V2', '-WX', path.join(dir, 'setup.nsi')]).then(
        () => '',
        (error: { stdout: string; stderr: string }) => `${error.stdout}${error.stderr}`,
      );
      expect(result).toBe('');
      expect(existsSync(path.join(dir, 'firstline-test.exe'))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  if (!existsSync('/usr/bin/makensis')) console.log('skipped the makensis compile: makensis is not installed (apt-get install nsis)');

  it('the MSI post-install script replaces, secures, registers and starts; the uninstall script stops and removes, keeping the log unless -Purge', async () => {
    const install = await readFile(path.join(winDir, 'install-broker.ps1'), 'utf8');
    const uninstall = await readFile(path.join(winDir, 'uninstall-broker.ps1'), 'utf8');
    for (const script of [install, uninstall]) {
      expect(script).toContain('#Requires -RunAsAdministrator');
      expect(script.indexOf('param(')).toBeLessThan(script.indexOf('$ErrorActionPreference'));
    }
    const steps = install.split('\r\n').filter((l) => l.startsWith('Invoke-Step'));
    expect(steps.slice(0, 2).every((l) => l.endsWith('-MayFail'))).toBe(true);
    expect(steps.at(-1)).toBe('Invoke-Step "$system32\\sc.exe" "start FirstlineBroker"');
    expect(install).toContain('Invoke-Step "$system32\\sc.exe" "create FirstlineBroker binPath= `"\\`"$installDir\\resources\\broker\\firstline-broker-service.exe\\`"`" start= auto obj= LocalSystem');
    expect(install).toContain('*S-1-5-4:(WD)');
    expect(install).toContain('exit 1');
    expect(uninstall).toContain('"delete FirstlineBroker"');
    expect(uninstall).toContain('if ($Purge) { Remove-Item -LiteralPath "$programData\\Firstline\\broker"');
    expect(uninstall).not.toMatch(/^Remove-Item -LiteralPath "\$programData\\Firstline\\broker" /m);
  });
});

describe('the service host', () => {
  it('is the service the registration names, and starts the broker beside it with its own pid', async () => {
    const source = await readFile(path.join(winDir, 'service-host.cs'), 'utf8');
    expect(source).toContain(`ServiceName = "${windowsService.name}";`);
    expect(source).toContain(`Path.Combine(dir, "${windowsService.brokerExe}")`);
    expect(source).toContain('"--parent-pid " + Process.GetCurrentProcess().Id');
    expect(source).toContain('Environment.Exit(1);');
  });

  const mcs = ['/usr/bin/mcs'].find((p) => existsSync(p));
  const serviceProcess = existsSync('/usr/lib/mono/4.5/System.ServiceProcess.dll');
  if (!mcs || !serviceProcess) console.log('skipped compiling the service host: Mono mcs or System.ServiceProcess is not installed (apt-get install mono-mcs libmono-system-serviceprocess4.0-cil)');
  it.skipIf(!mcs || !serviceProcess)('compiles as a Windows service executable', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'firstline-host-'));
    try {
      await run(mcs ?? 'mcs', ['-nologo', '-warnaserror', '-target:exe', '-r:System.ServiceProcess.dll', `-out:${path.join(dir, 'host.exe')}`, path.join(winDir, 'service-host.cs')]);
      expect((await readFile(path.join(dir, 'host.exe'))).subarray(0, 2).toString()).toBe('MZ');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the single executable on Windows', () => {
  it('names it firstline-broker.exe, builds the service host with the in-box csc, and signs nothing with codesign', () => {
    const plan = seaPlan('win32', 'C:\\src\\firstline', 'C:\\node\\node.exe', { SystemRoot: 'C:\\WINDOWS' });
    expect(plan.outputs).toEqual(['C:\\src\\firstline\\out\\broker\\firstline-broker.exe', 'C:\\src\\firstline\\out\\broker\\firstline-broker-service.exe']);
    expect(plan.steps).toContainEqual({ copy: ['C:\\node\\node.exe', 'C:\\src\\firstline\\out\\broker\\firstline-broker.exe'] });
    const commands = plan.steps.flatMap((s) => ('file' in s ? [s] : []));
    expect(commands.map((c) => c.file)).toEqual(['C:\\node\\node.exe', 'C:\\node\\node.exe', 'C:\\WINDOWS\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe']);
    expect(commands[1]?.args).toContain('C:\\src\\firstline\\out\\broker\\firstline-broker.exe');
    expect(commands[1]?.args).not.toContain('--macho-segment-name');
    expect(commands[2]?.args).toEqual(['/nologo', '/target:exe', '/optimize+', '/reference:System.ServiceProcess.dll', '/out:C:\\src\\firstline\\out\\broker\\firstline-broker-service.exe', 'C:\\src\\firstline\\build\\broker\\windows\\service-host.cs']);
  });

  it('keeps the Linux and macOS executables as they were', () => {
    expect(seaPlan('linux', '/src', '/usr/bin/node').outputs).toEqual(['/src/out/broker/firstline-broker']);
    const mac = seaPlan('darwin', '/src', '/usr/local/bin/node');
    expect(mac.steps.flatMap((s) => ('file' in s && s.file === 'codesign' ? [s.args[0]] : []))).toEqual(['--remove-signature', '--sign']);
  });
});

describe('electron-builder.yml ships the Windows broker', () => {
  it('includes the NSIS macros, both executables and the MSI scripts, and dist:win builds the executable', async () => {
    const config = parse(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, Record<string, unknown>>;
    const extra = (section: unknown) => (section as { extraResources?: { from: string; to: string; filter?: string[] }[] }).extraResources ?? [];
    expect(config.nsis?.include).toBe('build/broker/windows/installer.nsh');
    expect(existsSync(path.join(root, 'build/broker/windows/installer.nsh'))).toBe(true);
    expect(extra(config).find((e) => e.from === 'out/broker')?.filter).toEqual(expect.arrayContaining([windowsService.brokerExe, windowsService.hostExe]));
    expect(extra(config.win)).toContainEqual({ from: 'build/broker/windows', to: 'broker', filter: ['install-broker.ps1', 'uninstall-broker.ps1'] });
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['dist:win']).toContain('npm run build:broker-sea');
    // The service points at resources\broker\<host>, where extraResources `to: broker` puts it.
    expect(windowsService.resourceDir).toBe('resources\\broker');
  });
});
