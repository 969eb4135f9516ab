/** The runner against real child processes: timeouts and cancellation kill them; answers stay one argv element. */
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinActions, resolveCatalogScript } from '../../../core/engine/builtin-actions.ts';
import { loadTroubleshooterText } from '../../../core/engine/loader.ts';
import { createRegistry } from '../../../core/engine/registry.ts';
import { run } from '../../../core/engine/runner.ts';
import type { RunEvent } from '../../../core/engine/events.ts';
import { collect, echoArgs, finished, goneWithin, hang, isAlive, testPorts, waitForFile } from './helpers.ts';

const registry = createRegistry([...builtinActions, echoArgs, hang]);
const head = ['id: p', 'version: "1.0.0"', 'title: { en: P }', 'summary: { en: S }', 'platforms: [linux, darwin]', 'category: test', 'steps:'];
const load = (steps: string[]) => {
  const result = loadTroubleshooterText([...head, ...steps].join('\n'), 'inline.yaml', registry);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return result.troubleshooter;
};
const hangStep = (pidFile: string, timeout: string) => [
  '  - id: stuck',
  '    type: check',
  '    title: { en: Stuck }',
  '    action: test.hang',
  `    with: { pidFile: ${JSON.stringify(pidFile)} }`,
  `    timeout: ${timeout}`,
];
const posix = process.platform !== 'win32';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'firstline-engine-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!posix)('runner with real child processes', () => {
  // 3 s leaves a loaded CI machine time to start node before the timeout fires.
  it('kills the child and its grandchild when a step times out', async () => {
    const pidFile = path.join(dir, 'pids.json');
    const events = await collect(run(load(hangStep(pidFile, '3s')), testPorts(), { registry, catalogDir: dir }));
    const [child, grandchild] = JSON.parse(readFileSync(pidFile, 'utf8')) as [number, number];
    expect(events.at(-2)).toMatchObject({ type: 'step-finished', stepId: 'stuck', status: 'timeout' });
    expect(finished(events)).toMatchObject({ outcome: 'not-resolved', reason: '"Stuck" took too long and was stopped.' });
    expect(isAlive(child)).toBe(false); // Our own child: reaped before the step ended.
    expect(await goneWithin(grandchild)).toBe(true);
  });

  it('cancelling the run kills the running child and ends the run cancelled', async () => {
    const pidFile = path.join(dir, 'pids.json');
    const controller = new AbortController();
    const done = collect(run(load(hangStep(pidFile, '60s')), testPorts(), { registry, catalogDir: dir, signal: controller.signal }));
    await waitForFile(pidFile);
    controller.abort();
    const events: RunEvent[] = await done;
    const [child, grandchild] = JSON.parse(readFileSync(pidFile, 'utf8')) as [number, number];
    expect(finished(events).outcome).toBe('cancelled');
    expect(isAlive(child)).toBe(false); // Our own child: reaped before the step ended.
    expect(await goneWithin(grandchild)).toBe(true);
  });

  it.each([['"; rm -rf ~ #'], ['$(touch {marker})'], ['`touch {marker}`; touch {marker}']])('passes the answer %j to the child as one literal argv element', async (template) => {
    const marker = path.join(dir, 'pwned');
    const answer = template.replaceAll('{marker}', marker);
    const ts = load([
      '  - id: name',
      '    type: ask',
      '    title: { en: Name }',
      '    prompt: { en: Name? }',
      '    answer: text',
      '  - id: echo',
      '    type: check',
      '    title: { en: Echo }',
      '    action: test.echo-args',
      '    with: { args: ["--name", "${{ answers.name }}", "x-${{ answers.name }}"] }',
    ]);
    const events = await collect(run(ts, testPorts({ answers: { name: answer } }), { registry, catalogDir: dir }));
    const result = events.find((e) => e.type === 'action-result');
    expect(result?.type === 'action-result' && result.result.argv).toEqual(['--name', answer, `x-${answer}`]);
    expect(existsSync(marker)).toBe(false);
  });

  it('runs a catalog .sh script with arguments as separate argv elements', async () => {
    const marker = path.join(dir, 'pwned');
    writeFileSync(path.join(dir, 'args.sh'), 'printf "%s\\n" "$#"\nfor a in "$@"; do printf "[%s]\\n" "$a"; done\n');
    const answer = `"; rm -rf ~ # $(touch ${marker})`;
    const ts = load([
      '  - id: name',
      '    type: ask',
      '    title: { en: Name }',
      '    prompt: { en: Name? }',
      '    answer: text',
      '  - id: script',
      '    type: check',
      '    title: { en: Script }',
      '    action: script.check',
      '    with: { path: args.sh, args: ["${{ answers.name }}", "two words"] }',
    ]);
    const events = await collect(run(ts, testPorts(), { registry, catalogDir: dir, answers: { name: answer } }));
    const result = events.find((e) => e.type === 'action-result');
    expect(result).toMatchObject({ ok: true, exitCode: 0, stdout: `2\n[${answer}]\n[two words]\n` });
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses a script that escapes the catalog through a symlink', async () => {
    const catalog = path.join(dir, 'catalog');
    const outside = path.join(dir, 'outside.sh');
    writeFileSync(outside, 'echo escaped\n');
    rmSync(catalog, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(catalog));
    symlinkSync(outside, path.join(catalog, 'link.sh'));
    await expect(resolveCatalogScript(catalog, 'link.sh')).rejects.toThrow(/outside the catalog/);
    const ts = load(['  - id: s', '    type: check', '    title: { en: S }', '    action: script.check', '    with: { path: link.sh }']);
    const events = await collect(run(ts, testPorts(), { registry, catalogDir: catalog }));
    expect(events.find((e) => e.type === 'action-result')).toMatchObject({ ok: false, error: 'Script "link.sh" is outside the catalog and was refused.' });
    expect(finished(events).outcome).toBe('error');
  });

  it('rejects "..", absolute paths and other interpreters at load time', () => {
    for (const [p, message] of [
      ['../x.sh', /without ".."/],
      ['/etc/x.sh', /without ".."/],
      ['x.py', /Only .ps1/],
    ] as const) {
      const result = loadTroubleshooterText([...head, '  - id: s', '    type: check', '    title: { en: S }', '    action: script', `    with: { path: "${p}" }`].join('\n'), 'x.yaml', registry);
      expect(result.ok).toBe(false);
      expect(result.diagnostics.find((d) => d.severity === 'error')?.message).toMatch(message);
    }
  });
});
