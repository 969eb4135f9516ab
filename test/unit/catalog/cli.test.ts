import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogCommand } from '../../../cli/commands/catalog.ts';
import { tempDirs } from './helpers.ts';

const temps = tempDirs();
afterEach(() => temps.cleanup());

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('firstline catalog', () => {
  it('keygen, sign and verify round-trip; verify fails after tampering', async () => {
    const keys = temps.make();
    const catalog = temps.copyFixture();
    const c = capture();
    expect(await catalogCommand(['keygen', keys], c.io)).toBe(0);
    const pub = readFileSync(path.join(keys, 'catalog-signing.pub'), 'utf8').trim();
    expect(c.out.join('\n')).toContain(pub);
    expect(statSync(path.join(keys, 'catalog-signing.key')).mode & 0o077).toBe(0);

    expect(await catalogCommand(['sign', catalog, '--key', path.join(keys, 'catalog-signing.key')], c.io)).toBe(0);
    expect(c.out.at(-1)).toContain(`Signed 2 files in ${catalog} with key ${pub}`);

    expect(await catalogCommand(['verify', catalog, '--key', pub], c.io)).toBe(0);
    expect(await catalogCommand(['verify', catalog, '--key', path.join(keys, 'catalog-signing.pub')], c.io)).toBe(0);
    expect(c.out.at(-1)).toBe('OK: 2 files, signature valid');

    writeFileSync(path.join(catalog, 'vpn-reconnect.yaml'), 'id: changed\n');
    expect(await catalogCommand(['verify', catalog, '--key', pub], c.io)).toBe(1);
    expect(c.err.at(-1)).toBe('Refused (file-changed): vpn-reconnect.yaml was changed after signing');
  });

  it('refuses to overwrite an existing signing key', async () => {
    const keys = temps.make();
    const c = capture();
    await catalogCommand(['keygen', keys], c.io);
    const before = readFileSync(path.join(keys, 'catalog-signing.key'), 'utf8');
    expect(await catalogCommand(['keygen', keys], c.io)).toBe(1);
    expect(readFileSync(path.join(keys, 'catalog-signing.key'), 'utf8')).toBe(before);
  });

  it('prints usage for an unknown verb', async () => {
    const c = capture();
    expect(await catalogCommand(['publish', '/tmp/x'], c.io)).toBe(2);
    expect(c.err[0]).toContain('Usage:');
  });

  it('refuses to sign a catalog with a lint error and writes nothing', async () => {
    const keys = temps.make();
    const catalog = temps.copyFixture();
    const c = capture();
    await catalogCommand(['keygen', keys], c.io);
    writeFileSync(path.join(catalog, 'broken.yaml'), 'id: broken\nversion: "1"\nsteps: 3\n');
    expect(await catalogCommand(['sign', catalog, '--key', path.join(keys, 'catalog-signing.key')], c.io)).toBe(1);
    expect(c.err.some((l) => l.startsWith(`${path.join(catalog, 'broken.yaml')}:`) && l.includes(': error: '))).toBe(true);
    expect(c.err.at(-1)).toMatch(/^Not signed: \d+ lint errors? in .*Nothing was written\.$/);
    expect(existsSync(path.join(catalog, 'manifest.json'))).toBe(false);
  });

  it('leaves author tests out of the manifest by default, says so, and verify still accepts the folder', async () => {
    const keys = temps.make();
    const catalog = temps.copyFixture();
    const c = capture();
    await catalogCommand(['keygen', keys], c.io);
    writeFileSync(path.join(catalog, 'vpn-reconnect.test.yaml'), 'tests: []\n');
    expect(await catalogCommand(['sign', catalog, '--key', path.join(keys, 'catalog-signing.key')], c.io)).toBe(0);
    expect(c.out.at(-1)).toBe('Left out 1 author test file (*.test.yaml; the app never reads them): vpn-reconnect.test.yaml. --include-tests signs them too.');
    const manifest = JSON.parse(readFileSync(path.join(catalog, 'manifest.json'), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(manifest.files)).not.toContain('vpn-reconnect.test.yaml');
    expect(await catalogCommand(['verify', catalog, '--key', path.join(keys, 'catalog-signing.pub')], c.io)).toBe(0);
    expect(c.out.at(-1)).toBe('Not in the manifest and ignored by the app: vpn-reconnect.test.yaml');

    expect(await catalogCommand(['sign', catalog, '--key', path.join(keys, 'catalog-signing.key'), '--include-tests'], c.io)).toBe(0);
    const withTests = JSON.parse(readFileSync(path.join(catalog, 'manifest.json'), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(withTests.files)).toContain('vpn-reconnect.test.yaml');
  });

  it('verify needs a key or an explicit --no-key, and --no-key says the signature was not checked', async () => {
    const catalog = temps.copyFixture();
    const c = capture();
    expect(await catalogCommand(['verify', catalog], c.io)).toBe(2);
    expect(c.err.at(-1)).toContain('verify needs the public key(s)');
    expect(await catalogCommand(['verify', catalog, '--no-key'], c.io)).toBe(0);
    expect(c.out.at(-1)).toBe('OK: 2 files, hashes match; the signature was NOT checked (--no-key)');
  });
});
