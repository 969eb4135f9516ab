/**
 * What the validated-catalog cache trusts (core/engine/catalog-cache.ts, issue #17): an unchanged
 * file is served from the cache without parsing or schema re-check; a changed file, a cache from
 * another validator, and a cache whose body does not match its checksum are all parsed again.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fullActionRegistry } from '../../../core/action-registry.ts';
import { cacheFormatVersion, cacheKey, catalogValidatorVersion, createTroubleshooterCache, readCache, serializeCache, settledMs } from '../../../core/engine/catalog-cache.ts';
import { loadCatalog } from '../../../core/engine/catalog-dir.ts';
import { readCatalogBytesSync, readCatalogFile, type CatalogFileText } from '../../../core/engine/read-catalog-file.ts';

/** The cache's synchronous read, decoded, to compare with the asynchronous one. */
function readCatalogFileSync(file: string, limit?: number): CatalogFileText {
  const read = readCatalogBytesSync(file, limit);
  return read.ok ? { ok: true, text: read.bytes.toString('utf8') } : read;
}

const fixture = path.resolve(import.meta.dirname, '../../fixtures/app-catalog');
const registry = fullActionRegistry();
let dir: string;
let catalogDir: string;
let cacheFile: string;
let yamlFile: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fl-cache-trust-'));
  catalogDir = path.join(dir, 'catalog');
  cpSync(fixture, catalogDir, { recursive: true });
  cacheFile = path.join(dir, 'data', 'catalog-cache.json');
  yamlFile = path.join(catalogDir, 'label-file.yaml');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function load(version = '1.0.0', now?: () => number) {
  const cache = createTroubleshooterCache(cacheFile, { appVersion: version, registry, ...(now ? { now } : {}) });
  const catalog = await loadCatalog(catalogDir, registry, { loadFile: cache.loadFile });
  await cache.save();
  return { cache, catalog };
}

type Files = Record<string, { sha256: string; troubleshooter: { title: { en: string } } }>;
const body = (): Files => JSON.parse(readFileSync(cacheFile, 'utf8').split('\n')[1]!) as Files;

/** Rewrites the cache as the app would (a consistent checksum) after `edit`: what a hit serves is the cached copy. */
function rewriteConsistently(edit: (files: Files) => void, key = cacheKey('1.0.0', registry)) {
  const files = body();
  edit(files);
  writeFileSync(cacheFile, serializeCache(key, files as never));
}

describe('validated-catalog cache: what it trusts', () => {
  it('serves an unchanged file from the cache without parsing it or checking the schema again', async () => {
    await load();
    // An intact cache entry is taken as validated: a title that only exists in the cache proves
    // the YAML was not parsed, and a key the (closed) schema would reject proves no re-check ran.
    rewriteConsistently((files) => {
      for (const entry of Object.values(files)) {
        entry.troubleshooter.title.en = 'From the cache';
        Object.assign(entry.troubleshooter, { notInTheSchema: true });
      }
    });
    const warm = await load();
    expect([warm.cache.hits, warm.cache.misses]).toEqual([1, 0]);
    expect(warm.catalog.entries[0]?.troubleshooter).toMatchObject({ title: { en: 'From the cache' }, notInTheSchema: true });
  });

  it('parses and validates a changed file again, reporting its errors instead of the cached copy', async () => {
    await load();
    writeFileSync(yamlFile, readFileSync(yamlFile, 'utf8').replace(/^steps:/m, 'steps: 42\nunused:'));
    const { cache, catalog } = await load();
    expect([cache.hits, cache.misses]).toEqual([0, 1]);
    expect(catalog.entries).toHaveLength(0);
    expect(catalog.diagnostics.some((d) => d.severity === 'error' && d.file === yamlFile)).toBe(true);
  });

  it('discards the whole cache when its body does not match the checksum in its header', async () => {
    await load();
    const [header, text] = readFileSync(cacheFile, 'utf8').split('\n') as [string, string];
    writeFileSync(cacheFile, `${header}\n${text.replace('"en":"', '"en":"Edited ')}`);
    expect(readCache(cacheFile, cacheKey('1.0.0', registry))).toEqual({});
    const reloaded = await load();
    expect([reloaded.cache.hits, reloaded.cache.misses]).toEqual([0, 1]);
    expect(reloaded.catalog.entries[0]?.troubleshooter.title.en).not.toMatch(/^Edited/);
  });

  it('parses everything again when the cache was written by another validator version, app version or action set', async () => {
    await load();
    const files = readCache(cacheFile, cacheKey('1.0.0', registry));
    expect(Object.keys(files)).toEqual([yamlFile]);
    const otherValidator = cacheKey('1.0.0', registry).replace(`validator ${catalogValidatorVersion}`, `validator ${catalogValidatorVersion - 1}`);
    for (const key of [otherValidator, cacheKey('0.9.0', registry), `${cacheKey('1.0.0', registry)},another.action`]) {
      writeFileSync(cacheFile, serializeCache(key, files));
      expect((await load()).cache.misses).toBe(1);
    }
  });

  it('compares bytes, not decoded text: a change between two bytes that both decode to U+FFFD is a change', async () => {
    const original = readFileSync(yamlFile);
    writeFileSync(yamlFile, Buffer.concat([original, Buffer.from('# \xff\n', 'latin1')]));
    await load();
    writeFileSync(yamlFile, Buffer.concat([original, Buffer.from('# \xfe\n', 'latin1')]));
    const again = await load();
    expect([again.cache.hits, again.cache.misses]).toEqual([0, 1]);
    expect((await load()).cache.hits).toBe(1);
  });

  it('serves a file that has not changed since it was validated from its file facts, without reading it', async () => {
    const later = () => Date.now() + settledMs + 1000;
    await load('1.0.0', later);
    // Facts recorded: the entry is served without a read, so what the cache holds is served.
    rewriteConsistently((files) => {
      for (const entry of Object.values(files)) entry.troubleshooter.title.en = 'From the cache';
    });
    const warm = await load('1.0.0', later);
    expect([warm.cache.hits, warm.cache.unread, warm.cache.misses]).toEqual([1, 1, 0]);
    expect(warm.catalog.entries[0]?.troubleshooter.title.en).toBe('From the cache');
  });

  it('reads a file rewritten with the same size and its old modification time: the change time gives it away', async () => {
    const later = () => Date.now() + settledMs + 1000;
    await load('1.0.0', later);
    const before = statSync(yamlFile);
    const text = readFileSync(yamlFile, 'utf8');
    const edited = text.replace(/title:\s*\{\s*en:\s*(\S)/, (m, c: string) => m.slice(0, -1) + (c === 'Z' ? 'Y' : 'Z'));
    expect(edited).not.toBe(text);
    expect(Buffer.byteLength(edited)).toBe(before.size);
    writeFileSync(yamlFile, edited);
    utimesSync(yamlFile, before.atime, before.mtime);
    const again = await load('1.0.0', later);
    expect([again.cache.unread, again.cache.misses]).toEqual([0, 1]);
  });

  it('records no facts for a file that changed just before it was validated (it is read and hashed at the next start)', async () => {
    await load(); // the fixture was copied a moment ago: not settled
    expect(Object.values(body()).map((e) => (e as { facts?: string }).facts)).toEqual([undefined]);
    const next = await load('1.0.0', () => Date.now() + settledMs + 1000);
    expect([next.cache.hits, next.cache.unread, next.cache.misses]).toEqual([1, 0, 0]);
    // …and once it has settled, its facts are recorded for the start after.
    expect(Object.values(body()).map((e) => typeof (e as { facts?: string }).facts)).toEqual(['string']);
    expect((await load()).cache.unread).toBe(1);
  });

  it('ignores entries whose shape it cannot serve and keeps the intact ones', async () => {
    await load();
    const files = body();
    const good = readCache(cacheFile, cacheKey('1.0.0', registry));
    const broken = { ...files, '/elsewhere/a.yaml': { sha256: 'x', warnings: [] }, '/elsewhere/b.yaml': { sha256: 'y', warnings: 'no', troubleshooter: {} } };
    writeFileSync(cacheFile, serializeCache(cacheKey('1.0.0', registry), broken as never));
    expect(readCache(cacheFile, cacheKey('1.0.0', registry))).toEqual(good);
  });

  it('is rewritten only when something changed, and then without the entries of removed files', async () => {
    await load();
    // Same entries, laid out differently (with a matching checksum): a rewrite would be compact again.
    const spaced = JSON.stringify(body(), null, 2);
    const header = JSON.stringify({ version: cacheFormatVersion, key: cacheKey('1.0.0', registry), sha256: createHash('sha256').update(spaced).digest('hex') });
    writeFileSync(cacheFile, `${header}\n${spaced}`);
    expect((await load()).cache.hits).toBe(1);
    expect(readFileSync(cacheFile, 'utf8')).toBe(`${header}\n${spaced}`);
    rmSync(yamlFile);
    await load();
    expect(readCache(cacheFile, cacheKey('1.0.0', registry))).toEqual({});
  });
});

describe('readCatalogBytesSync (the cache reads built-in files synchronously)', () => {
  it('reads what readCatalogFile reads and refuses what it refuses, with the same diagnostics', async () => {
    const small = path.join(dir, 'small.yaml');
    const big = path.join(dir, 'big.yaml');
    writeFileSync(small, 'id: é-ok\n');
    writeFileSync(big, 'x'.repeat(5000));
    for (const [file, limit] of [
      [small, 4096],
      [small, 10],
      [small, 9],
      [big, 4096],
      [big, 5000],
      [path.join(dir, 'missing.yaml'), 4096],
    ] as const) {
      expect([file, limit, readCatalogFileSync(file, limit)]).toEqual([file, limit, await readCatalogFile(file, limit)]);
    }
    expect(readCatalogFileSync(small)).toEqual({ ok: true, text: 'id: é-ok\n' });
    expect(readCatalogFileSync(small, 9)).toMatchObject({ ok: false, diagnostic: { message: expect.stringMatching(/10 bytes, over the 9 byte limit/) as string } });
  });

  it.skipIf(!existsSync('/dev/zero'))('never reads past the limit from a file whose size says 0 but never ends', () => {
    expect(readCatalogFileSync('/dev/zero', 4096)).toMatchObject({ ok: false, diagnostic: { file: '/dev/zero', message: expect.stringMatching(/larger than the 4096 byte limit/) as string } });
  });

  it('keeps an over-large built-in file out of the catalog, cached or not', async () => {
    await load();
    writeFileSync(yamlFile, `${readFileSync(yamlFile, 'utf8')}# ${'x'.repeat(1024 * 1024)}\n`);
    const { catalog } = await load();
    expect(catalog.entries).toHaveLength(0);
    expect(catalog.diagnostics).toEqual([expect.objectContaining({ file: yamlFile, severity: 'error', message: expect.stringMatching(/byte limit/) as string })]);
  });
});
