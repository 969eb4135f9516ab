/** Runs a Node child process to completion and times it from spawn to exit (argv only, no shell). */
import { spawn } from 'node:child_process';

/** `--import` value that loads tsx from this repository whatever the working directory. */
export const tsxImport = import.meta.resolve('tsx');

export type ChildRun = { ms: number; stdout: string; stderr: string; code: number | null };

export function runNode(args: readonly string[], env: NodeJS.ProcessEnv = process.env, timeoutMs = 30_000): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...args], { shell: false, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => (clearTimeout(timer), reject(error)));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, stdout, stderr, code });
    });
  });
}

/** The child's last stdout line as JSON; throws with its stderr when it failed. */
export function lastJson<T>(run: ChildRun, what: string): T {
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.code !== 0 || !line.startsWith('{')) throw new Error(`${what} exited ${run.code}: ${(run.stderr || run.stdout).trim().slice(-600)}`);
  return JSON.parse(line) as T;
}
