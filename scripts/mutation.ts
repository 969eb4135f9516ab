/**
 * `npm run test:mutation [-- <module>… | --all] [stryker options, e.g. --concurrency 1]`: runs StrykerJS on the modules listed in
 * stryker/modules.ts and prints one score line per module. With no argument it runs the modules
 * whose mutated file or tests differ from main (the "run when those modules change" rule).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { modules as all, type MutationModule as Module } from '../stryker/modules.ts';
const root = path.resolve(import.meta.dirname, '..');

function changedFiles(): string[] {
  const diff = spawnSync('git', ['diff', '--name-only', 'main', '--'], { cwd: root, encoding: 'utf8' });
  const untracked = spawnSync('git', ['ls-files', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  return `${diff.stdout}\n${untracked.stdout}`.split('\n').filter(Boolean);
}

function matches(file: string, pattern: string): boolean {
  return path.matchesGlob(file, pattern);
}

/**
 * Splits the command line into module names and options for Stryker itself (`--concurrency 1` on
 * a loaded machine): an option's value is the next argument unless it is written `--opt=value`.
 */
function parseArgs(args: string[]): { names: string[]; all: boolean; stryker: string[] } {
  const names: string[] = [];
  const stryker: string[] = [];
  let everything = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--all') everything = true;
    else if (!arg.startsWith('-')) names.push(arg);
    else {
      stryker.push(arg);
      const value = args[i + 1];
      if (!arg.includes('=') && value !== undefined && !value.startsWith('-') && !all[value]) {
        stryker.push(value);
        i += 1;
      }
    }
  }
  return { names, all: everything, stryker };
}

function selected(args: ReturnType<typeof parseArgs>): string[] {
  if (args.all) return Object.keys(all);
  for (const name of args.names) if (!all[name]) throw new Error(`unknown module "${name}"; known: ${Object.keys(all).join(', ')}`);
  if (args.names.length > 0) return args.names;
  const changed = changedFiles();
  return Object.entries(all)
    .filter(([, m]) => changed.some((f) => [...m.mutate, ...m.tests].some((p) => matches(f, p))))
    .map(([name]) => name);
}

type Report = { files: Record<string, { mutants: { status: string }[] }> };
function score(name: string): { detected: number; undetected: number; percent: number } {
  const report = JSON.parse(readFileSync(path.join(root, 'reports', 'mutation', `${name}.json`), 'utf8')) as Report;
  let detected = 0;
  let undetected = 0;
  for (const file of Object.values(report.files)) {
    for (const m of file.mutants) {
      if (m.status === 'Killed' || m.status === 'Timeout') detected += 1;
      else if (m.status === 'Survived' || m.status === 'NoCoverage') undetected += 1;
    }
  }
  const total = detected + undetected;
  return { detected, undetected, percent: total === 0 ? 100 : (100 * detected) / total };
}

const args = parseArgs(process.argv.slice(2));
const names = selected(args);
if (names.length === 0) console.log('mutation: no listed module changed against main (use --all or a module name)');
const lines: string[] = [];
let failed = false;
for (const name of names) {
  const m = all[name] as Module;
  const tests = m.tests.flatMap((t) => (t.includes('*') ? [t] : existsSync(path.join(root, t)) ? [t] : []));
  const run = spawnSync('npx', ['stryker', 'run', 'stryker/stryker.config.mjs', ...args.stryker], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, STRYKER_MODULE: name, STRYKER_MUTATE: m.mutate.join(','), STRYKER_TESTS: tests.join(',') },
  });
  if (run.status !== 0) {
    failed = true;
    lines.push(`mutation ${name}: stryker exited ${run.status ?? run.signal}`);
    continue;
  }
  const s = score(name);
  lines.push(`mutation ${name}: ${s.percent.toFixed(1)}% (${s.detected} detected, ${s.undetected} survived or not covered)`);
}
for (const line of lines) console.log(line);
process.exitCode = failed ? 1 : 0;
