/**
 * How the broker runs a command: argv only (never a shell), with an environment the broker builds
 * itself — the service's PATH, the C locale, the service's CUPS_SERVER if its definition sets one,
 * and the operation's own variables. Nothing of the caller's environment ever reaches a child.
 */
import { execFile } from 'node:child_process';
import type { CommandRun } from './protocol.ts';
import type { OpArgv } from './op-argv.ts';

export type CommandRunner = (argv: OpArgv, timeoutMs: number) => Promise<CommandRun>;

const maxOutput = 16 * 1024;

export type RunnerBase = { path: string; extraEnv?: Record<string, string>; platform?: NodeJS.Platform; systemRoot?: string };

/**
 * The child's whole environment. Windows programs need SystemRoot (PowerShell and .NET do not
 * start without it), a temp folder and PowerShell's own module folder (Get-Printer lives there);
 * all come from the service's SystemRoot, none from a caller.
 */
export function childEnv(base: RunnerBase, argv: OpArgv): Record<string, string> {
  if (base.platform === 'win32') {
    const root = base.systemRoot ?? 'C:\\Windows';
    return {
      PATH: base.path,
      SystemRoot: root,
      windir: root,
      TEMP: `${root}\\Temp`,
      TMP: `${root}\\Temp`,
      PSModulePath: `${root}\\System32\\WindowsPowerShell\\v1.0\\Modules`,
      ...base.extraEnv,
      ...argv.env,
    };
  }
  return { PATH: base.path, LC_ALL: 'C', LANG: 'C', ...base.extraEnv, ...argv.env };
}

export function createCommandRunner(base: RunnerBase): CommandRunner {
  return (argv, timeoutMs) =>
    new Promise((resolve) => {
      const env = childEnv(base, argv);
      execFile(argv.file, argv.args, { env, timeout: timeoutMs, maxBuffer: maxOutput * 4, windowsHide: true, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
        const code = error && typeof (error as NodeJS.ErrnoException).code === 'string' ? (error as NodeJS.ErrnoException).code : undefined;
        const exitCode = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : null) : 0;
        resolve({
          file: argv.file,
          args: argv.args,
          exitCode,
          stdout: String(stdout).slice(-maxOutput),
          stderr: String(stderr).slice(-maxOutput),
          timedOut: Boolean(error && (error as { killed?: boolean }).killed && !code),
          notFound: code === 'ENOENT',
        });
      });
    });
}
