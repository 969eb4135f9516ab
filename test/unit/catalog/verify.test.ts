import { sign } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateCatalogKeyPair, parsePrivateKey } from '../../../core/catalog/keys.ts';
import { signCatalog, verifyCatalogDir } from '../../../core/catalog/manifest.ts';
import { tempDirs } from './helpers.ts';

const temps = tempDirs();
afterEach(() => temps.cleanup());
const now = new Date('2026-11-24T10:00:00Z');

function signedCopy() {
  const keys = generateCatalogKeyPair();
  const dir = temps.copyFixture();
  signCatalog(dir, parsePrivateKey(keys.privateKeyPem), now);
  return { dir, keys };
}

describe('catalog signature', () => {
  it('accepts a catalog signed with a trusted key and lists its files', () => {
    const { dir, keys } = signedCopy();
    expect(verifyCatalogDir(dir, [keys.publicKey])).toEqual({ ok: true, signed: true, files: ['scripts/flush.ps1', 'vpn-reconnect.yaml'], ignored: [] });
  });

  it('accepts the public key in PEM form too', () => {
    const { dir, keys } = signedCopy();
    const pem = `-----BEGIN PUBLIC KEY-----\n${keys.publicKey}\n-----END PUBLIC KEY-----\n`;
    expect(verifyCatalogDir(dir, [pem]).ok).toBe(true);
  });

  it('refuses an unsigned catalog when policy names signing keys, and accepts it when it does not', () => {
    const dir = temps.copyFixture();
    const { publicKey } = generateCatalogKeyPair();
    expect(verifyCatalogDir(dir, [publicKey])).toMatchObject({ ok: false, code: 'unsigned' });
    expect(verifyCatalogDir(dir, [])).toMatchObject({ ok: true, signed: false });
  });

  it('refuses a catalog signed with another key', () => {
    const { dir } = signedCopy();
    const other = generateCatalogKeyPair();
    expect(verifyCatalogDir(dir, [other.publicKey])).toMatchObject({ ok: false, code: 'bad-signature', reason: expect.stringContaining('another key') });
  });

  it('refuses a manifest edited after signing', () => {
    const { dir, keys } = signedCopy();
    const manifestPath = path.join(dir, 'manifest.json');
    writeFileSync(manifestPath, readFileSync(manifestPath, 'utf8').replace('"version": 1', '"version":1'));
    expect(verifyCatalogDir(dir, [keys.publicKey])).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  it('refuses a changed, an added and a removed file, naming the file', () => {
    const changed = signedCopy();
    writeFileSync(path.join(changed.dir, 'scripts/flush.ps1'), 'Remove-Item -Recurse C:\\\n');
    expect(verifyCatalogDir(changed.dir, [changed.keys.publicKey])).toEqual({ ok: false, code: 'file-changed', reason: 'scripts/flush.ps1 was changed after signing' });

    const added = signedCopy();
    writeFileSync(path.join(added.dir, 'extra.yaml'), 'id: extra\n');
    expect(verifyCatalogDir(added.dir, [added.keys.publicKey])).toEqual({ ok: false, code: 'file-added', reason: 'extra.yaml is not listed in the manifest (added after signing)' });

    const removed = signedCopy();
    rmSync(path.join(removed.dir, 'vpn-reconnect.yaml'));
    expect(verifyCatalogDir(removed.dir, [removed.keys.publicKey])).toEqual({ ok: false, code: 'file-missing', reason: 'vpn-reconnect.yaml is listed in the manifest but missing' });
  });

  it('still detects tampering through the manifest hashes when no keys are configured', () => {
    const { dir } = signedCopy();
    writeFileSync(path.join(dir, 'vpn-reconnect.yaml'), 'id: evil\n');
    expect(verifyCatalogDir(dir, [])).toMatchObject({ ok: false, code: 'file-changed' });
  });

  it('refuses manifest entries that point outside the catalog, even when properly signed', () => {
    for (const entry of ['../outside.yaml', '/etc/passwd', 'C:/Windows/win.ini', 'a/../../b', 'scripts\\..\\..\\x']) {
      const keys = generateCatalogKeyPair();
      const dir = temps.copyFixture();
      const manifest = signCatalog(dir, parsePrivateKey(keys.privateKeyPem), now);
      // Re-sign a manifest with a hostile entry, as a compromised build step might.
      manifest.files[entry] = 'a'.repeat(64);
      const bytes = Buffer.from(JSON.stringify(manifest));
      writeFileSync(path.join(dir, 'manifest.json'), bytes);
      writeFileSync(path.join(dir, 'manifest.sig'), sign(null, bytes, parsePrivateKey(keys.privateKeyPem)).toString('base64'));
      expect(verifyCatalogDir(dir, [keys.publicKey]), entry).toMatchObject({ ok: false, code: 'path-traversal' });
    }
  });

  it('refuses symbolic links inside a catalog', () => {
    const { dir, keys } = signedCopy();
    mkdirSync(path.join(dir, 'links'));
    symlinkSync('/etc/hostname', path.join(dir, 'links', 'host'));
    expect(verifyCatalogDir(dir, [keys.publicKey])).toMatchObject({ ok: false, code: 'path-traversal', reason: expect.stringContaining('symbolic link') });
  });
});
