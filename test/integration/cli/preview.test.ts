/**
 * `firstline preview`: the browser host with an admin's policy and catalog, data in a temp folder,
 * secrets read from the store `secret set --data-dir` writes (live). Started on port 0, checked
 * through HTTP on 127.0.0.1 the way the window's bridge calls it, then stopped.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewCommand } from '../../../cli/commands/preview.ts';
import { secretCommand } from '../../../cli/commands/secret.ts';
import { createLogger } from '../../../core/log.ts';
import { startPreview, type Preview } from '../../../host/preview.ts';
import { captureIo } from '../../unit/cli/helpers.ts';

let work = '';
let policy = '';
const orgCatalog = 'test/fixtures/catalog/org-catalog';
const quiet = createLogger({ redact: (t) => t, level: 'error', echo: () => undefined });

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'fl-preview-test-'));
  policy = path.join(work, 'policy.json');
  writeFileSync(policy, JSON.stringify({ support: { name: 'Acme Servicedesk', email: 'it@acme.example' }, disabledTroubleshooters: ['network'], defaultLanguage: 'nl' }));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function invoke(preview: Pick<Preview, 'origin' | 'token'>, channel: string, args: unknown): Promise<{ ok: boolean; value?: unknown }> {
  const res = await fetch(`${preview.origin}/__firstline/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: preview.origin, 'x-firstline-token': preview.token },
    body: JSON.stringify({ channel, args }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { ok: boolean; value?: unknown };
}

describe('firstline preview', () => {
  it('serves the catalog and policy an employee would get, keeps data in a temp folder and reads secrets live', async () => {
    const preview = await startPreview({ policyFile: policy, catalogDirs: [orgCatalog], port: 0, log: quiet, say: () => undefined });
    try {
      expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
      expect(preview.dataDir.startsWith(tmpdir())).toBe(true);
      const list = await invoke(preview, 'catalog:list', { lang: 'en' });
      const ids = (list.value as { id: string }[]).map((t) => t.id);
      expect(ids).toContain('acme-vpn-reconnect'); // the admin's catalog, through catalog sync
      expect(ids).toContain('printer-queue'); // the built-in catalog next to it
      expect(ids).not.toContain('network'); // disabledTroubleshooters applied
      const about = (await invoke(preview, 'policy:about', {})).value as { settings: { key: string; value: string; source: string }[] };
      expect(about.settings.find((s) => s.key === 'support')?.value).toContain('Acme Servicedesk');
      expect(about.settings.find((s) => s.key === 'defaultLanguage')).toMatchObject({ value: '"nl"', source: 'file' });
      // A credential stored after the start is seen by the app's store without a restart.
      expect(await preview.secrets.get('webhook')).toBeUndefined();
      expect(await secretCommand(['set', 'webhook', '--data-dir', preview.dataDir], captureIo().io, { readStdin: () => Promise.resolve('bearer-1') })).toBe(0);
      expect(await preview.secrets.get('webhook')).toBe('bearer-1');
    } finally {
      await preview.close();
    }
    await expect(fetch(`${preview.origin}/`)).rejects.toThrow();
  }, 60_000);

  it('the command prints URL and data folder, serves, and stops', async () => {
    const c = captureIo();
    const dataDir = path.join(work, 'data');
    let served: string[] = [];
    const code = await previewCommand(['--policy', policy, '--catalog', orgCatalog, '--data-dir', dataDir, '--port', '0'], c.io, {
      untilStopped: async (stop) => {
        const url = new URL(/Firstline preview: (\S+)/.exec(c.stdout())?.[1] ?? '');
        const list = await invoke({ origin: url.origin, token: url.searchParams.get('token') ?? '' }, 'catalog:list', { lang: 'nl' });
        served = (list.value as { id: string }[]).map((t) => t.id);
        await stop();
      },
    });
    expect(code).toBe(0);
    expect(served).toContain('acme-vpn-reconnect');
    expect(c.stdout()).toContain(`Data folder: ${dataDir}`);
    expect(c.stdout()).toContain(`secret set <name> --data-dir ${dataDir}`);
    expect(existsSync(path.join(dataDir, 'preview-policy.json'))).toBe(true);
  }, 60_000);

  it('refuses a policy file that does not exist', async () => {
    const c = captureIo();
    expect(await previewCommand(['--policy', path.join(work, 'nope.json')], c.io)).toBe(2);
    expect(c.stderr()).toContain('does not exist');
  });
});
