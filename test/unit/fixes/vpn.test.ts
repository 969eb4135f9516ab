/** VPN fix: the client check's argv per OS with recorded `sc query` outputs, and the gateway checks' decisions. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vpnClientAction, vpnGatewayAction } from '../../../core/fixes/vpn/actions.ts';
import { clientCommand, parseScQuery } from '../../../core/fixes/vpn/client.ts';
import { fakeExec, makeContext } from './context.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/fixes/${name}`, import.meta.url), 'utf8');

describe('VPN client from policy', () => {
  it('asks the service manager on Windows and pgrep (any user) elsewhere, the name as one argument', () => {
    expect(clientCommand('win32', 'vpnagent')).toEqual({ file: 'sc', args: ['query', 'vpnagent'] });
    expect(clientCommand('darwin', 'GlobalProtect')).toEqual({ file: 'pgrep', args: ['-x', 'GlobalProtect'] });
    expect(clientCommand('linux', 'openvpn')).toEqual({ file: 'pgrep', args: ['-x', 'openvpn'] });
  });

  it('reads sc query in English and German, and a missing service (1060)', () => {
    expect(parseScQuery(fixture('sc-query.running.txt'), 0)).toBe('running');
    expect(parseScQuery(fixture('sc-query.de-stopped.txt'), 0)).toBe('stopped');
    expect(parseScQuery(fixture('sc-query.missing.txt'), 1060)).toBe('not-installed');
    expect(parseScQuery('garbage', 0)).toBe('unknown');
  });

  it('reports running, stopped, missing and unknown; a name starting with "-" is never passed', async () => {
    const run = async (platform: 'win32' | 'linux', reply: Parameters<typeof fakeExec>[0], name: string = 'vpnagent') =>
      vpnClientAction.run({}, makeContext({ exec: fakeExec(reply), platform, policy: { vpnClientService: name } }));
    expect(await run('win32', { 'sc query vpnagent': { stdout: fixture('sc-query.running.txt') } })).toMatchObject({ ok: true, running: true, problem: 'none' });
    expect(await run('win32', { 'sc query vpnagent': { stdout: fixture('sc-query.de-stopped.txt') } })).toMatchObject({ ok: false, problem: 'vpn-client-not-running' });
    expect(await run('win32', { 'sc query vpnagent': { exitCode: 1060, stdout: fixture('sc-query.missing.txt') } })).toMatchObject({ ok: false, problem: 'vpn-client-not-installed' });
    expect(await run('linux', { pgrep: { exitCode: 1 } })).toMatchObject({ ok: false, problem: 'vpn-client-not-running' });
    expect(await run('linux', {})).toMatchObject({ ok: false, problem: 'unknown' });
    const exec = fakeExec({});
    expect(await vpnClientAction.run({}, makeContext({ exec, platform: 'linux', policy: { vpnClientService: '-f' } }))).toMatchObject({ ok: true, problem: 'not-configured' });
    expect(exec.calls).toEqual([]);
  });
});

describe('VPN gateway from policy', () => {
  it('without vpnGateway it contacts nothing', async () => {
    expect(await vpnGatewayAction.run({ port: 443, maxSkewSeconds: 120, timeoutMs: 500 }, makeContext({ exec: fakeExec(), platform: 'win32' }))).toMatchObject({
      ok: false,
      problem: 'no-gateway-configured',
      reach: 'not-tried',
    });
  });
});
