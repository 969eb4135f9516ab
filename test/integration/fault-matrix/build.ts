/**
 * Bundles the CLI and the fault runner once per test run (esbuild, ~1 s) so each of the ~70 runs
 * starts plain `node` instead of compiling TypeScript again. Output lives under the repository's
 * node_modules/.cache so bare imports resolve, and it is readable by the employee user.
 */
import { chmod, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const here = fileURLToPath(new URL('.', import.meta.url));
export const repo = path.resolve(here, '../../..');

export async function faultFiles(): Promise<string[]> {
  return (await readdir(path.join(here, 'faults'))).filter((f) => f.endsWith('.faults.ts')).sort();
}

export async function bundle(): Promise<{ cli: string; runner: string }> {
  const out = path.join(repo, 'node_modules', '.cache', 'firstline-fault-matrix', String(process.pid));
  await mkdir(out, { recursive: true });
  const cli = path.join(out, 'cli.mjs');
  const runner = path.join(out, 'runner.mjs');
  const files = await faultFiles();
  const entry = [
    `import { main } from './runner-main.ts';`,
    ...files.map((f, i) => `import { faults as f${i} } from './faults/${f}';`),
    `await main([${files.map((_, i) => `...f${i}`).join(', ')}]);`,
  ].join('\n');
  const common = { bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', logLevel: 'warning' } as const;
  await Promise.all([
    build({ ...common, entryPoints: [path.join(repo, 'cli', 'index.ts')], outfile: cli }),
    build({ ...common, stdin: { contents: entry, resolveDir: here, sourcefile: 'fault-runner.ts', loader: 'ts' }, outfile: runner }),
  ]);
  for (const dir of [path.join(repo, 'node_modules', '.cache'), path.dirname(out), out]) await chmod(dir, 0o755);
  await Promise.all([chmod(cli, 0o644), chmod(runner, 0o644)]);
  return { cli, runner };
}
