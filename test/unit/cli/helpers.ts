/** Runs the CLI as IT does (`tsx cli/index.ts …`) in a child process. */
import { execFile } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');

export type CliResult = { code: number; stdout: string; stderr: string };

export function runTsx(script: string, args: readonly string[], options: { env?: Record<string, string>; cwd?: string; input?: string } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(tsx, [path.join(repoRoot, script), ...args], { cwd: options.cwd ?? repoRoot, env: { ...process.env, ...options.env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

export const cli = (args: readonly string[], options: { env?: Record<string, string>; cwd?: string; input?: string } = {}) => runTsx('cli/index.ts', args, options);

/** A command's output captured in-process (the spawn costs seconds on a loaded machine; one e2e per command is enough). */
export function captureIo(): { io: { out(line: string): void; err(line: string): void }; stdout(): string; stderr(): string } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l) => out.push(l), err: (l) => err.push(l) }, stdout: () => out.join('\n'), stderr: () => err.join('\n') };
}
