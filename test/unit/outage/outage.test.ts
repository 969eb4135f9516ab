import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutageService } from '../../../core/outage/service.ts';

const feedText = readFileSync(path.join(import.meta.dirname, '../../fixtures/outage/feed.json'), 'utf8');
const at = (iso: string) => () => new Date(iso);
const dirs: string[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const dataDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'firstline-outage-'));
  dirs.push(dir);
  return dir;
};

type Seen = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

/** Feed server on 127.0.0.1 honouring If-None-Match, plus a counter endpoint. */
async function feedServer() {
  const state = { etag: '"v1"', body: '', seen: [] as Seen[], counted: 0 };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      state.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url === '/count' && req.method === 'POST') {
        state.counted++;
        res.writeHead(204).end();
      } else if (req.headers['if-none-match'] === state.etag) {
        res.writeHead(304, { etag: state.etag }).end();
      } else {
        res.writeHead(200, { 'content-type': 'application/json', etag: state.etag }).end(state.body);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const base = `http://127.0.0.1:${address.port}`;
  state.body = feedText.replace('http://127.0.0.1:1/replaced-by-the-test', `${base}/count`);
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  closers.push(close);
  return { state, url: `${base}/feed.json`, close };
}

describe('outage feed', () => {
  it('sends If-None-Match with the stored ETag and keeps the feed on 304', async () => {
    const server = await feedServer();
    const service = createOutageService({ url: server.url, dataDir: dataDir(), now: at('2026-11-24T11:00:00Z') });

    expect((await service.refresh()).status).toBe('updated');
    expect(server.state.seen[0]?.headers['if-none-match']).toBeUndefined();

    const second = await service.refresh();
    expect(second.status).toBe('not-modified');
    expect(server.state.seen[1]?.headers['if-none-match']).toBe('"v1"');
    expect(second.feed.outages).toHaveLength(4);

    server.state.etag = '"v2"';
    server.state.body = JSON.stringify({ version: 1, outages: [] });
    expect((await service.refresh()).status).toBe('updated');
    expect(service.active('en')).toEqual([]);
  });

  it('shows only outages active now, most severe first, in the employee language', async () => {
    const server = await feedServer();
    const service = createOutageService({ url: server.url, dataDir: dataDir(), now: at('2026-11-24T11:00:00Z') });
    await service.refresh();
    const active = service.active('nl');
    expect(active.map((o) => o.id)).toEqual(['2026-11-24-teams', '2026-11-24-printer-3rd-floor']);
    expect(active[0]).toMatchObject({ title: 'Teams werkt bij niemand', message: 'IT werkt eraan. Je hoeft geen ticket aan te maken.', severity: 'major', affected: false });
    // German message not provided: English is shown rather than nothing.
    expect(service.active('de')[0]?.message).toBe('IT is on it. No ticket needed.');

    const atNoon = createOutageService({ url: server.url, dataDir: dirs[0] ?? '', now: at('2026-11-24T12:00:00Z') });
    expect(atNoon.active('en').map((o) => o.id)).toEqual(['2026-11-24-teams']);
  });

  it('matches outages to a troubleshooter by id or category', async () => {
    const server = await feedServer();
    const service = createOutageService({ url: server.url, dataDir: dataDir(), now: at('2026-11-24T11:00:00Z') });
    await service.refresh();
    expect(service.forTroubleshooter({ id: 'printer.clear-queue', category: 'printing' }, 'en').map((o) => o.id)).toEqual(['2026-11-24-printer-3rd-floor']);
    expect(service.forTroubleshooter({ id: 'teams.clear-cache', category: 'apps' }, 'en').map((o) => o.id)).toEqual(['2026-11-24-teams']);
    expect(service.forTroubleshooter({ id: 'wifi.reconnect', category: 'network' }, 'en')).toEqual([]);
  });

  it('serves the cached feed when the server is gone or sends garbage', async () => {
    const server = await feedServer();
    const dir = dataDir();
    const service = createOutageService({ url: server.url, dataDir: dir, now: at('2026-11-24T11:00:00Z') });
    await service.refresh();

    server.state.etag = '"broken"';
    server.state.body = '{"version":1,"outages":[{"id":"x"}]}';
    const invalid = await service.refresh();
    expect(invalid).toMatchObject({ status: 'invalid', problem: expect.stringContaining('outages.0.title') });
    expect(invalid.feed.outages).toHaveLength(4);

    await server.close();
    const offline = await service.refresh();
    expect(offline.status).toBe('offline');
    expect(offline.feed.outages).toHaveLength(4);
    expect(service.active('en')).toHaveLength(2);
  });

  it('does nothing when policy sets no feed URL', async () => {
    const service = createOutageService({ url: undefined, dataDir: dataDir() });
    expect(await service.refresh()).toEqual({ status: 'disabled', feed: { version: 1, outages: [] } });
  });
});

describe("I'm affected too", () => {
  it('is recorded locally once, counted once, and never creates a ticket', async () => {
    const server = await feedServer();
    const dir = dataDir();
    const service = createOutageService({ url: server.url, dataDir: dir, now: at('2026-11-24T11:00:00Z') });
    await service.refresh();

    const [first, again] = await Promise.all([service.markAffected('2026-11-24-teams'), service.markAffected('2026-11-24-teams')]);
    expect(first).toEqual({ outageId: '2026-11-24-teams', alreadyMarked: false, counted: true });
    expect(again).toEqual({ outageId: '2026-11-24-teams', alreadyMarked: true, counted: true });
    expect(server.state.counted).toBe(1);
    expect(server.state.seen.find((s) => s.url === '/count')?.body).toBe('{"outageId":"2026-11-24-teams"}');
    // Only the feed and the counter were contacted: no ticket endpoint exists to call.
    expect(new Set(server.state.seen.map((s) => s.url))).toEqual(new Set(['/feed.json', '/count']));

    const restarted = createOutageService({ url: server.url, dataDir: dir, now: at('2026-11-24T11:30:00Z') });
    expect(restarted.active('en')[0]).toMatchObject({ id: '2026-11-24-teams', affected: true });
    expect(await restarted.markAffected('2026-11-24-teams')).toMatchObject({ alreadyMarked: true });
    expect(server.state.counted).toBe(1);
  });

  it('records outages without a counter locally only, and refuses unknown or ended outages', async () => {
    const server = await feedServer();
    const service = createOutageService({ url: server.url, dataDir: dataDir(), now: at('2026-11-24T11:00:00Z') });
    await service.refresh();
    expect(await service.markAffected('2026-11-24-printer-3rd-floor')).toEqual({ outageId: '2026-11-24-printer-3rd-floor', alreadyMarked: false, counted: false });
    expect(await service.markAffected('2026-11-23-vpn')).toEqual({ error: 'unknown-outage' });
    expect(await service.markAffected('no-such-outage')).toEqual({ error: 'unknown-outage' });
    expect(server.state.counted).toBe(0);
  });
});

describe('contract shapes', () => {
  it('describe what the service returns', async () => {
    const { shownOutageSchema, markAffectedResultSchema } = await import('../../../core/outage/schemas.ts');
    const server = await feedServer();
    const service = createOutageService({ url: server.url, dataDir: dataDir(), now: at('2026-11-24T11:00:00Z') });
    await service.refresh();
    for (const outage of service.active('fr')) expect(shownOutageSchema.strict().parse(outage)).toEqual(outage);
    expect(markAffectedResultSchema.parse(await service.markAffected('2026-11-24-printer-3rd-floor'))).toMatchObject({ alreadyMarked: false });
    expect(markAffectedResultSchema.parse(await service.markAffected('nope'))).toEqual({ error: 'unknown-outage' });
  });
});
