/** `firstline report` reads this machine's history by default; `firstline run` adds to it, marked as CLI. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appDataDir } from '../../../cli/data-dir.ts';
import { reportCommand } from '../../../cli/commands/report.ts';
import { runCommand } from '../../../cli/commands/run.ts';
import { captureIo, cli } from './helpers.ts';

const catalog = 'test/fixtures/engine/catalog';
let work: string;
const saved = { data: process.env.FIRSTLINE_DATA_DIR, fixture: process.env.FIRSTLINE_FIXTURE_DIR, history: process.env.FIRSTLINE_HISTORY_FILE };
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'firstline-report-cli-'));
  process.env.FIRSTLINE_DATA_DIR = path.join(work, 'data');
  process.env.FIRSTLINE_FIXTURE_DIR = work;
  delete process.env.FIRSTLINE_HISTORY_FILE;
});
afterEach(() => {
  for (const [key, value] of [
    ['FIRSTLINE_DATA_DIR', saved.data],
    ['FIRSTLINE_FIXTURE_DIR', saved.fixture],
    ['FIRSTLINE_HISTORY_FILE', saved.history],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(work, { recursive: true, force: true });
});

async function call(command: typeof runCommand, args: string[]) {
  const c = captureIo();
  const code = await command(args, c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

describe('the app data folder', () => {
  it('is where the app keeps history.json on each OS', () => {
    expect(appDataDir({}, 'linux', '/home/ann')).toBe('/home/ann/.config/Firstline');
    expect(appDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/ann')).toBe('/x/Firstline');
    expect(appDataDir({}, 'darwin', '/Users/ann')).toBe('/Users/ann/Library/Application Support/Firstline');
    expect(appDataDir({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann')).toBe('C:\\Users\\ann\\AppData\\Roaming\\Firstline');
    expect(appDataDir({ FIRSTLINE_DATA_DIR: '/d' }, 'linux', '/home/ann')).toBe('/d');
  });
});

describe('firstline report and run history', () => {
  it('with nothing recorded yet, report prints an empty report and says where it looked', async () => {
    const res = await call(reportCommand, []);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe(`No runs recorded on this machine yet (${path.join(work, 'data', 'history.json')} does not exist).`);
    expect(res.stdout).toContain('No runs recorded yet');
  });

  it('a real CLI run is recorded marked as CLI and counted by report with no argument; a dry run is not', async () => {
    expect((await call(runCommand, ['flag', '--catalog', catalog, '--dry-run', '--yes', '--answer', 'label=x'])).code).toBe(0);
    expect(existsSync(path.join(work, 'data', 'history.json'))).toBe(false);

    const ran = await call(runCommand, ['flag', '--catalog', catalog, '--yes', '--answer', 'label=x']);
    expect(ran.code).toBe(0);
    const history = JSON.parse(readFileSync(path.join(work, 'data', 'history.json'), 'utf8')) as { runs: { troubleshooterId: string; outcome: string; via?: string }[] };
    expect(history.runs).toEqual([expect.objectContaining({ troubleshooterId: 'flag', outcome: 'resolved', via: 'cli' })]);

    const report = await call(reportCommand, []);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/^flag\s+1\s+1\s+0\s+0/m);
    expect(report.stdout).toContain(`History: ${path.join(work, 'data', 'history.json')} (1 of these runs were started by IT from the CLI)`);
  });

  it('--no-history leaves the history alone', async () => {
    expect((await call(runCommand, ['flag', '--catalog', catalog, '--yes', '--answer', 'label=x', '--no-history'])).code).toBe(0);
    expect(existsSync(path.join(work, 'data', 'history.json'))).toBe(false);
  });

  it('end to end: report with no argument reads FIRSTLINE_DATA_DIR/history.json', { timeout: 120_000 }, async () => {
    await call(runCommand, ['flag', '--catalog', catalog, '--yes', '--answer', 'label=x']);
    const res = await cli(['report', '--csv'], { env: { FIRSTLINE_DATA_DIR: path.join(work, 'data') } });
    expect(res.code).toBe(0);
    expect(res.stdout.trimEnd().split('\n').at(-1)).toMatch(/^total,,,1,1,0,0,[\d.]+,1$/);
  });
});
