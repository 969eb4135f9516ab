/**
 * Browser host (development and tests only, never packaged): serves the built renderer and the
 * same contract handlers as the Electron main process, over 127.0.0.1 with a random port and a
 * random token. Only the transport differs from Electron IPC: HTTP POST for invoke, SSE for
 * events. Requests without the token, from another Origin or for another Host are refused.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatcher, checkEvent, type Handlers, type EventSink } from '../app/dispatcher.ts';
import type { Logger } from '../core/log.ts';
import { contentSecurityPolicy } from '../core/security/csp.ts';
import { contentTypeFor, resolveRendererFile } from '../core/security/renderer-path.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
/** A picked screenshot (≤ 5 MB, core/tickets/screenshot.ts) arrives as base64 in JSON: about 6.7 MB; 8 MiB leaves room and no more. */
export const maxBody = 8 * 1024 * 1024;

export type BrowserHost = { url: string; origin: string; token: string; port: number; emit: EventSink; close(): Promise<void> };

export async function startBrowserHost(options: {
  rendererDir: string;
  /** Builds the handlers once the host knows how to emit events. */
  createHandlers(emit: EventSink): Promise<Handlers> | Handlers;
  log: Logger;
  port?: number;
  /**
   * The page's live connection opened (the window is shown) or its last one closed (hidden): the
   * browser host's counterpart of Electron's window show/hide, handed to the app the same way.
   */
  onWindow?(state: 'shown' | 'hidden'): void;
}): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url');
  const clients = new Set<http.ServerResponse>();
  const emit: EventSink = (name, payload) => {
    if (!checkEvent(name, payload, options.log)) return;
    const frame = `data: ${JSON.stringify({ name, payload })}\n\n`;
    for (const client of clients) client.write(frame);
  };
  const dispatch = createDispatcher(await options.createHandlers(emit), options.log);
  const bridge = await readFile(path.join(here, 'bridge-client.js'));

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      options.log.error('host: request failed', { error: String(error) });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const csp = contentSecurityPolicy();

  function tokenMatches(candidate: string | null | undefined): boolean {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS-rebinding guard: only our own loopback host name is served.
    if (req.headers.host !== `127.0.0.1:${port}`) return void res.writeHead(403).end('forbidden host');
    const url = new URL(req.url ?? '/', origin);
    const fromOtherSite = req.headers['sec-fetch-site'] !== undefined && req.headers['sec-fetch-site'] !== 'same-origin';

    if (url.pathname === '/__firstline/invoke') {
      if (req.method !== 'POST') return void res.writeHead(405).end();
      if (req.headers.origin !== origin || fromOtherSite) return void res.writeHead(403).end('forbidden origin');
      if (!tokenMatches(req.headers['x-firstline-token'] as string | undefined)) return void res.writeHead(403).end('forbidden');
      // The media type exactly (parameters such as charset allowed): `application/jsonfoo` is not JSON.
      const mediaType = String(req.headers['content-type'] ?? '')
        .split(';')[0]
        ?.trim()
        .toLowerCase();
      if (mediaType !== 'application/json') return void res.writeHead(415).end();
      const body = await readBody(req);
      if (body === null) return void res.writeHead(413, { connection: 'close' }).end();
      let message: { channel?: unknown; args?: unknown };
      try {
        message = JSON.parse(body) as typeof message;
      } catch {
        return void res.writeHead(400).end();
      }
      if (typeof message !== 'object' || message === null || Array.isArray(message)) return void res.writeHead(400).end();
      const result = await dispatch(typeof message.channel === 'string' ? message.channel : '', message.args, { trusted: true });
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(result));
      return;
    }
    if (url.pathname === '/__firstline/events') {
      if (fromOtherSite || (req.headers.origin !== undefined && req.headers.origin !== origin)) return void res.writeHead(403).end();
      if (!tokenMatches(url.searchParams.get('token'))) return void res.writeHead(403).end('forbidden');
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      if (clients.size === 1) options.onWindow?.('shown');
      req.on('close', () => {
        if (clients.delete(res) && clients.size === 0) options.onWindow?.('hidden');
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    const headers = { 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
    if (url.pathname === '/__firstline/bridge.js') {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' }).end(bridge);
      return;
    }
    const file = resolveRendererFile(options.rendererDir, url.pathname);
    if (!file) return void res.writeHead(404).end();
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return void res.writeHead(404).end();
    }
    if (file.endsWith('index.html')) {
      // The page itself needs the token too: without it the UI would only show errors.
      if (!tokenMatches(url.searchParams.get('token')) && !fromSameOriginNavigation(req)) return void res.writeHead(403).end('forbidden');
      content = Buffer.from(content.toString('utf8').replace('<head>', `<head>${bridgeTag}`));
    }
    res.writeHead(200, { ...headers, 'content-type': contentTypeFor(file) }).end(content);
  }

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    emit,
    close: async () => {
      for (const client of clients) client.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The bridge goes first in <head> and is deferred: deferred and module scripts run in document
 * order once the page is parsed, so window.firstline exists before the renderer's entry module
 * runs, as the preload guarantees in Electron. A plain (parser-blocking) script would halt the
 * parser for a round trip, and because Chromium's preload scanner issues no fetches once it has
 * seen a CSP <meta>, the renderer's scripts would only be requested after the bridge ran (about
 * 100 ms later on a 2-core machine: `npm run bench -- ui`).
 */
export const bridgeTag = '<script defer src="/__firstline/bridge.js"></script>';

/** A reload of the page (token already stripped from the URL by the bridge) is allowed. */
function fromSameOriginNavigation(req: http.IncomingMessage): boolean {
  return req.headers['sec-fetch-site'] === 'same-origin';
}

/**
 * The body as text, or null when it is over the limit. An over-limit body is read to its end and
 * discarded (up to a hard cap) so the client gets its 413 instead of a reset connection.
 */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    if (Number(req.headers['content-length'] ?? 0) > maxBody * 8) {
      resolve(null);
      return;
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody * 8) req.destroy();
      else if (size <= maxBody) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBody ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('close', () => resolve(null));
    req.on('error', reject);
  });
}
