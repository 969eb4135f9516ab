import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fullActionRegistry } from '../../../core/action-registry.ts';
import { createTroubleshooterCache } from '../../../core/engine/catalog-cache.ts';
import { loadCatalog } from '../../../core/engine/catalog-dir.ts';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/app-catalog');
const registry = fullActionRegistry();
let dir: string;
let catalogDir: string;
let cacheFile: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fl-cache-'));
  catalogDir = path.join(dir, 'catalog');
  cpSync(fixture, catalogDir, { recursive: true });
  cacheFile = path.join(dir, 'data', 'catalog-cache.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function load(version = '1.0.0') {
  const cache = createTroubleshooterCache(cacheFile, { appVersion: version, registry });
  const catalog = await loadCatalog(catalogDir, registry, { loadFile: cache.loadFile });
  await cache.save();
  return { cache, catalog };
}

describe('validated-catalog cache', () => {
  it('parses on the first start and serves identical troubleshooters from the cache on the next', async () => {
    const cold = await load();
    expect([cold.cache.hits, cold.cache.misses]).toEqual([0, 1]);
    const warm = await load();
    expect([warm.cache.hits, warm.cache.misses]).toEqual([1, 0]);
    expect(warm.catalog.entries.map((e) => e.troubleshooter)).toEqual(cold.catalog.entries.map((e) => e.troubleshooter));
    expect(await loadCatalog(catalogDir, registry)).toEqual(warm.catalog);
  });

  it('re-parses a changed file, and everything after an app update', async () => {
    await load();
    const file = path.join(catalogDir, 'label-file.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('version: "1.0.0"', 'version: "1.0.1"'));
    const changed = await load();
    expect(changed.cache.misses).toBe(1);
    expect(changed.catalog.entries[0]?.troubleshooter.version).toBe('1.0.1');
    expect((await load('2.0.0')).cache.misses).toBe(1);
  });

  it('never serves a broken file from the cache: its errors are reported at every start', async () => {
    await load();
    writeFileSync(path.join(catalogDir, 'label-file.yaml'), 'id: label-file\nsteps: [\n');
    for (let i = 0; i < 2; i++) {
      const { catalog } = await load();
      expect(catalog.entries).toHaveLength(0);
      expect(catalog.diagnostics.some((d) => d.severity === 'error' && d.line >= 1)).toBe(true);
    }
  });

  it('ignores a corrupt or tampered cache file instead of trusting it', async () => {
    await load();
    writeFileSync(cacheFile, '{ not json');
    expect((await load()).cache.misses).toBe(1);
    // The body edited without its header's checksum (catalog-cache-trust.test.ts covers more).
    const [header, body] = readFileSync(cacheFile, 'utf8').split('\n') as [string, string];
    const files = JSON.parse(body) as Record<string, { troubleshooter: { steps: unknown } }>;
    for (const entry of Object.values(files)) entry.troubleshooter.steps = 'not a list';
    writeFileSync(cacheFile, `${header}\n${JSON.stringify(files)}`);
    const reloaded = await load();
    expect(reloaded.cache.misses).toBe(1);
    expect(reloaded.catalog.entries).toHaveLength(1);
  });
});
