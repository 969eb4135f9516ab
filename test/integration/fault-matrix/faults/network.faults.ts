/**
 * Network faults, each inside its own `unshare -n` namespace (loopback plus an isolated veth
 * "wired" adapter): every probe target is a server on 127.0.0.1 started here, the proxy the
 * employee's apps use comes from http_proxy, and the ground truth is a plain Node request or DNS
 * query made the way an app would — no Firstline code.
 */
import { createSocket } from 'node:dgram';
import { createServer, request, type Server } from 'node:http';
import { chown, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startLoopbackDns } from '../../fixes/loopback-dns.ts';
import type { Fault, FaultEnv, FaultRun, Truth } from '../types.ts';

const ncsi = 'Microsoft Connect Test';
const ports = { external: 8080, internal: 8081, gateway: 8082, proxy: 3128, dns: 5353 } as const;
// Loopback is never proxied, so faults with a proxy probe a name only the proxy resolves.
const directUrl = `http://127.0.0.1:${ports.external}/connecttest.txt`;
const proxiedUrl = `http://www.firstline.test:${ports.external}/connecttest.txt`;
let externalUrl = directUrl;
const internalUrl = `http://127.0.0.1:${ports.internal}/`;

type Net = { dns?: 'ok' | 'down'; external?: 'ok' | 'captive' | 'down' | 'error'; internal?: 'ok' | 'down'; proxy?: 'none' | 'dead' | 'ok' | 'sign-in' };

function serve(port: number, handler: Parameters<typeof createServer>[1], env: FaultEnv): Promise<Server> {
  const server = createServer(handler);
  env.defer(() => new Promise<void>((r) => server.close(() => r())));
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** A minimal forward proxy for absolute-form http requests (what an app sends to its proxy). */
function proxyHandler(mode: 'ok' | 'sign-in'): Parameters<typeof createServer>[1] {
  return (req, res) => {
    if (mode === 'sign-in') return void res.writeHead(407, { 'proxy-authenticate': 'Basic realm="corp"' }).end();
    const target = new URL(req.url ?? '/');
    // The test proxy reaches only its own loopback servers; *.firstline.test means 127.0.0.1.
    if (target.hostname !== '127.0.0.1' && !target.hostname.endsWith('.firstline.test')) return void res.writeHead(403).end('loopback only');
    const upstream = request({ host: '127.0.0.1', port: Number(target.port), path: target.pathname, method: 'GET' }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end('bad gateway'));
    upstream.end();
  };
}

async function network(env: FaultEnv, net: Net): Promise<FaultRun> {
  if ((net.dns ?? 'ok') === 'ok') {
    const dns = await startLoopbackDns({ 'www.firstline.test': '127.0.0.1' });
    env.defer(() => dns.close());
    dnsPort = dns.port;
  } else dnsPort = ports.dns; // nothing listens there
  const external = net.external ?? 'ok';
  if (external !== 'down') {
    await serve(
      ports.external,
      (_req, res) => {
        if (external === 'captive') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Welcome to Hotel Wi-Fi. Accept the terms to continue.</body></html>');
        if (external === 'error') return void res.writeHead(503).end('upstream unavailable');
        res.writeHead(200, { 'content-type': 'text/plain' }).end(ncsi);
      },
      env,
    );
  }
  if ((net.internal ?? 'ok') === 'ok') await serve(ports.internal, (_req, res) => void res.writeHead(200).end('intranet'), env);
  // The "router": anything that answers on the gateway port.
  await serve(ports.gateway, (_req, res) => void res.writeHead(204).end(), env);
  const proxy = net.proxy ?? 'none';
  externalUrl = proxy === 'none' ? directUrl : proxiedUrl;
  if (proxy === 'ok' || proxy === 'sign-in') await serve(ports.proxy, proxyHandler(proxy), env);
  const policy = path.join(env.dir, 'policy.json');
  await writeFile(
    policy,
    JSON.stringify({
      networkProbes: {
        dns: { name: 'www.firstline.test', servers: [`127.0.0.1:${dnsPort}`], timeoutMs: 8000 },
        internalUrl: { url: internalUrl, timeoutMs: 8000 },
        externalUrl: { url: externalUrl, expect: ncsi, timeoutMs: 8000 },
        gateway: { host: '127.0.0.1', tcpPort: ports.gateway, timeoutMs: 8000 },
        local: { timeoutMs: 8000 },
      },
    }),
  );
  await chown(policy, env.uid, env.gid);
  proxyUrl = proxy === 'none' ? undefined : `http://127.0.0.1:${ports.proxy}`;
  return { args: ['--yes', '--policy', policy], env: { HOME: env.dir, ...(proxyUrl ? { http_proxy: proxyUrl, https_proxy: proxyUrl } : {}) } };
}

let dnsPort: number = ports.dns;
let proxyUrl: string | undefined;

/** What a browser would get: the test page through the configured proxy, or directly. */
function browse(url: string): Promise<{ status: number; body: string } | undefined> {
  const target = new URL(url);
  const via = proxyUrl ? new URL(proxyUrl) : undefined;
  return new Promise((resolve) => {
    const req = request({ host: via?.hostname ?? target.hostname, port: Number(via?.port ?? target.port), path: via ? target.href : target.pathname, timeout: 1500 }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

/** One raw A query (RFC 1035) to the DNS server the computer is set to use. */
function resolves(name: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const labels = name.split('.').flatMap((l) => [Buffer.from([l.length]), Buffer.from(l)]);
    const query = Buffer.concat([Buffer.from([0x12, 0x34, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]), ...labels, Buffer.from([0, 0, 1, 0, 1])]);
    const timer = setTimeout(() => (socket.close(), resolve(false)), 1000);
    socket.on('message', (msg) => (clearTimeout(timer), socket.close(), resolve(msg.readUInt16BE(6) > 0)));
    socket.on('error', () => (clearTimeout(timer), socket.close(), resolve(false)));
    socket.send(query, port, '127.0.0.1');
  });
}

async function truth(): Promise<Truth> {
  const page = await browse(externalUrl);
  const intranet = await browse(internalUrl);
  const dns = await resolves('www.firstline.test', dnsPort);
  const fixed = page?.status === 200 && page.body.includes(ncsi) && intranet?.status === 200 && dns;
  return { fixed, detail: `internet ${page?.status ?? 'unreachable'}, intranet ${intranet?.status ?? 'unreachable'}, dns ${dns ? 'ok' : 'failing'}` };
}

const netFault = (id: string, causes: string[], net: Net, adapter = true): Fault => ({
  id: `network/${id}`,
  fix: 'network',
  netns: { adapter },
  causes,
  setup: (env) => network(env, net),
  truth,
});

export const faults: Fault[] = [
  netFault('all-good', [], {}),
  netFault('all-good-through-working-proxy', [], { proxy: 'ok' }),
  netFault('dead-proxy', ['proxy-blocking'], { proxy: 'dead' }),
  netFault('proxy-wants-sign-in', ['proxy-blocking'], { proxy: 'sign-in' }),
  netFault('dns-server-down', ['dns-failed'], { dns: 'down' }),
  netFault('captive-portal', ['captive-portal'], { external: 'captive' }),
  netFault('intranet-down', ['internal-unreachable'], { internal: 'down' }),
  netFault('internet-down', ['internet-unreachable', 'no-internet'], { external: 'error' }),
  netFault('no-route', ['adapter-down'], {}, false),
];
