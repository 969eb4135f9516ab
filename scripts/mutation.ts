/**
 * `npm run test:mutation [-- <module>… | --all]`: runs StrykerJS on the modules listed in
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

function selected(args: string[]): string[] {
  if (args.includes('--all')) return Object.keys(all);
  const named = args.filter((a) => !a.startsWith('-'));
  for (const name of named) if (!all[name]) throw new Error(`unknown module "${name}"; known: ${Object.keys(all).join(', ')}`);
  if (named.length > 0) return named;
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

const names = selected(process.argv.slice(2));
if (names.length === 0) console.log('mutation: no listed module changed against main (use --all or a module name)');
const lines: string[] = [];
let failed = false;
for (const name of names) {
  const m = all[name] as Module;
  const tests = m.tests.flatMap((t) => (t.includes('*') ? [t] : existsSync(path.join(root, t)) ? [t] : []));
  const run = spawnSync('npx', ['stryker', 'run', 'stryker/stryker.config.mjs'], {
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
