/**
 * At startup the app imports machine-delivered helpdesk credentials into its SecretStore and logs
 * which ones, never their values (reference/ticket-apis.md "Where credentials live").
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testAppDefaults } from '../../support/app-defaults.ts';
import { createFirstline } from '../../../app/compose.ts';
import { createLogger } from '../../../core/log.ts';
import { createFileSecretStore } from '../../../core/secrets/secret-store.ts';

const catalogDir = path.resolve(import.meta.dirname, '../../fixtures/app-catalog');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(mode: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'fl-secret-provision-'));
  dirs.push(dir);
  const etc = path.join(dir, 'etc-firstline');
  mkdirSync(etc);
  chmodSync(etc, 0o755);
  const linuxFile = path.join(etc, 'secrets.json');
  writeFileSync(linuxFile, JSON.stringify({ 'topdesk-api': 'svc-firstline:s3cr3t-value' }));
  chmodSync(linuxFile, mode);
  const lines: string[] = [];
  const dataDir = path.join(dir, 'data');
  const app = await createFirstline({
    ...testAppDefaults(dir),
    dataDir,
    catalogDir,
    locale: 'en-GB',
    platform: 'linux',
    log: createLogger({ redact: (s) => s, echo: (line) => lines.push(line) }),
    env: { PATH: process.env.PATH, FIRSTLINE_POLICY_FILE: path.join(dir, 'no-policy.json') },
    machineSecrets: { linuxFile, trustedUid: process.getuid?.() ?? 0 },
  });
  await app.dispose();
  return { lines, linuxFile, store: createFileSecretStore(path.join(dataDir, 'secrets.json')) };
}

describe('helpdesk credentials from machine policy', () => {
  it('are imported into the app secret store at startup; the log names them without the value', async () => {
    const { lines, store } = await start(0o644);
    expect(await store.get('topdesk-api')).toBe('svc-firstline:s3cr3t-value');
    expect(lines.some((l) => l.includes('helpdesk credentials imported') && l.includes('topdesk-api'))).toBe(true);
    expect(lines.join('\n')).not.toContain('s3cr3t');
  });

  it('are refused from a world-writable file, with a warning in the log', async () => {
    const { lines, store, linuxFile } = await start(0o666);
    expect(await store.names()).toEqual([]);
    expect(lines.some((l) => l.includes('"warn"') && l.includes(`refused ${linuxFile}`))).toBe(true);
    expect(lines.join('\n')).not.toContain('s3cr3t');
  });
});
