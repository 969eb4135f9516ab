/**
 * electron-builder packs every package in `dependencies` into app.asar. The renderer is bundled by
 * Vite and the broker is one self-contained file, so `dependencies` must hold exactly what the
 * built main process and preload load from node_modules at runtime (#11) — computed here from
 * their imports, not from a list. By hand, `electron-builder --linux dir` with a stub electronDist
 * packs node_modules/{iconv-lite, lowdb, nodemailer, systeminformation, yaml} and their own
 * dependencies (safer-buffer, steno) into app.asar, nothing of the renderer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { inlinedDependencies } from '../../../vite.main.config.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** Bare packages the shell's entries import, through every file they reach (dynamic imports too). */
async function runtimeImports(entries: string[]): Promise<string[]> {
  const result = await build({ entryPoints: entries.map((e) => path.join(root, e)), absWorkingDir: root, bundle: true, platform: 'node', format: 'esm', loader: { '.css': 'empty' }, packages: 'external', write: false, metafile: true, outdir: 'out/deps-check', logLevel: 'silent' });
  const names = new Set<string>();
  for (const input of Object.values(result.metafile.inputs)) {
    for (const imported of input.imports) if (imported.external && !imported.path.startsWith('node:')) names.add(packageName(imported.path));
  }
  return [...names].sort();
}

describe('what the packaged app ships', () => {
  it('dependencies are exactly the packages main and preload load at runtime (electron and inlined ones aside)', async () => {
    const loaded = await runtimeImports(['main/index.ts', 'preload/index.ts']);
    expect(loaded).toContain('electron');
    const shipped = loaded.filter((name) => name !== 'electron' && !inlinedDependencies.includes(name));
    expect(Object.keys(pkg.dependencies).sort()).toEqual(shipped);
    // Bundled into main by Vite, so they must not be packed a second time.
    for (const name of inlinedDependencies) expect(pkg.dependencies[name], name).toBeUndefined();
  });

  it('keeps renderer-only packages and node-wifi out of dependencies', async () => {
    const renderer = await runtimeImports(['renderer/src/main.tsx']);
    expect(renderer).toEqual(expect.arrayContaining(['react', 'react-dom', 'i18next']));
    const shell = new Set(await runtimeImports(['main/index.ts', 'preload/index.ts']));
    for (const name of renderer.filter((n) => !shell.has(n))) {
      expect(pkg.dependencies[name], name).toBeUndefined();
      expect(pkg.devDependencies[name], `${name} is still needed to build the renderer`).toBeDefined();
    }
    expect(pkg.dependencies['node-wifi']).toBeUndefined();
  });
});

/**
 * The packed result itself: `electron-builder --linux dir` with a stub Electron (no binary is
 * downloadable here) under `unshare -n`, then app.asar's node_modules. About a minute, so opt-in:
 * FIRSTLINE_ASAR_TEST=1 (needs out/main from `npm run build` and root for unshare).
 */
describe('app.asar', () => {
  it('holds only the production dependencies and what they need', async (context) => {
    if (process.env.FIRSTLINE_ASAR_TEST !== '1') {
      console.log('skipped: set FIRSTLINE_ASAR_TEST=1 to pack with electron-builder (about a minute)');
      context.skip();
    }
    const { execFileSync, spawnSync } = await import('node:child_process');
    const { mkdtempSync, mkdirSync, writeFileSync, existsSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(path.join(tmpdir(), 'fl-asar-'));
    const dist = path.join(dir, 'electron-dist');
    mkdirSync(dist);
    writeFileSync(path.join(dist, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
    const builder = path.join(root, 'node_modules', '.bin', 'electron-builder');
    const args = ['-n', builder, '--linux', 'dir', `-c.electronDist=${dist}`, '-c.electronVersion=45.4.1', '-c.npmRebuild=false', `-c.directories.output=${dir}/out`];
    // The stub has no fuse sentinel, so the run ends with an error after app.asar is written.
    spawnSync('unshare', args, { cwd: root, encoding: 'utf8', timeout: 240_000 });
    const asar = path.join(dir, 'out', 'linux-unpacked', 'resources', 'app.asar');
    expect(existsSync(asar)).toBe(true);
    const listing = execFileSync(process.execPath, ['-e', `console.log(JSON.stringify(require('@electron/asar').listPackage(${JSON.stringify(asar)})))`], { cwd: root, encoding: 'utf8' });
    const packed = new Set(
      (JSON.parse(listing) as string[]).filter((f) => f.startsWith('/node_modules/')).map((f) => packageName(f.slice('/node_modules/'.length))),
    );
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const production = new Set(Object.entries(lock.packages).filter(([p, info]) => p.startsWith('node_modules/') && !info.dev).map(([p]) => packageName(p.slice('node_modules/'.length))));
    for (const name of Object.keys(pkg.dependencies)) expect(packed.has(name), name).toBe(true);
    expect([...packed].filter((name) => !production.has(name))).toEqual([]);
    for (const name of ['react', 'react-dom', 'i18next', 'minisearch', 'node-wifi', 'zod']) expect(packed.has(name), name).toBe(false);
  }, 300_000);
});
