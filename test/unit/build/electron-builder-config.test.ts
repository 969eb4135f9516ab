import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
// Not re-exported from the package root; this is the function `electron-builder` itself calls.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';

const root = path.resolve(import.meta.dirname, '../../..');
const debugLogger = { isEnabled: false, data: new Map<string, unknown>(), add() {}, save: () => Promise.resolve() };

async function load() {
  return getConfig(root, path.join(root, 'electron-builder.yml'), null);
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration validation", async () => {
    const config = await load();
    await expect(validateConfiguration(config, debugLogger)).resolves.toBeUndefined();
  });

  it('a wrong option is caught by the same validation (the check can fail)', async () => {
    const config = await load();
    const broken = { ...config, nsis: { ...config.nsis, perMachineTypo: true } } as typeof config;
    await expect(validateConfiguration(broken, debugLogger)).rejects.toThrow(/configuration\.nsis/);
  });

  it('builds every installer the rollout needs, per machine', async () => {
    const config = await load();
    const targets = (t: unknown) => (Array.isArray(t) ? t.map((x) => (typeof x === 'string' ? x : (x as { target: string }).target)) : []);
    expect(targets(config.win?.target)).toEqual(['nsis', 'msi']);
    expect(targets(config.mac?.target)).toEqual(['dmg', 'pkg']);
    expect(targets(config.linux?.target)).toEqual(['deb', 'rpm', 'AppImage']);
    expect(config.appId).toBe('com.firstline.app');
    expect(config.nsis?.perMachine).toBe(true);
    expect(config.msi?.perMachine).toBe(true);
    expect(config.msi?.upgradeCode).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('packages only the built app, never the browser host, tests, CLI or sources', async () => {
    // Read as written: getConfig() normalises `files` into filter sets.
    const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { files: string[]; extraResources: unknown };
    const files = config.files;
    expect(files).toContain('out/**');
    for (const pattern of files.filter((f) => !f.startsWith('!'))) {
      expect(pattern).toMatch(/^(out\/|package\.json$)/);
    }
    expect(JSON.stringify(config.extraResources)).not.toMatch(/"(host|test|cli)"/);
  });

  it('has an app icon electron-builder can turn into .ico/.icns (PNG, at least 512×512) and every bundled folder exists', () => {
    const png = readFileSync(path.join(root, 'build/icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
    const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { extraResources: { from: string }[] };
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const { from } of config.extraResources) {
      // out/ is what `npm run build` (run first by every dist:* script) writes: on a clean clone it
      // does not exist yet, so check that the build makes it instead.
      if (from.startsWith('out/')) expect(scripts.build, from).toMatch(new RegExp(`build:${path.basename(from)}\\b`));
      else expect(existsSync(path.join(root, from)), from).toBe(true);
    }
  });
});
