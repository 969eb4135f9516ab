/**
 * ExecPort adapter over node:child_process. argv only (`shell: false`), so nothing a user typed
 * is ever parsed by a shell. Timeouts and AbortSignal kill the child: on POSIX the child leads its
 * own process group (`detached: true`) and the whole group gets SIGKILL, so grandchildren started
 * by a script die too; on Windows `taskkill /T /F` ends the tree.
 *
 * Output is capped here but not redacted: actions parse raw output. The runner redacts everything
 * before it enters a run event.
 */
import { execFile, spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { ExecOptions, ExecPort, ExecResult } from './ports.ts';

const defaultMaxOutput = 64 * 1024;

function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  if (process.platform === 'win32') {
    execFile('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true }, () => undefined);
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

export function createNodeExec(): ExecPort {
  return {
    exec(file: string, args: readonly string[], options: ExecOptions): Promise<ExecResult> {
      const started = performance.now();
      const max = options.maxOutput ?? defaultMaxOutput;
      return new Promise<ExecResult>((resolve) => {
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        let cancelled = false;
        let settled = false;
        let child: ChildProcessByStdio<null, Readable, Readable> | undefined;
        const onAbort = () => {
          cancelled = true;
          killTree(child?.pid);
        };
        const timer = setTimeout(() => {
          timedOut = true;
          killTree(child?.pid);
        }, Math.max(1, options.timeout));
        const finish = (result: Omit<ExecResult, 'stdout' | 'stderr' | 'timedOut' | 'cancelled' | 'durationMs'>) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          options.signal?.removeEventListener('abort', onAbort);
          resolve({ ...result, stdout, stderr, timedOut, cancelled, durationMs: performance.now() - started });
        };
        if (options.signal?.aborted) {
          cancelled = true;
          finish({ exitCode: null, notFound: false });
          return;
        }
        try {
          child = spawn(file, [...args], {
            shell: false,
            windowsHide: true,
            detached: process.platform !== 'win32',
            cwd: options.cwd,
            env: options.env ? { ...options.env } : process.env,
            stdio: ['ignore', 'pipe', 'pipe'],
          });
        } catch (error) {
          // Synchronous refusals (e.g. a NUL byte in an argument) are results, not crashes.
          stderr = (error as Error).message;
          finish({ exitCode: null, notFound: false });
          return;
        }
        const append = (current: string, chunk: Buffer) => (current.length >= max ? current : (current + chunk.toString('utf8')).slice(0, max));
        child.stdout.on('data', (chunk: Buffer) => (stdout = append(stdout, chunk)));
        child.stderr.on('data', (chunk: Buffer) => (stderr = append(stderr, chunk)));
        options.signal?.addEventListener('abort', onAbort, { once: true });
        child.on('error', (error: NodeJS.ErrnoException) => {
          stderr = stderr || error.message;
          finish({ exitCode: null, notFound: error.code === 'ENOENT' });
        });
        child.on('close', (code) => finish({ exitCode: code, notFound: false }));
      });
    },
  };
}
