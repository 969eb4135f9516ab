/** The authoring CLI as IT uses it: `tsx cli/index.ts <command>` in a child process, no build step. */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runEventSchema, type RunEvent } from '../../../core/engine/events.ts';
import { goneWithin, waitForFile } from './helpers.ts';

const root = path.resolve('.');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const catalog = 'test/fixtures/engine/catalog';

type Result = { code: number; stdout: string; stderr: string };
function cli(args: string[], env: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve) => {
    execFile(tsx, ['cli/index.ts', ...args], { cwd: root, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Every file below `dir` with its size and mtime: a cheap "did anything change on disk" fingerprint. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else out.push(`${path.relative(dir, p)} ${s.size} ${s.mtimeMs}`);
    }
  };
  walk(dir);
  return out;
}

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'firstline-cli-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

// Each call starts tsx (~1-2 s), so these tests get a generous timeout.
describe.skipIf(process.platform === 'win32')('firstline CLI', { timeout: 60_000 }, () => {
  it('lint passes on the shipped catalog', async () => {
    const res = await cli(['lint', 'troubleshooters/']);
    expect(res.stdout.split('\n').filter((l) => l.includes(': error: '))).toEqual([]);
    expect(res.code).toBe(0);
  });

  it('lint fails with one located line per error on an invalid file', async () => {
    const res = await cli(['lint', '--quiet', 'test/fixtures/engine/invalid/semantics.yaml']);
    expect(res.code).toBe(1);
    const lines = res.stdout.trim().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/^test\/fixtures\/engine\/invalid\/semantics\.yaml:11:13: error: step "first": unknown action "printer\.clear-all"\. Did you mean "printer\./);
    for (const line of lines) expect(line).toMatch(/^test\/fixtures\/engine\/invalid\/semantics\.yaml:\d+:\d+: error: .+/);
  });

  it('list --json shows the catalog', async () => {
    const res = await cli(['list', '--json', '--catalog', catalog, '--lang', 'fr']);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual([expect.objectContaining({ id: 'flag', title: 'Drapeau', platforms: ['linux', 'darwin'] }), expect.objectContaining({ id: 'hang', title: 'Blocage' })]);
  });

  it('run --dry-run --json prints valid NDJSON and changes nothing on disk; a real run with --yes does', async () => {
    const env = { FIRSTLINE_FIXTURE_DIR: work };
    const before = [...snapshot(work), ...snapshot(path.join(root, catalog))];
    const dry = await cli(['run', 'flag', '--catalog', catalog, '--dry-run', '--json', '--yes', '--answer', 'label=dry'], env);
    expect(dry.stderr).toBe('');
    const lines = dry.stdout.trim().split('\n');
    // Events first, then the whole plan as one last line (docs/authoring-troubleshooters.md, Dry run).
    expect(JSON.parse(lines.at(-1) ?? '')).toMatchObject({ type: 'plan', planVersion: 1, troubleshooter: { id: 'flag' } });
    const events = lines.slice(0, -1).map((line) => runEventSchema.parse(JSON.parse(line)) as RunEvent);
    expect(events[0]).toMatchObject({ type: 'run-started', troubleshooterId: 'flag', dryRun: true });
    expect(events.filter((e) => e.type === 'action-result').every((e) => e.type === 'action-result' && e.skipped)).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', outcome: 'resolved' });
    expect(dry.code).toBe(0);
    expect([...snapshot(work), ...snapshot(path.join(root, catalog))]).toEqual(before);

    const marker = path.join(work, 'pwned');
    const real = await cli(['run', 'flag', '--catalog', catalog, '--json', '--yes', '--answer', `label=$(touch ${marker})`], env);
    expect(real.code).toBe(0);
    expect(readFileSync(path.join(work, 'fixed'), 'utf8')).toBe(`$(touch ${marker})`);
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses consent when not on a terminal without --yes, and exits 1', async () => {
    const res = await cli(['run', 'flag', '--catalog', catalog, '--json', '--answer', 'label=x'], { FIRSTLINE_FIXTURE_DIR: work });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Consent refused/);
    const types = res.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as RunEvent).type);
    expect(types).toContain('consent-refused');
    expect(existsSync(path.join(work, 'fixed'))).toBe(false);
  });

  it('Ctrl+C cancels the run: the script is killed, the last event is cancelled and the exit code is 3', async () => {
    const child = spawn(tsx, ['cli/index.ts', 'run', 'hang', '--catalog', catalog, '--json'], {
      cwd: root,
      env: { ...process.env, FIRSTLINE_FIXTURE_DIR: work },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await waitForFile(path.join(work, 'hang.pid'), 30_000);
    const scriptPid = Number(readFileSync(path.join(work, 'hang.pid'), 'utf8'));
    child.kill('SIGINT');
    expect(await exited).toBe(3);
    const last = JSON.parse(stdout.trim().split('\n').at(-1) as string) as RunEvent;
    expect(last).toMatchObject({ type: 'run-finished', outcome: 'cancelled' });
    expect(await goneWithin(scriptPid)).toBe(true);
  });

  it('exits 2 for an unknown troubleshooter and for bad flags', async () => {
    const results = await Promise.all([cli(['run', 'nope', '--catalog', catalog]), cli(['run', 'flag', '--bogus']), cli(['frobnicate'])]);
    expect(results.map((r) => r.code)).toEqual([2, 2, 2]);
    expect(results[1]?.stderr).toMatch(/--bogus/);
  });

  it('test runs author tests: PASS lines and exit 0, FAIL lines with reasons and exit 1', async () => {
    const ok = await cli(['test', catalog]);
    expect(ok.stdout).toContain('PASS test/fixtures/engine/catalog/flag.test.yaml › a missing flag is set and verified');
    expect(ok.code).toBe(0);
    const bad = await cli(['test', 'test/fixtures/engine/author-tests']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('FAIL test/fixtures/engine/author-tests/failing.test.yaml › wrongly expects the fix to be skipped');
    expect(bad.stdout).toContain('expected step flag to be fixed, got failed');
    expect(bad.stdout).toContain('add results.flag.check to the test case');
  });
});
