/**
 * Outage feed and the admin's About view through the app's contract handlers: the feed comes
 * from a loopback server named in policy; "I'm affected too" is recorded once and never
 * becomes a ticket; the About view names the source of each setting and the invalid keys.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAppDefaults } from '../../support/app-defaults.ts';
import { createFirstline, type Firstline } from '../../../app/compose.ts';
import { createDispatcher, type Dispatch } from '../../../app/dispatcher.ts';
import { createLogger } from '../../../core/log.ts';

const catalogDir = path.resolve(import.meta.dirname, '../../fixtures/app-catalog');
let server: http.Server;
let dir: string;
let app: Firstline;
let dispatch: Dispatch;
const feedRequests: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    feedRequests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json', etag: '"v1"' });
    res.end(
      JSON.stringify({
        version: 1,
        outages: [
          {
            id: 'teams-2026-11-24',
            title: { en: 'Teams is down', nl: 'Teams ligt plat' },
            message: { en: 'IT is on it; no ticket needed.', nl: 'IT werkt eraan; u hoeft geen ticket te maken.' },
            affects: { categories: ['testing'] },
            startsAt: '2020-01-01T00:00:00Z',
            severity: 'major',
          },
        ],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  dir = mkdtempSync(path.join(tmpdir(), 'fl-outage-'));
  const policyFile = path.join(dir, 'policy.json');
  writeFileSync(policyFile, JSON.stringify({ outageFeedUrl: `http://127.0.0.1:${port}/feed.json`, defaultLanguage: 'klingon', tileOrder: ['label-file'] }));
  const log = createLogger({ redact: (s) => s });
  app = await createFirstline({
    ...testAppDefaults(dir),
    dataDir: path.join(dir, 'data'),
    catalogDir,
    locale: 'en-GB',
    log,
    env: { PATH: process.env.PATH, FIRSTLINE_POLICY_FILE: policyFile },
  });
  dispatch = createDispatcher(app.handlers, log);
});

afterAll(async () => {
  await app.dispose();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

const trusted = { trusted: true };

describe('outage feed in the app', () => {
  it('shows the active outage on Home and on the troubleshooters it affects, in the employee language', async () => {
    await expect
      .poll(async () => dispatch('outage:list', { lang: 'nl' }, trusted), { timeout: 10_000 })
      .toMatchObject({
        ok: true,
        value: [{ id: 'teams-2026-11-24', title: 'Teams ligt plat', severity: 'major', affected: false }],
      });
    await expect(dispatch('outage:for', { troubleshooterId: 'label-file', lang: 'en' }, trusted)).resolves.toMatchObject({
      ok: true,
      value: [{ id: 'teams-2026-11-24', title: 'Teams is down' }],
    });
    expect(feedRequests).toContain('/feed.json');
  });

  it('records "I\'m affected too" once and creates no ticket', async () => {
    await expect.poll(async () => ((await dispatch('outage:list', { lang: 'en' }, trusted)) as { value: unknown[] }).value.length).toBe(1);
    await expect(dispatch('outage:affected', { outageId: 'teams-2026-11-24' }, trusted)).resolves.toMatchObject({ ok: true, value: { alreadyMarked: false } });
    await expect(dispatch('outage:affected', { outageId: 'teams-2026-11-24' }, trusted)).resolves.toMatchObject({ ok: true, value: { alreadyMarked: true } });
    await expect(dispatch('outage:affected', { outageId: 'made-up' }, trusted)).resolves.toMatchObject({ ok: true, value: { error: 'unknown-outage' } });
    await expect(dispatch('outage:list', { lang: 'en' }, trusted)).resolves.toMatchObject({ ok: true, value: [{ affected: true }] });
    await expect(dispatch('ticket:list', {}, trusted)).resolves.toEqual({ ok: true, value: [] });
  });
});

describe('About view for admins', () => {
  it('names the source of each setting and reports the invalid key without refusing to start', async () => {
    const about = (await dispatch('policy:about', {}, trusted)) as { ok: true; value: { settings: Array<{ key: string; source: string }>; issues: Array<{ key: string; source: string }> } };
    expect(about.ok).toBe(true);
    expect(about.value.settings.find((s) => s.key === 'outageFeedUrl')).toMatchObject({ source: 'file' });
    expect(about.value.settings.find((s) => s.key === 'tileOrder')).toMatchObject({ source: 'file' });
    expect(about.value.settings.find((s) => s.key === 'defaultLanguage')).toMatchObject({ source: 'default' });
    expect(about.value.issues).toContainEqual(expect.objectContaining({ key: 'defaultLanguage', source: 'file' }));
    await expect(dispatch('app:info', {}, trusted)).resolves.toMatchObject({ ok: true, value: { lang: 'en' } });
  });
});
