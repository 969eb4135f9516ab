/**
 * Electron-only tests: they need the Electron binary, which cannot be downloaded on machines
 * that reach only the npm registry. Where it is missing they are skipped with the reason
 * printed — never passed. Where it exists, they launch the built app (`npm run build`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { repoRoot } from '../support/host-fixture.ts';

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
    const app = await electron.launch({ executablePath: binary.path, args: [repoRoot, '--no-sandbox'], env: { ...process.env, ELECTRON_ENABLE_LOGGING: '0' } });
    try {
      // Open the popover through the tray's own code path (single-instance handler shows it).
      await app.evaluate(({ app: electronApp }) => electronApp.emit('second-instance'));
      const window = await app.firstWindow();
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const w = BrowserWindow.getAllWindows()[0] as unknown as { webContents: { getLastWebPreferences(): Record<string, unknown> } };
        return w.webContents.getLastWebPreferences();
      });
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
      await window.evaluate(() => {
        location.href = 'https://evil.test/';
      });
      expect(window.url()).toContain('app://firstline');
    } finally {
      await app.close();
    }
  });
});
