/**
 * Electron-only tests: they need the Electron binary, which cannot be downloaded on machines
 * that reach only the npm registry. Where it is missing they are skipped with the reason
 * printed — never passed. Where it exists, they launch the built app (`npm run build`).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config.ts';
import { loopbackProbes, repoRoot } from '../support/host-fixture.ts';

function electronBinary(): { path?: string; reason?: string } {
  const pkgDir = path.join(repoRoot, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return { reason: 'node_modules/electron/path.txt is missing (binary never downloaded)' };
  const binary = path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { reason: `${binary} does not exist` };
  if (!existsSync(path.join(repoRoot, 'out', 'main', 'index.cjs'))) return { reason: 'out/main/index.cjs missing: run `npm run build` first' };
  return { path: binary };
}

const binary = electronBinary();
if (!binary.path) console.log(`skipped: no Electron binary (${binary.reason})`);

test.describe('Electron shell', () => {
  test.skip(!binary.path, `no Electron binary (${binary.reason})`);

  test('creates the window with secure web preferences and blocks navigation', async () => {
    // Isolated from the developer's own profile, home and machine policy; loopback only.
    const dir = mkdtempSync(path.join(tmpdir(), 'fl-electron-'));
    const policyFile = path.join(dir, 'policy.json');
    writeFileSync(policyFile, JSON.stringify({ networkProbes: loopbackProbes, catalogSources: [] }));
    const app = await electron.launch({
      executablePath: binary.path,
      args: [repoRoot, '--no-sandbox', `--user-data-dir=${path.join(dir, 'user-data')}`, ...chromiumArgs],
      env: { ...process.env, HOME: dir, FIRSTLINE_POLICY_FILE: policyFile, ELECTRON_ENABLE_LOGGING: '0' },
    });
    try {
      // Open the popover through the tray's own code path (single-instance handler shows it).
      await app.evaluate(({ app: electronApp }) => electronApp.emit('second-instance'));
      const window = await app.firstWindow();
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const w = BrowserWindow.getAllWindows()[0] as unknown as { webContents: { getLastWebPreferences(): Record<string, unknown> } };
        return w.webContents.getLastWebPreferences();
      });
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
      // Ask the real window's will-navigate handlers directly: deterministic, no waiting.
      const prevented = await app.evaluate(({ BrowserWindow }) => {
        const contents = BrowserWindow.getAllWindows()[0]!.webContents;
        const decide = (url: string) => {
          let blocked = false;
          contents.emit('will-navigate', { preventDefault: () => (blocked = true) }, url);
          return blocked;
        };
        return { evil: decide('https://evil.test/'), own: decide('app://firstline/index.html') };
      });
      expect(prevented).toEqual({ evil: true, own: false });
      expect(window.url()).toContain('app://firstline');
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
