import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSecretStore } from '../../../core/secrets/secret-store.ts';
import type { SecretCipher } from '../../../core/secrets/secret-store.ts';
import { createSystemSnapshot } from '../../../core/tickets/snapshot.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fl-secrets-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('file secret store', () => {
  it('stores values through the cipher, in a 0600 file, and survives a reopen', async () => {
    const file = path.join(dir, 'secrets.json');
    // Stand-in for Electron safeStorage: any reversible transform proves the cipher is used.
    const cipher: SecretCipher = {
      encrypt: (p) => Buffer.from([...Buffer.from(p)].map((b) => b ^ 0x5a)),
      decrypt: (e) => Buffer.from([...e].map((b) => b ^ 0x5a)).toString(),
    };
    const store = createFileSecretStore(file, cipher);
    await store.set('topdesk', 'api:very-secret-pw');
    expect(await readFile(file, 'utf8')).not.toContain('very-secret-pw');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    const reopened = createFileSecretStore(file, cipher);
    expect(await reopened.get('topdesk')).toBe('api:very-secret-pw');
    expect(await reopened.names()).toEqual(['topdesk']);
    await reopened.delete('topdesk');
    expect(await createFileSecretStore(file, cipher).get('topdesk')).toBeUndefined();
  });

  it('treats an unreadable secrets file as empty instead of crashing', async () => {
    const file = path.join(dir, 'secrets.json');
    await writeFile(file, 'not json');
    expect(await createFileSecretStore(file).get('x')).toBeUndefined();
  });
});

describe('system snapshot (systeminformation)', () => {
  it('captures OS, host, user, uptime, disks and network of this machine', async () => {
    const s = await createSystemSnapshot({ probeTimeoutMs: 10_000 }).capture({ printer: false });
    expect(s.os.length).toBeGreaterThan(0);
    expect(s.hostname.length).toBeGreaterThan(0);
    expect(s.uptimeSeconds).toBeGreaterThan(0);
    expect(Array.isArray(s.disks)).toBe(true);
    expect(Array.isArray(s.network)).toBe(true);
    expect(s.defaultPrinter).toBeUndefined();
  }, 30_000);
});
