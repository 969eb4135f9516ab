/**
 * Probing through the proxy the employee's apps use (issue #12: with a dead proxy configured the
 * diagnosis said "works" while every page failed, because it probed directly). The route for a
 * URL comes from the proxy read-out of each OS (state.ts `ProxyState`): per-scheme entries
 * (`http=host:port;https=host:port`, WinINET), one entry for all (`host:port`), environment
 * variables (Linux: http_proxy / https_proxy / all_proxy, with no_proxy). A PAC script is not
 * evaluated (that would run the network's JavaScript); such probes go direct and say so.
 *
 * A failure at the proxy hop — cannot connect to it, 407 (sign-in required), 403/5xx answered to
 * CONNECT — is marked `proxyFault`, so the diagnosis can name `proxy-blocking`.
 *
 * node:http, node:https and node:tls come from web-modules.ts: loaded when a diagnosis first runs,
 * not when the action registry loads (the app's cold start, issue #17).
 */
import type { IncomingMessage } from 'node:http';
import type { ProxyState } from './state.ts';
import { TimeoutError } from '../../util/within.ts';
import { webModules } from './web-modules.ts';

export class ProxyFault extends Error {}

/** host:port of the proxy for this URL, or undefined to go direct. */
export function proxyFor(target: URL, state: ProxyState | undefined): URL | undefined {
  if (!state?.configured || loopback(target) || bypassed(target, state.bypass ?? [])) return undefined;
  const scheme = target.protocol.replace(':', '');
  const entries = state.servers.filter((s) => !s.startsWith('pac:'));
  const tagged = (name: string) => entries.find((e) => e.toLowerCase().startsWith(`${name}=`))?.slice(name.length + 1);
  const fromRoutes = state.routes?.[scheme as 'http' | 'https'];
  const raw = state.routes ? fromRoutes : (tagged(scheme) ?? entries.find((e) => !/^[a-z]+=/i.test(e)));
  if (!raw) return undefined;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Browsers and Chromium-based apps (Teams) never send loopback through a proxy. */
function loopback(target: URL): boolean {
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** no_proxy / ProxyOverride / ExceptionsList: `*`, `.suffix`, `suffix`, `*.suffix`, `host:port`, `<local>`. */
export function bypassed(target: URL, list: readonly string[]): boolean {
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  return list.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (!entry) return false;
    if (entry === '*') return true;
    if (entry === '<local>') return !host.includes('.');
    const [name, entryPort] = entry.startsWith('[') ? [entry.slice(1, entry.indexOf(']')), entry.split(']:')[1]] : (entry.split(':') as [string, string | undefined]);
    if (entryPort !== undefined && entryPort !== port) return false;
    const suffix = name.replace(/^\*?\./, '').replace(/^\*/, '');
    return host === suffix || host.endsWith(`.${suffix}`);
  });
}

export type Fetched = { status: number; body: string };

/** Status and the first 4 KiB of the body (enough to tell a captive portal's login page from the real answer). */
export function collect(res: IncomingMessage, resolve: (f: Fetched) => void): void {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    body += chunk;
    if (body.length >= 4096) res.destroy();
  });
  const done = () => resolve({ status: res.statusCode ?? 0, body: body.slice(0, 4096) });
  res.once('end', done);
  res.once('close', done);
}

const proxyName = (proxy: URL) => proxy.host;

/** GET `url` through `proxy` (absolute-form for http, CONNECT for https). Proxy-hop failures throw ProxyFault. */
export async function fetchViaProxy(url: string, proxy: URL, timeoutMs: number, signal: AbortSignal): Promise<Fetched> {
  const target = new URL(url);
  const { http, https, tls } = await webModules();
  const [httpRequest, httpsRequest, tlsConnect] = [http.request, https.request, tls.connect];
  const headers = { 'user-agent': 'Firstline network check' };
  return new Promise((resolve, reject) => {
    const fault = (message: string) => reject(new ProxyFault(`proxy ${proxyName(proxy)}: ${message}`));
    if (target.protocol === 'http:') {
      const req = httpRequest(
        { host: proxy.hostname, port: Number(proxy.port || 80), method: 'GET', path: target.href, headers: { ...headers, host: target.host }, timeout: timeoutMs, signal },
        (res) => {
          if (res.statusCode === 407) {
            res.resume();
            return fault('sign-in required (HTTP 407)');
          }
          collect(res, resolve);
        },
      );
      req.on('timeout', () => req.destroy(new TimeoutError(timeoutMs)));
      req.on('error', (error: NodeJS.ErrnoException) =>
        error instanceof TimeoutError
          ? reject(error)
          : error.code && ['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'].includes(error.code)
            ? fault(error.code)
            : reject(error),
      );
      req.end();
      return;
    }
    const port = target.port || '443';
    const req = httpRequest({
      host: proxy.hostname,
      port: Number(proxy.port || 80),
      method: 'CONNECT',
      path: `${target.hostname}:${port}`,
      headers: { host: `${target.hostname}:${port}` },
      timeout: timeoutMs,
      signal,
    });
    req.on('connect', (res, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        return fault(`CONNECT answered HTTP ${res.statusCode ?? 0}`);
      }
      const tls = tlsConnect({ socket, servername: target.hostname });
      const inner = httpsRequest(target, { method: 'GET', headers, createConnection: () => tls, timeout: timeoutMs, signal }, (r) => collect(r, resolve));
      inner.on('timeout', () => inner.destroy(new TimeoutError(timeoutMs)));
      inner.on('error', reject);
      inner.end();
    });
    req.on('timeout', () => req.destroy(new TimeoutError(timeoutMs)));
    req.on('error', (error: NodeJS.ErrnoException) => (error instanceof TimeoutError ? reject(error) : fault(error.code ?? error.message)));
    req.end();
  });
}
