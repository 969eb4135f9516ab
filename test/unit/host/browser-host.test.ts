import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../app/handlers.ts';
import { createRunManager } from '../../../app/runs.ts';
import { createRunHistory } from '../../../app/history.ts';
import { createSettingsService } from '../../../app/settings.ts';
import type { ArticleDesk } from '../../../app/articles.ts';
import type { TicketDesk } from '../../../app/tickets.ts';
import type { LinkOpeners } from '../../../app/links.ts';
import { createLogger } from '../../../core/log.ts';
import type { OutageService } from '../../../core/outage/service.ts';
import { bridgeTag, maxBody, startBrowserHost, type BrowserHost } from '../../../host/server.ts';

let host: BrowserHost;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fl-host-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>t</title><script type="module" src="./app.js"></script></head><body></body></html>');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fl-host-data-'));
  const settings = await createSettingsService({ dataDir, catalogSources: [] });
  const history = await createRunHistory({ dataDir });
  host = await startBrowserHost({
    rendererDir: dir,
    log: createLogger({ redact: (s) => s }),
    createHandlers: (emit) =>
      createHandlers({
        info: () => ({ name: 'Firstline', version: '1', platform: 'linux', host: 'browser-host', lang: 'en', supportContact: {} }),
        catalog: { list: () => [], has: () => false },
        runs: createRunManager({ startRun: async function* () {}, exists: () => false, emit }),
        settings,
        history,
        // These tests are about the transport; no ticket channel is called.
        tickets: {} as TicketDesk,
        outages: {} as OutageService,
        links: {} as LinkOpeners,
        policyAbout: () => ({ settings: [], issues: [] }),
        articles: {} as ArticleDesk,
        searchMissed: () => Promise.resolve({ ok: true }),
      }),
  });
});
afterAll(() => host.close());

/** Raw request so Host/Origin headers can be forged like an attacker would. */
function request(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const invoke = (headers: Record<string, string>) =>
  request({ path: '/__firstline/invoke', method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ channel: 'app:info', args: {} }) });

/** A raw POST to the invoke endpoint with a given body and content type (own origin, right token). */
const post = (body: string | Buffer, contentType = 'application/json') =>
  new Promise<{ status: number } | { error: string }>((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: '/__firstline/invoke', method: 'POST', headers: { origin: host.origin, 'x-firstline-token': host.token, 'content-type': contentType } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      },
    );
    req.on('error', (error) => resolve({ error: (error as NodeJS.ErrnoException).code ?? String(error) }));
    req.end(body);
  });

describe('browser host request bodies (#11)', () => {
  it('answers 400 to a JSON body that is not an object (null, a number, an array)', async () => {
    for (const body of ['null', '42', '[]', '"app:info"']) expect(await post(body), body).toEqual({ status: 400 });
  });

  it('answers 413 to a body over the limit instead of resetting the connection', async () => {
    expect(await post(Buffer.alloc(maxBody + 10, 0x20))).toEqual({ status: 413 });
  });

  it('answers 415 to a content type that only starts like JSON', async () => {
    for (const type of ['application/jsonfoo', 'application/json-patch+json', 'text/plain']) expect(await post('{"channel":"app:info","args":{}}', type), type).toEqual({ status: 415 });
    expect(await post('{"channel":"app:info","args":{}}', 'application/json; charset=utf-8')).toEqual({ status: 200 });
  });
});

describe('browser host', () => {
  it('listens on loopback only, on a random port, with a long random token', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.port).toBeGreaterThan(0);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a contract call carrying the token from its own origin', async () => {
    const res = await invoke({ origin: host.origin, 'x-firstline-token': host.token });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: 'Firstline', host: 'browser-host' } });
  });

  it('refuses calls without the token, with a wrong token, from a foreign origin or for a foreign host', async () => {
    expect((await invoke({ origin: host.origin })).status).toBe(403);
    expect((await invoke({ origin: host.origin, 'x-firstline-token': host.token.slice(1) + 'x' })).status).toBe(403);
    expect((await invoke({ origin: 'https://evil.test', 'x-firstline-token': host.token })).status).toBe(403);
    expect((await invoke({ 'x-firstline-token': host.token })).status).toBe(403);
    expect((await invoke({ origin: host.origin, 'x-firstline-token': host.token, host: 'evil.test' })).status).toBe(403);
    expect((await invoke({ origin: host.origin, 'x-firstline-token': host.token, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('refuses the event stream and the page without the token', async () => {
    expect((await request({ path: '/__firstline/events' })).status).toBe(403);
    expect((await request({ path: '/' })).status).toBe(403);
  });

  it('serves the page with the CSP header and the bridge injected', async () => {
    const res = await request({ path: `/?token=${host.token}` });
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.body).toContain('<head><script defer src="/__firstline/bridge.js"></script>');
  });

  it('injects the bridge before the first module script, so it runs before the renderer does', async () => {
    // Deferred and module scripts run in document order: the bridge must come first.
    const res = await request({ path: `/?token=${host.token}` });
    const html = res.body;
    expect(html.indexOf(bridgeTag)).toBeGreaterThanOrEqual(0);
    expect(html.indexOf(bridgeTag)).toBeLessThan(html.indexOf('<script type="module"'));
  });

  it('does not serve files outside the renderer folder', async () => {
    expect((await request({ path: '/../../etc/passwd' })).status).toBe(404);
    expect((await request({ path: '/%2e%2e/%2e%2e/etc/passwd' })).status).toBe(404);
  });
});
