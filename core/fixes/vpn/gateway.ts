/**
 * Probing the VPN gateway from policy (`vpnGateway`): its name resolves (with the resolvers the
 * network diagnosis uses), it accepts a TCP connection on the VPN port (443 for SSL VPNs), and its
 * HTTPS `Date` header agrees with our clock (a clock off by minutes makes certificate and
 * sign-in checks fail). The TLS certificate is not judged here: only the Date header is read,
 * nothing is sent; the VPN client does the real authentication. node:https is imported when the
 * gateway is probed, not when the action registry loads (cold start, issue #17).
 */
import { isIP, connect } from 'node:net';
import { resolveName } from '../network/probes.ts';
import { TimeoutError, within } from '../../util/within.ts';
import { skewSeconds } from '../clock/reference.ts';

export type Reach = 'connected' | 'refused' | 'timeout' | 'error';

export function tcpReach(host: string, port: number, timeoutMs: number): Promise<Reach> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    const done = (reach: Reach) => (socket.destroy(), resolve(reach));
    socket.once('connect', () => done('connected'));
    socket.once('timeout', () => done('timeout'));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'ECONNREFUSED' ? 'refused' : 'error'));
  });
}

export async function resolveGateway(name: string, servers: readonly string[], timeoutMs: number): Promise<string[]> {
  if (isIP(name)) return [name];
  return within(resolveName(name, servers, timeoutMs), timeoutMs);
}

/** Skew against the gateway's HTTPS Date header, or undefined when it did not give one in time. */
export async function gatewaySkew(address: string, serverName: string, port: number, timeoutMs: number, clock: () => number): Promise<number | undefined> {
  const { request } = await import('node:https');
  return new Promise((resolve) => {
    const sentAt = clock();
    const req = request(
      // Certificate not verified: the answer's Date header is all that is read (see above).
      {
        host: address,
        servername: isIP(serverName) ? undefined : serverName,
        port,
        method: 'HEAD',
        path: '/',
        timeout: timeoutMs,
        rejectUnauthorized: false,
        headers: { host: serverName, 'user-agent': 'Firstline VPN check' },
      },
      (res) => {
        const receivedAt = clock();
        res.resume();
        resolve(skewSeconds({ status: res.statusCode ?? 0, date: res.headers.date, sentAt, receivedAt }));
      },
    );
    req.on('timeout', () => req.destroy(new TimeoutError(timeoutMs)));
    req.on('error', () => resolve(undefined));
    req.end();
  });
}
