/** run, list, lint and test take the same folder, default to the current folder's catalog, and show the real error. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCatalogFolder } from '../../../cli/catalog-folder.ts';
import { lintCommand } from '../../../cli/commands/lint.ts';
import { listCommand } from '../../../cli/commands/list.ts';
import { runCommand } from '../../../cli/commands/run.ts';
import { defaultCatalogDir } from '../../../cli/registry.ts';
import { captureIo, cli, repoRoot } from './helpers.ts';

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'firstline-folder-'));
  cpSync(path.join(repoRoot, 'test/fixtures/engine/catalog'), work, { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

async function call(command: typeof runCommand, args: string[]) {
  const c = captureIo();
  const code = await command(args, c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

describe('catalog folder arguments', () => {
  it('default: the current folder with troubleshooters, else its troubleshooters/ folder, else the built-in one', () => {
    expect(defaultCatalogFolder(work)).toBe(work);
    expect(defaultCatalogFolder(repoRoot)).toBe(path.join(repoRoot, 'troubleshooters'));
    const empty = mkdtempSync(path.join(tmpdir(), 'firstline-empty-'));
    try {
      expect(defaultCatalogFolder(empty)).toBe(defaultCatalogDir);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('list takes the folder as an argument like lint', async () => {
    const res = await call(listCommand, [work, '--json']);
    expect(res.code).toBe(0);
    expect((JSON.parse(res.stdout) as { id: string }[]).map((r) => r.id).sort()).toEqual(['flag', 'hang']);
  });

  it('run shows why a troubleshooter is missing: the broken file, and the id it probably meant', async () => {
    writeFileSync(path.join(work, 'broken.yaml'), 'id: broken\nversion: "1"\nsteps: 3\n');
    const res = await call(runCommand, ['flagg', '--catalog', work, '--dry-run']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(new RegExp(`^${path.join(work, 'broken.yaml').replaceAll('/', '\\/')}:\\d+:\\d+: error: `, 'm'));
    expect(res.stderr).toContain(`No troubleshooter "flagg" in ${work}. Did you mean "flag"?`);
  });

  it('lint with no argument checks the current folder (end to end, run from inside the catalog)', { timeout: 120_000 }, async () => {
    writeFileSync(path.join(work, 'broken.yaml'), 'id: broken\nversion: "1"\nsteps: 3\n');
    const res = await cli(['lint', '--quiet'], { cwd: work });
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/broken\.yaml:\d+:\d+: error: /);
    expect(res.stderr).toMatch(/^Files checked: 3;/m);
  });

  it('lint in-process defaults the same way', async () => {
    const cwd = process.cwd();
    process.chdir(work);
    try {
      const res = await call(lintCommand, ['--quiet']);
      expect(res.code).toBe(0);
      expect(res.stderr).toMatch(/^Files checked: 2; errors: 0;/m);
    } finally {
      process.chdir(cwd);
    }
  });
});
