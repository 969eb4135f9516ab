/**
 * The diagnosis probes. All start at once; each has its own deadline measured from the start,
 * so the diagnosis as a whole never takes longer than the slowest probe's timeout.
 * Node's network modules are imported when a probe runs, not when the action registry loads
 * (the app's cold start, issue #17: node:https with TLS is the largest of them).
 */
import { connect } from 'node:net';
import type { ActionContext } from '../../engine/action.ts';
import type { ExecResult } from '../../engine/ports.ts';
import { runArgv, succeeded } from '../shared/exec.ts';
import { pingCommand } from './commands.ts';
import { expectedExternalText, type NetworkProbesConfig } from './config.ts';
import { NotAvailable, readLocalState, readProxy, readWifi } from './read-state.ts';
import type { LocalState, ProxyState, WifiState } from './state.ts';
import { isLinkLocal } from './state.ts';
import { TimeoutError, within } from '../../util/within.ts';
import { collect, fetchViaProxy, ProxyFault, proxyFor, type Fetched } from './proxy.ts';
import { loadWebModules, webModules } from './web-modules.ts';

/**
 * Ping could not probe at all: it could not be started (EACCES, e.g. a PATH folder the employee may
 * not read) or the OS refused it a socket (iputils without CAP_NET_RAW and a closed ping_group_range:
 * "ping: socket: Operation not permitted"). That says nothing about the router.
 */
export function pingRefused(result: ExecResult): boolean {
  if (result.exitCode === null && !result.timedOut && !result.cancelled && /\bEACCES\b|permission denied/i.test(result.stderr)) return true;
  return result.exitCode !== 0 && /\bsocket\b.*(operation not permitted|permission denied)|lacking privilege/i.test(result.stderr);
}

export const probeIds = ['adapter', 'wifi', 'ip', 'gateway', 'dns', 'internal', 'external', 'proxy'] as const;
export type ProbeId = (typeof probeIds)[number];
export type ProbeStatus = 'pass' | 'fail' | 'timeout' | 'not-available' | 'not-configured';
export type ProbeResult = {
  id: ProbeId;
  status: ProbeStatus;
  detail?: string | undefined;
  durationMs: number;
  /** The proxy the probe went through (the one the employee's apps use for that URL). */
  via?: string | undefined;
  /** The failure was at the proxy hop (cannot reach it, sign-in required, CONNECT refused). */
  proxyFault?: boolean | undefined;
};

export type Probed = {
  probes: ProbeResult[];
  local?: LocalState | undefined;
  wifi?: WifiState | undefined;
  proxy?: ProxyState | undefined;
};

/** Detail of an external probe answered by a different page than expected. */
export const captiveMarker = 'unexpected page';

async function timed(id: ProbeId, ms: number, body: () => Promise<{ status: ProbeStatus; detail?: string | undefined }>): Promise<ProbeResult> {
  const started = performance.now();
  try {
    const outcome = await within(body(), ms);
    return { id, ...outcome, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    const status: ProbeStatus = error instanceof TimeoutError ? 'timeout' : error instanceof NotAvailable ? 'not-available' : 'fail';
    return {
      id,
      status,
      detail: error instanceof Error ? error.message.slice(0, 200) : undefined,
      durationMs: Math.round(performance.now() - started),
      ...(error instanceof ProxyFault ? { proxyFault: true } : {}),
    };
  }
}

export async function resolveName(name: string, servers: readonly string[], timeoutMs: number): Promise<string[]> {
  const { Resolver } = (await webModules()).dns;
  const resolver = new Resolver({ timeout: Math.max(100, timeoutMs - 50), tries: 1 });
  if (servers.length > 0) resolver.setServers([...servers]);
  try {
    return await resolver.resolve4(name);
  } finally {
    resolver.cancel();
  }
}

/** Status and the first few KiB of the body (enough to tell a captive portal's login page from the real answer). */
export async function fetchStatus(url: string, timeoutMs: number, signal: AbortSignal): Promise<Fetched> {
  const target = new URL(url);
  const modules = await webModules();
  const { request: send } = target.protocol === 'https:' ? modules.https : modules.http;
  return new Promise((resolve, reject) => {
    const req = send(target, { method: 'GET', timeout: timeoutMs, signal, headers: { 'user-agent': 'Firstline network check' } }, (res) => collect(res, resolve));
    req.on('timeout', () => req.destroy(new TimeoutError(timeoutMs)));
    req.on('error', reject);
    req.end();
  });
}

/** TCP reachability: a connection or an explicit refusal both prove the host answered. */
export function tcpAnswers(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    const done = (answered: boolean) => (socket.destroy(), resolve(answered));
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'ECONNREFUSED'));
  });
}

export async function runProbes(ctx: ActionContext, config: NetworkProbesConfig): Promise<Probed> {
  const localMs = config.local.timeoutMs;
  const ac = new AbortController();
  const onAbort = () => ac.abort();
  ctx.signal.addEventListener('abort', onAbort, { once: true });

  // Any answer below 500 means the URL is reachable (a login page or 404 still proves the path
  // works) — except when the page must contain a known text and does not: a captive portal.
  // The employee's apps go through the configured proxy, so the probes do too (proxy.ts). The
  // environment read-out (Linux) is instant; elsewhere it is one local command, bounded.
  // Node's network modules are loaded meanwhile (once per process), so no probe waits for them
  // once its clock runs and the requests leave before the local read-outs are spawned.
  const [proxyState] = await Promise.all([within(readProxy(ctx, localMs), localMs).catch(() => undefined), loadWebModules()]);
  const httpProbe = (id: 'internal' | 'external', url: string | undefined, ms: number, expect?: string) => {
    const proxy = url ? proxyFor(new URL(url), proxyState) : undefined;
    const via = proxy ? { via: proxy.host } : {};
    return timed(id, ms, async () => {
      if (!url) return { status: 'not-configured' };
      const { status, body } = proxy ? await fetchViaProxy(url, proxy, ms, ac.signal) : await fetchStatus(url, ms, ac.signal);
      // A proxy answering 502/503/504 itself could not get through; 407 is handled as a proxy fault.
      if (status >= 500) return { status: 'fail', detail: `HTTP ${status}${proxy ? ` via proxy ${proxy.host}` : ''}` };
      if (expect !== undefined && !body.includes(expect)) return { status: 'fail', detail: `${captiveMarker} (HTTP ${status})` };
      return { status: 'pass', detail: `HTTP ${status}` };
    }).then((r) => ({ ...r, ...via }));
  };

  // The slow probes go out on the network first. Spawning the local read-outs (ip, nmcli, netsh…)
  // blocks the event loop for a few ms each; started first, they delayed the requests and so the
  // whole diagnosis (npm run bench, same machine and load: total / slowest probe 1.04–1.05 → 1.01).
  const dns = timed('dns', config.dns.timeoutMs, async () => {
    const addresses = await resolveName(config.dns.name, config.dns.servers, config.dns.timeoutMs);
    return { status: addresses.length > 0 ? 'pass' : 'fail', detail: `${config.dns.name} → ${addresses.join(', ')}` };
  });
  const internal = httpProbe('internal', config.internalUrl.url, config.internalUrl.timeoutMs);
  const external = httpProbe('external', config.externalUrl.url, config.externalUrl.timeoutMs, expectedExternalText(config));
  // Let the requests reach their sockets before the synchronous spawns start.
  await new Promise((resolve) => setImmediate(resolve));

  // Snapshots of the read-outs that settled in time; a hung command must not delay the answer.
  const seen: Omit<Probed, 'probes'> = {};
  const local = readLocalState(ctx, localMs);
  local.then(
    (v) => (seen.local = v),
    () => undefined,
  );
  const wifi = readWifi(ctx, localMs);
  wifi.then(
    (v) => (seen.wifi = v),
    () => undefined,
  );
  if (proxyState) seen.proxy = proxyState;

  try {
    const probes = await Promise.all([
      timed('adapter', localMs, async () => {
        const state = await local;
        const up = state.adapters.filter((a) => a.up);
        return { status: up.length > 0 ? 'pass' : 'fail', detail: up.map((a) => a.name).join(', ') || 'no adapter up' };
      }),
      timed('wifi', localMs, async () => {
        const state = await wifi;
        if (!state.available) return { status: 'not-available', detail: state.reason };
        return { status: state.associated ? 'pass' : 'fail', detail: state.associated ? state.ssid : 'not associated' };
      }),
      timed('ip', localMs, async () => {
        const addresses = (await local).adapters.filter((a) => a.up).flatMap((a) => a.ipv4);
        const routable = addresses.filter((ip) => !isLinkLocal(ip));
        if (routable.length > 0) return { status: 'pass', detail: routable.join(', ') };
        return { status: 'fail', detail: addresses.length > 0 ? `self-assigned ${addresses.join(', ')}` : 'no IPv4 address' };
      }),
      timed('gateway', config.gateway.timeoutMs, async () => {
        const state = await local;
        const host = config.gateway.host ?? state.gateway;
        // A VPN tunnel as default route has no gateway to ping; the DNS and URL probes judge it.
        if (!host && state.gatewaylessDefaultVia) return { status: 'not-available', detail: `default route via ${state.gatewaylessDefaultVia}, no gateway` };
        if (!host) return { status: 'fail', detail: 'no default gateway' };
        const ping = pingCommand(ctx.platform, host, config.gateway.timeoutMs);
        const result = await runArgv(ctx, ping.file, ping.args, { timeoutMs: config.gateway.timeoutMs });
        if (!result.notFound && !pingRefused(result)) return { status: succeeded(result) ? 'pass' : 'fail', detail: `ping ${host}` };
        // No ping binary (minimal images), or ping may not be run or may not open its socket for this
        // user: fall back to a TCP knock on a port routers usually serve, instead of blaming the router.
        const answered = await tcpAnswers(host, config.gateway.tcpPort, config.gateway.timeoutMs);
        return { status: answered ? 'pass' : 'fail', detail: `tcp ${host}:${config.gateway.tcpPort}` };
      }),
      dns,
      internal,
      external,
      timed('proxy', localMs, async () => {
        if (!proxyState) throw new NotAvailable('proxy settings could not be read');
        return { status: 'pass', detail: proxyState.configured ? proxyState.servers.join(', ') : 'direct' };
      }),
    ]);
    return { probes, ...seen };
  } finally {
    ac.abort();
    ctx.signal.removeEventListener('abort', onAbort);
  }
}
