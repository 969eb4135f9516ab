/** `npm start` where no Electron binary could be downloaded: one clear sentence, no stack trace (#11). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(spawnSync(process.execPath, ['-p', 'JSON.stringify(require("./package.json").scripts)'], { cwd: root, encoding: 'utf8' }).stdout) as Record<string, string>;
const fakeElectron = mkdtempSync(path.join(tmpdir(), 'fl-no-electron-'));
writeFileSync(path.join(fakeElectron, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }));
afterAll(() => rmSync(fakeElectron, { recursive: true, force: true }));

it('npm start goes through the launcher that checks for the binary first', () => {
  expect(pkg.start).toBe('node scripts/start-electron.mjs');
});

it('says what is missing, how to get it and that dev:web shows the UI, in one line without a stack trace, before building', () => {
  const env = { ...process.env, FIRSTLINE_ELECTRON_PACKAGE: fakeElectron, ELECTRON_OVERRIDE_DIST_PATH: '' };
  const result = spawnSync(process.execPath, ['scripts/start-electron.mjs'], { cwd: root, env, encoding: 'utf8', timeout: 20_000 });
  expect(result.status).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('Electron 45.4.1');
  expect(lines[0]).toContain('install.js');
  expect(lines[0]).toContain('npm run dev:web');
  expect(result.stderr).not.toMatch(/^\s+at /m);
  // Nothing was built first: the check comes before the slow build.
  expect(result.stdout).toBe('');
});
