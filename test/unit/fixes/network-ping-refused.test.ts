/**
 * An employee who may not ping (no CAP_NET_RAW and a closed ping_group_range, or a ping that cannot
 * even be started) must not be told the router is unreachable: the gateway probe falls back to its
 * TCP knock, as it does when ping is missing. A ping that ran and got no answer still fails.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseAction } from '../../../core/fixes/network/actions.ts';
import { pingRefused } from '../../../core/fixes/network/probes.ts';
import { fakeExec, makeContext } from './context.ts';

let server: Server;
let port = 0;
beforeAll(async () => {
  server = createServer((socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// A Linux machine as iproute2 reports it (recorded shape; addresses are loopback, nothing is contacted but 127.0.0.1).
const linux = {
  'ip -j addr show': { stdout: JSON.stringify([{ ifname: 'eth0', operstate: 'UP', addr_info: [{ family: 'inet', local: '127.0.0.2' }] }]) },
  'ip -j route show default': { stdout: JSON.stringify([{ dst: 'default', gateway: '127.0.0.1', dev: 'eth0' }]) },
};
const result = (over: Partial<Parameters<typeof pingRefused>[0]>) => ({ exitCode: 2, stdout: '', stderr: '', timedOut: false, notFound: false, cancelled: false, durationMs: 1, ...over });

describe('ping that may not run', () => {
  it('tells a refused ping from an unanswered one', () => {
    expect(pingRefused(result({ stderr: 'ping: socktype: SOCK_RAW\nping: socket: Operation not permitted\n' }))).toBe(true);
    expect(pingRefused(result({ exitCode: null, stderr: 'spawn ping EACCES' }))).toBe(true);
    expect(pingRefused(result({ stderr: 'ping: socket: Permission denied, attempting raw socket...' }))).toBe(true);
    expect(pingRefused(result({ exitCode: 1, stderr: '' }))).toBe(false);
    expect(pingRefused(result({ exitCode: 2, stderr: 'ping: connect: Network is unreachable' }))).toBe(false);
    expect(pingRefused(result({ exitCode: null, timedOut: true, stderr: 'Permission denied' }))).toBe(false);
    expect(pingRefused(result({ exitCode: 0, stderr: 'socket: Operation not permitted' }))).toBe(false);
  });

  const policy = () => ({
    networkProbes: { dns: { servers: ['127.0.0.1:9'], timeoutMs: 500 }, externalUrl: { url: 'http://127.0.0.1:9/', timeoutMs: 500 }, gateway: { host: '127.0.0.1', tcpPort: port, timeoutMs: 1000 } },
  });

  it.each([
    ['refused a socket', { exitCode: 2, stderr: 'ping: socktype: SOCK_RAW\nping: socket: Operation not permitted\n' }],
    ['could not be started', { exitCode: null, stderr: 'spawn ping EACCES' }],
  ])('a ping that %s falls back to the TCP knock and finds the gateway', async (_name, reply) => {
    const exec = fakeExec({ ...linux, ping: reply });
    const run = await diagnoseAction.run({}, makeContext({ exec, platform: 'linux', policy: policy() }));
    expect(exec.lines()).toContain('ping -c 1 -W 1 127.0.0.1');
    expect(run.probes.find((p) => p.id === 'gateway')).toMatchObject({ status: 'pass', detail: `tcp 127.0.0.1:${port}` });
    expect(run.problem).not.toBe('gateway-unreachable');
  });

  it('a ping that ran and got no answer still fails the gateway', async () => {
    const exec = fakeExec({ ...linux, ping: { exitCode: 1 } });
    const run = await diagnoseAction.run({}, makeContext({ exec, platform: 'linux', policy: policy() }));
    expect(run.probes.find((p) => p.id === 'gateway')).toMatchObject({ status: 'fail', detail: 'ping 127.0.0.1' });
  });
});
