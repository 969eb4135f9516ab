import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncCatalogs } from '../../../core/catalog/index.ts';
import { generateCatalogKeyPair, parsePrivateKey } from '../../../core/catalog/keys.ts';
import { signCatalog } from '../../../core/catalog/manifest.ts';
import { syncCatalog } from '../../../core/catalog/sync.ts';
import { serveDir, tempDirs } from './helpers.ts';

const temps = tempDirs();
afterEach(() => temps.cleanup());
const now = new Date('2026-11-24T10:00:00Z');

function signedSource() {
  const keys = generateCatalogKeyPair();
  const dir = temps.copyFixture();
  const privateKey = parsePrivateKey(keys.privateKeyPem);
  signCatalog(dir, privateKey, now);
  return { dir, keys, resign: () => signCatalog(dir, privateKey, now) };
}

describe('organisation catalog from a folder (file share)', () => {
  it('accepts a share whose unsigned author tests sit next to the signed files, and does not cache them', async () => {
    const keys = generateCatalogKeyPair();
    const dir = temps.copyFixture();
    writeFileSync(path.join(dir, 'vpn-reconnect.test.yaml'), 'tests: []\n');
    signCatalog(dir, parsePrivateKey(keys.privateKeyPem), now);
    const result = await syncCatalog(dir, { cacheDir: temps.make(), trustedKeys: [keys.publicKey] });
    expect(result).toMatchObject({ status: 'updated' });
    expect(existsSync(path.join(result.dir ?? '', 'vpn-reconnect.yaml'))).toBe(true);
    expect(existsSync(path.join(result.dir ?? '', 'vpn-reconnect.test.yaml'))).toBe(false);
  });

  it('caches a verified copy and keeps it when the share is later tampered with or offline', async () => {
    const source = signedSource();
    const cacheDir = temps.make();
    const options = { cacheDir, trustedKeys: [source.keys.publicKey] };

    const first = await syncCatalog(source.dir, options);
    expect(first).toMatchObject({ status: 'updated' });
    const cached = first.dir ?? '';
    expect(readFileSync(path.join(cached, 'vpn-reconnect.yaml'), 'utf8')).toContain('acme-vpn-reconnect');

    expect(await syncCatalog(source.dir, options)).toMatchObject({ status: 'unchanged', dir: cached });

    writeFileSync(path.join(source.dir, 'vpn-reconnect.yaml'), 'id: evil\n');
    const refused = await syncCatalog(source.dir, options);
    expect(refused).toMatchObject({ status: 'refused', code: 'file-changed', dir: cached, reason: 'vpn-reconnect.yaml was changed after signing; using the last good copy' });
    expect(readFileSync(path.join(cached, 'vpn-reconnect.yaml'), 'utf8')).toContain('acme-vpn-reconnect');

    rmSync(source.dir, { recursive: true });
    expect(await syncCatalog(source.dir, options)).toMatchObject({ status: 'offline', code: 'unreachable', dir: cached });
  });

  it('refuses an unsigned share with no cached copy and offers no directory', async () => {
    const dir = temps.copyFixture();
    const { publicKey } = generateCatalogKeyPair();
    const result = await syncCatalog(dir, { cacheDir: temps.make(), trustedKeys: [publicKey] });
    expect(result).toMatchObject({ status: 'refused', code: 'unsigned' });
    expect(result.dir).toBeUndefined();
    expect(result.reason).toContain('no cached copy yet');
  });

  it('stops using a cached copy that was edited on disk', async () => {
    const source = signedSource();
    const options = { cacheDir: temps.make(), trustedKeys: [source.keys.publicKey] };
    const first = await syncCatalog(source.dir, options);
    writeFileSync(path.join(first.dir ?? '', 'vpn-reconnect.yaml'), 'id: edited-in-cache\n');
    rmSync(source.dir, { recursive: true });
    const offline = await syncCatalog(source.dir, options);
    expect(offline.dir).toBeUndefined();
    expect(offline.reason).toContain('the cached copy is not usable either: vpn-reconnect.yaml was changed after signing');
  });
});

describe('organisation catalog from an https URL (loopback server)', () => {
  it('downloads manifest, signature and files, then serves the cache when the server is gone', async () => {
    const source = signedSource();
    const server = await serveDir(source.dir);
    const options = { cacheDir: temps.make(), trustedKeys: [source.keys.publicKey] };
    try {
      const first = await syncCatalog(server.url, options);
      expect(first).toMatchObject({ status: 'updated' });
      expect(server.requests).toEqual(['manifest.json', 'manifest.sig', 'scripts/flush.ps1', 'vpn-reconnect.yaml']);
      expect(existsSync(path.join(first.dir ?? '', 'scripts/flush.ps1'))).toBe(true);

      server.requests.length = 0;
      expect(await syncCatalog(server.url, options)).toMatchObject({ status: 'unchanged', dir: first.dir });
      expect(server.requests).toEqual(['manifest.json', 'manifest.sig']);

      // A new signed version whose file was then altered on the server.
      writeFileSync(path.join(source.dir, 'new.yaml'), 'id: acme.new\n');
      source.resign();
      writeFileSync(path.join(source.dir, 'vpn-reconnect.yaml'), 'id: evil\n');
      expect(await syncCatalog(server.url, options)).toMatchObject({ status: 'refused', code: 'file-changed', dir: first.dir });
      expect(existsSync(path.join(first.dir ?? '', 'new.yaml'))).toBe(false);

      // A new version signed with an unknown key is refused before any file is downloaded.
      const stranger = generateCatalogKeyPair();
      signCatalog(source.dir, parsePrivateKey(stranger.privateKeyPem), now);
      server.requests.length = 0;
      expect(await syncCatalog(server.url, options)).toMatchObject({ status: 'refused', code: 'bad-signature', dir: first.dir });
      expect(server.requests).toEqual(['manifest.json', 'manifest.sig']);

      await server.close();
      expect(await syncCatalog(server.url, options)).toMatchObject({ status: 'offline', code: 'unreachable', dir: first.dir });
    } finally {
      await server.close().catch(() => undefined);
    }
  });

  it('refuses a signed manifest whose entries escape the catalog without requesting them', async () => {
    const keys = generateCatalogKeyPair();
    const dir = temps.copyFixture();
    const privateKey = parsePrivateKey(keys.privateKeyPem);
    const manifest = signCatalog(dir, privateKey, now);
    manifest.files['../../secrets.txt'] = 'b'.repeat(64);
    const { sign } = await import('node:crypto');
    const bytes = Buffer.from(JSON.stringify(manifest));
    writeFileSync(path.join(dir, 'manifest.json'), bytes);
    writeFileSync(path.join(dir, 'manifest.sig'), sign(null, bytes, privateKey).toString('base64'));
    const server = await serveDir(dir);
    try {
      const result = await syncCatalog(server.url, { cacheDir: temps.make(), trustedKeys: [keys.publicKey] });
      expect(result).toMatchObject({ status: 'refused', code: 'path-traversal' });
      expect(server.requests).toEqual(['manifest.json', 'manifest.sig']);
    } finally {
      await server.close();
    }
  });

  it('lists the built-in catalog first, then usable organisation catalogs', async () => {
    const source = signedSource();
    const { publicKey } = generateCatalogKeyPair();
    const set = await syncCatalogs('/opt/firstline/troubleshooters', [source.dir, temps.copyFixture()], { cacheDir: temps.make(), trustedKeys: [source.keys.publicKey, publicKey] });
    expect(set.results.map((r) => r.status)).toEqual(['updated', 'refused']);
    expect(set.dirs).toEqual(['/opt/firstline/troubleshooters', set.results[0]?.dir]);
  });
});

describe('a verified copy that does not lint', () => {
  it('is refused with the lint errors, the last good copy stays, and an unchanged copy is not linted again', async () => {
    const source = signedSource();
    const cacheDir = temps.make();
    const linted: string[] = [];
    const answer: { problem?: string } = {};
    const options = {
      cacheDir,
      trustedKeys: [source.keys.publicKey],
      lint: (dir: string) => {
        linted.push(dir);
        return Promise.resolve(answer.problem);
      },
    };
    const first = await syncCatalog(source.dir, options);
    expect(first).toMatchObject({ status: 'updated' });
    expect(linted).toHaveLength(1);
    const good = readFileSync(path.join(first.dir ?? '', 'vpn-reconnect.yaml'), 'utf8');

    expect(await syncCatalog(source.dir, options)).toMatchObject({ status: 'unchanged' });
    expect(linted).toHaveLength(1);

    // A correctly signed new version with an error in it.
    writeFileSync(path.join(source.dir, 'vpn-reconnect.yaml'), good.replace('type: info', 'type: infoo'));
    source.resign();
    const problem = '1 lint error(s): vpn-reconnect.yaml:17:11: error: unknown step type';
    answer.problem = problem;
    const refused = await syncCatalog(source.dir, options);
    expect(refused).toMatchObject({ status: 'refused', code: 'lint-errors', dir: first.dir });
    expect(refused.reason).toBe(`${problem}; using the last good copy`);
    expect(readFileSync(path.join(first.dir ?? '', 'vpn-reconnect.yaml'), 'utf8')).toBe(good);
    expect(readdirSync(path.dirname(first.dir ?? '')).filter((n) => n.startsWith('staging-'))).toEqual([]);
  });

  it('is refused without a copy to fall back on when it is the first one', async () => {
    const source = signedSource();
    const result = await syncCatalog(source.dir, { cacheDir: temps.make(), trustedKeys: [source.keys.publicKey], lint: () => Promise.resolve('2 lint error(s)') });
    expect(result).toMatchObject({ status: 'refused', code: 'lint-errors' });
    expect(result.dir).toBeUndefined();
    expect(result.reason).toContain('no cached copy yet');
  });
});
