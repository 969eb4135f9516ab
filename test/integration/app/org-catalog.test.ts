/**
 * Organisation catalogs in the app: the app starts at once with the last verified copy, syncs
 * the share in the background, swaps in what changed, keeps the last good copy when the share is
 * gone, and refuses a tampered copy. A signed folder catalog plays the file share.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testAppDefaults } from '../../support/app-defaults.ts';
import { createFirstline, type Firstline } from '../../../app/compose.ts';
import { createDispatcher } from '../../../app/dispatcher.ts';
import { generateCatalogKeyPair, parsePrivateKey, signCatalog } from '../../../core/catalog/index.ts';
import { createLogger } from '../../../core/log.ts';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/app-catalog');
const builtin = path.resolve(import.meta.dirname, '../../fixtures/ui-catalog');
const keys = generateCatalogKeyPair();
let dir: string;
let apps: Firstline[] = [];

afterEach(async () => {
  for (const app of apps) await app.dispose();
  apps = [];
  rmSync(dir, { recursive: true, force: true });
});

function share(): string {
  dir = mkdtempSync(path.join(tmpdir(), 'fl-org-'));
  const shareDir = path.join(dir, 'share');
  mkdirSync(shareDir);
  cpSync(fixture, shareDir, { recursive: true });
  signCatalog(shareDir, parsePrivateKey(keys.privateKeyPem), new Date('2026-11-24T10:00:00Z'));
  return shareDir;
}

async function start(shareDir: string, more: { catalogResyncOnOpenMs?: number; logLines?: string[] } = {}) {
  const policyFile = path.join(dir, 'policy.json');
  writeFileSync(policyFile, JSON.stringify({ catalogSources: [shareDir], catalogSigningKeys: [keys.publicKey] }));
  const log = createLogger({ redact: (s) => s, echo: (line) => more.logLines?.push(line) });
  const app = await createFirstline({
    ...testAppDefaults(dir),
    ...(more.catalogResyncOnOpenMs === undefined ? {} : { catalogResyncOnOpenMs: more.catalogResyncOnOpenMs }),
    dataDir: path.join(dir, 'data'),
    catalogDir: builtin,
    log,
    env: { PATH: process.env.PATH, FIRSTLINE_POLICY_FILE: policyFile },
  });
  apps.push(app);
  const dispatch = createDispatcher(app.handlers, log);
  const ids = async () => ((await dispatch('catalog:list', { lang: 'en' }, { trusted: true })) as { value: Array<{ id: string }> }).value.map((t) => t.id);
  return { app, ids };
}

describe('organisation catalogs', () => {
  it('appear after the background sync, and on the next start at once, even with the share gone', async () => {
    const shareDir = share();
    const first = await start(shareDir);
    expect(await first.ids()).not.toContain('label-file');
    await first.app.catalogsSynced;
    expect(await first.ids()).toContain('label-file');
    await first.app.dispose();

    rmSync(shareDir, { recursive: true, force: true });
    const second = await start(shareDir);
    expect(await second.ids()).toContain('label-file');
    await second.app.catalogsSynced;
    expect(await second.ids()).toContain('label-file');
  });

  it('never serves a cached copy that was tampered with', async () => {
    const shareDir = share();
    const first = await start(shareDir);
    await first.app.catalogsSynced;
    await first.app.dispose();
    // Someone edits the cached copy in the user-writable data folder and the share is gone.
    const cacheRoot = path.join(dir, 'data', 'catalogs');
    const [hash] = (await import('node:fs')).readdirSync(cacheRoot);
    writeFileSync(path.join(cacheRoot, hash!, 'current', 'label-file.yaml'), 'id: label-file\n# tampered\n');
    rmSync(shareDir, { recursive: true, force: true });
    const second = await start(shareDir);
    expect(await second.ids()).not.toContain('label-file');
  });

  it('a refused change on the share shows on About at the next sync, as a state the UI words in the employee language', async () => {
    const shareDir = share();
    const first = await start(shareDir);
    const dispatch = createDispatcher(first.app.handlers, createLogger({ redact: (s) => s }));
    const about = async () => ((await dispatch('settings:get', undefined, { trusted: true })) as { value: { about: { catalogSources: unknown[] } } }).value.about.catalogSources;
    await first.app.catalogsSynced;
    expect(await about()).toEqual([
      { source: builtin, state: 'builtIn' },
      { source: shareDir, state: 'updated' },
    ]);

    writeFileSync(path.join(shareDir, 'label-file.yaml'), 'id: label-file\n# edited without re-signing\n');
    await first.app.syncCatalogs();
    expect((await about())[1]).toEqual({ source: shareDir, state: 'refused' });
    // The last good copy stays in use.
    expect(await first.ids()).toContain('label-file');
  });

  it('a correctly signed update with a lint error is refused when the window opens next, and the last good copy stays', async () => {
    const shareDir = share();
    const logLines: string[] = [];
    const { app, ids } = await start(shareDir, { catalogResyncOnOpenMs: 0, logLines });
    const dispatch = createDispatcher(app.handlers, createLogger({ redact: (s) => s }));
    const about = async () => ((await dispatch('settings:get', undefined, { trusted: true })) as { value: { about: { catalogSources: { state: string }[] } } }).value.about.catalogSources;
    await app.catalogsSynced;
    expect((await about())[1]?.state).toBe('updated');
    const title = async () => ((await dispatch('catalog:list', { lang: 'en' }, { trusted: true })) as { value: { id: string; title: string }[] }).value.find((t) => t.id === 'label-file')?.title;
    expect(await title()).toBe('Label file is missing');

    // IT publishes a new, properly signed version whose file has an unknown action.
    const file = path.join(shareDir, 'label-file.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Label file is missing', 'Label file gone').replace('action: script.check', 'action: script.chek'));
    signCatalog(shareDir, parsePrivateKey(keys.privateKeyPem), new Date('2026-11-25T10:00:00Z'));

    app.window('shown'); // the employee opens Firstline: a sync starts (no restart)
    expect(logLines.some((l) => l.includes('catalog: window opened, syncing organisation catalogs'))).toBe(true);
    await app.syncCatalogs(); // joins the sync the opening started
    expect((await about())[1]?.state).toBe('refused');
    const warning = logLines.find((l) => l.includes('catalog: organisation catalog not updated'));
    expect(warning).toContain('lint error(s)');
    expect(warning).toContain('label-file.yaml:');
    expect(warning).toContain('script.chek');
    expect(await ids()).toContain('label-file');
    expect(await title()).toBe('Label file is missing');
  });

  it('opening the window does not sync again within the interval', async () => {
    const shareDir = share();
    const logLines: string[] = [];
    const { app } = await start(shareDir, { logLines });
    await app.catalogsSynced;
    app.window('shown');
    expect(logLines.some((l) => l.includes('window opened, syncing'))).toBe(false);
  });
});
