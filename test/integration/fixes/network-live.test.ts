/**
 * Live network diagnosis on this Linux machine: real `ip`/`nmcli` commands through the real exec
 * adapter, DNS and HTTP probes against servers this test starts on 127.0.0.1, and a closed port
 * for the failure paths. Every probe target is overridden to loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeExec } from '../../../core/platform/node-exec.ts';
import { diagnoseAction, flushDnsAction, reconnectWifiAction } from '../../../core/fixes/network/actions.ts';
import { makeContext } from '../../unit/fixes/context.ts';
import { startLoopbackDns, type LoopbackDns } from './loopback-dns.ts';
import { closedPort, startHttp } from './loopback.ts';

const linux = process.platform === 'linux';
if (!linux) console.log('network-live: skipped, these live probes exercise the Linux command layer');

describe.skipIf(!linux)('network diagnosis against loopback servers', () => {
  let dns: LoopbackDns;
  let internal: Awaited<ReturnType<typeof startHttp>>;
  let external: Awaited<ReturnType<typeof startHttp>>;
  let closed: number;

  beforeAll(async () => {
    dns = await startLoopbackDns({ 'intranet.firstline.test': '127.0.0.1' });
    internal = await startHttp(200);
    external = await startHttp(204);
    closed = await closedPort();
  });
  afterAll(async () => {
    await Promise.all([dns.close(), internal.close(), external.close()]);
  });

  const policy = (over: Record<string, unknown> = {}) => ({
    networkProbes: {
      dns: { name: 'intranet.firstline.test', servers: [`127.0.0.1:${dns.port}`], timeoutMs: 1500 },
      internalUrl: { url: internal.url, timeoutMs: 1500 },
      externalUrl: { url: external.url, timeoutMs: 1500 },
      gateway: { host: '127.0.0.1', tcpPort: closed, timeoutMs: 1500 },
      local: { timeoutMs: 1500 },
      ...over,
    },
  });
  const ctx = (over: Record<string, unknown> = {}) => makeContext({ exec: createNodeExec(), platform: 'linux', env: { PATH: process.env.PATH }, policy: policy(over) });

  it('passes every reachable probe, reports missing Wi-Fi tooling as not available, and finishes within the longest timeout', async () => {
    const started = performance.now();
    const result = await diagnoseAction.run({}, ctx());
    const elapsed = performance.now() - started;
    const status = Object.fromEntries(result.probes.map((p) => [p.id, p.status]));
    expect(status).toMatchObject({ gateway: 'pass', dns: 'pass', internal: 'pass', external: 'pass', proxy: 'pass' });
    expect(['pass', 'fail', 'not-available']).toContain(status.wifi);
    if (result.probes.find((p) => p.id === 'wifi')?.detail === 'nmcli not installed') expect(status.wifi).toBe('not-available');
    expect(dns.queries).toContain('intranet.firstline.test');
    expect(internal.hits()).toBe(1);
    expect(external.hits()).toBe(1);
    expect(elapsed).toBeLessThan(1500 + 500);
    expect(diagnoseAction.result.safeParse(result).success).toBe(true);
  });

  it('says DNS is broken when the name does not resolve', async () => {
    const result = await diagnoseAction.run({}, ctx({ dns: { name: 'unknown.firstline.test', servers: [`127.0.0.1:${dns.port}`], timeoutMs: 1500 } }));
    expect(result.probes.find((p) => p.id === 'dns')?.status).toBe('fail');
    if (result.probes.every((p) => p.id === 'dns' || ['pass', 'not-available', 'not-configured'].includes(p.status))) {
      expect(result).toMatchObject({ ok: false, problem: 'dns-failed' });
    }
  });

  it('fails the internal URL on a closed port and says the company network is unreachable', async () => {
    const result = await diagnoseAction.run({}, ctx({ internalUrl: { url: `http://127.0.0.1:${closed}/`, timeoutMs: 1500 } }));
    expect(result.probes.find((p) => p.id === 'internal')?.status).toBe('fail');
    if (result.probes.find((p) => p.id === 'ip')?.status === 'pass') expect(result.problem).toBe('internal-unreachable');
  });

  it('recognises a captive portal answering instead of the expected page', async () => {
    const portal = await startHttp(200, '<html><body>Welcome to Hotel Guest Wi-Fi. Please sign in.</body></html>');
    try {
      const result = await diagnoseAction.run({}, ctx({ externalUrl: { url: portal.url, expect: 'Microsoft Connect Test', timeoutMs: 1500 } }));
      expect(result.probes.find((p) => p.id === 'external')).toMatchObject({ status: 'fail', detail: 'unexpected page (HTTP 200)' });
      if (result.probes.find((p) => p.id === 'ip')?.status === 'pass') expect(result.problem).toBe('captive-portal');
      const real = await diagnoseAction.run({}, ctx({ externalUrl: { url: internal.url, expect: 'Microsoft Connect Test', timeoutMs: 1500 } }));
      expect(real.probes.find((p) => p.id === 'external')?.status).toBe('pass');
    } finally {
      await portal.close();
    }
  });

  it('times out a DNS server that never answers within its own timeout, without delaying the others', async () => {
    // A bound UDP socket that never replies: the resolver waits until the probe's own deadline.
    const { createSocket } = await import('node:dgram');
    const silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    try {
      const started = performance.now();
      const result = await diagnoseAction.run({}, ctx({ dns: { name: 'intranet.firstline.test', servers: [`127.0.0.1:${silent.address().port}`], timeoutMs: 400 } }));
      const dnsProbe = result.probes.find((p) => p.id === 'dns');
      expect(['timeout', 'fail']).toContain(dnsProbe?.status);
      expect(dnsProbe?.durationMs).toBeLessThan(1000);
      expect(performance.now() - started).toBeLessThan(1500 + 500);
    } finally {
      silent.close();
    }
  });

  it('gives a clean "not available" when Wi-Fi cannot be controlled here', async () => {
    const hasNmcli = (await createNodeExec().exec('nmcli', ['--version'], { timeout: 2000 })).notFound === false;
    if (hasNmcli) {
      console.log('network-live: nmcli is installed here; the "no nmcli" path is covered by the unit tests');
      return;
    }
    const result = await reconnectWifiAction.run({}, ctx());
    expect(result).toEqual({ ok: false, available: false, finding: 'Wi-Fi cannot be controlled on this computer (nmcli not installed).' });
    const flush = await flushDnsAction.run({}, ctx());
    expect(flush.available === false || flush.ok === true).toBe(true);
  });
});
