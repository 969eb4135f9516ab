/**
 * Live VPN checks on loopback: a DNS server answering for the gateway name, an HTTPS server
 * (self-signed, made with openssl for the test) whose Date header we control, a closed port, and
 * a process we start as the "VPN client". The vpn troubleshooter runs through the real engine with
 * the network diagnosis pointed at loopback too — as root and as an unprivileged employee.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, startHttp } from './loopback.ts';
import { startLoopbackDns, type LoopbackDns } from './loopback-dns.ts';
import { runCatalog, runCatalogAsEmployee } from './run-catalog.ts';

const linux = process.platform === 'linux';
let hasOpenssl = false;
try {
  execFileSync('openssl', ['version']);
  hasOpenssl = true;
} catch {
  hasOpenssl = false;
}
if (!linux || !hasOpenssl) console.log('vpn-live: skipped, needs Linux and openssl (for the loopback HTTPS gateway)');
const root = process.getuid?.() === 0;
if (!root) console.log('vpn-live: employee run skipped, switching users needs root (CI runs as root)');

describe.skipIf(!linux || !hasOpenssl)('vpn troubleshooter against a loopback gateway', () => {
  let dir: string;
  let dns: LoopbackDns;
  let gateway: Server;
  let gatewayPort = 0;
  let shift = 0;
  let closed = 0;
  let web: Awaited<ReturnType<typeof startHttp>>;
  let client: ChildProcess | undefined;
  const clientName = `fl-vpnd-${process.pid % 100000}`;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'firstline-vpn-'));
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=vpn.firstline.test', '-days', '1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')],
      { stdio: 'pipe' },
    );
    gateway = createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) }, (_req, res) => {
      res.setHeader('Date', new Date(Date.now() + shift * 1000).toUTCString());
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const address = gateway.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    gatewayPort = address.port;
    dns = await startLoopbackDns({ 'vpn.firstline.test': '127.0.0.1', 'intranet.firstline.test': '127.0.0.1' });
    web = await startHttp(204);
    closed = await closedPort();
    copyFileSync('/bin/sleep', path.join(dir, clientName));
    execFileSync('chmod', ['755', dir, path.join(dir, clientName)]);
  });
  afterAll(async () => {
    if (client && client.exitCode === null) client.kill('SIGKILL');
    await Promise.all([dns.close(), web.close(), new Promise<void>((resolve) => gateway.close(() => resolve()))]);
    rmSync(dir, { recursive: true, force: true });
  });

  const policy = (over: Record<string, unknown> = {}) => ({
    vpnGateway: 'vpn.firstline.test',
    vpnClientService: clientName,
    networkProbes: {
      dns: { name: 'intranet.firstline.test', servers: [`127.0.0.1:${dns.port}`], timeoutMs: 1500 },
      externalUrl: { url: web.url, timeoutMs: 1500 },
      gateway: { host: '127.0.0.1', tcpPort: closed, timeoutMs: 1500 },
      local: { timeoutMs: 1500 },
    },
    ...over,
  });
  // The YAML probes port 443; the test gateway listens on a random port (a copy of the file with that port).
  const catalogWithPort = (port: number) => {
    const text = readFileSync(new URL('../../../troubleshooters/vpn.yaml', import.meta.url), 'utf8').replace(/action: vpn\.gateway\n/g, `action: vpn.gateway\n    with: { port: ${port} }\n`);
    const file = path.join(dir, `vpn-${port}.yaml`);
    writeFileSync(file, text);
    return file;
  };
  const env = { PATH: process.env.PATH };

  it('a reachable gateway with the right time and a running client: the employee is asked to connect again', async () => {
    client = spawn(path.join(dir, clientName), ['600'], { stdio: 'ignore' });
    await new Promise<void>((resolve) => client?.once('spawn', () => resolve()));
    shift = 0;
    const run = await runCatalog('vpn', { env, policy: policy(), answers: { 'works-now': true }, file: catalogWithPort(gatewayPort) });
    expect(run.results['gateway:check']).toMatchObject({ ok: true, problem: 'none', addresses: ['127.0.0.1'], reach: 'connected' });
    expect(run.results['client:check']).toMatchObject({ ok: true, running: true });
    expect(run.finished).toMatchObject({ outcome: 'resolved', reasonCode: 'nothing-wrong' });
    client.kill('SIGKILL');
  });

  it('a gateway whose clock is ten minutes ahead: resync needs rights, so it ends needs-rights', async () => {
    shift = 600;
    const run = await runCatalog('vpn', { env, policy: policy(), file: catalogWithPort(gatewayPort) });
    expect((run.results['gateway:check'] as { skewSeconds: number }).skewSeconds).toBeLessThanOrEqual(-599);
    expect(run.finished).toMatchObject({ outcome: 'needs-human', reasonCode: 'needs-rights' });
    shift = 0;
  });

  it('a closed port, an unknown name and a stopped client each escalate with their cause', async () => {
    expect((await runCatalog('vpn', { env, policy: policy(), file: catalogWithPort(closed) })).finished).toMatchObject({ outcome: 'needs-human', cause: 'gateway-refused' });
    expect((await runCatalog('vpn', { env, policy: policy({ vpnGateway: 'nope.firstline.test' }), file: catalogWithPort(gatewayPort) })).finished).toMatchObject({ cause: 'name-not-resolved' });
    expect((await runCatalog('vpn', { env, policy: policy(), file: catalogWithPort(gatewayPort) })).finished).toMatchObject({ cause: 'vpn-client-not-running' });
  });

  it.skipIf(!root)('the same checks as an unprivileged employee', async () => {
    // An employee may not ping here (no CAP_NET_RAW, ping_group_range closed): give them a PATH
    // without ping, so the gateway probe takes its TCP fallback as it does on machines without ping.
    const bin = path.join(dir, 'bin');
    mkdirSync(bin, { mode: 0o755 });
    for (const from of ['/usr/sbin', '/usr/bin', '/sbin', '/bin'])
      for (const name of readdirSync(from)) if (name !== 'ping' && !existsSync(path.join(bin, name))) symlinkSync(path.join(from, name), path.join(bin, name));
    const run = await runCatalogAsEmployee('vpn', { env: { PATH: bin }, policy: policy(), answers: { 'works-now': false } });
    // The shipped file probes port 443, where nothing listens on loopback here: refused, as seen by the employee.
    expect(run.uid).not.toBe(0);
    expect(run.results['internet:check'], JSON.stringify(run.results['internet:check'])).toMatchObject({ ok: true });
    expect(run.finished).toMatchObject({ outcome: 'needs-human', cause: 'gateway-refused' });
  });
});
