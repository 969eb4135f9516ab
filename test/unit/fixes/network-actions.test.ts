import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnoseAction, flushDnsAction, reconnectWifiAction, renewDhcpAction, resetStackAction } from '../../../core/fixes/network/actions.ts';
import { diagnose } from '../../../core/fixes/network/diagnose.ts';
import { pingCommand } from '../../../core/fixes/network/commands.ts';
import type { ProbeResult } from '../../../core/fixes/network/probes.ts';
import { fakeExec, makeContext } from './context.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/fixes/${name}`, import.meta.url), 'utf8');
const probe = (id: ProbeResult['id'], status: ProbeResult['status'], detail?: string): ProbeResult => ({ id, status, detail, durationMs: 1 });
const healthy = (): ProbeResult[] => [
  probe('adapter', 'pass'),
  probe('wifi', 'pass', 'Corp'),
  probe('ip', 'pass', '10.0.0.2'),
  probe('gateway', 'pass'),
  probe('dns', 'pass'),
  probe('internal', 'pass'),
  probe('external', 'pass'),
  probe('proxy', 'pass'),
];
const with_ = (changes: ProbeResult[]) => healthy().map((p) => changes.find((c) => c.id === p.id) ?? p);

describe('network diagnosis sentence', () => {
  it('names the lowest broken layer in one sentence, in each language', () => {
    expect(diagnose(healthy(), 'en')).toMatchObject({ ok: true, problem: 'none' });
    expect(diagnose(with_([probe('adapter', 'fail')]), 'en').problem).toBe('adapter-down');
    expect(diagnose(with_([probe('wifi', 'fail'), probe('ip', 'fail', 'no IPv4 address')]), 'en').problem).toBe('wifi-disconnected');
    const apipa = diagnose(with_([probe('ip', 'fail', 'self-assigned 169.254.7.7')]), 'nl');
    expect(apipa).toMatchObject({ problem: 'self-assigned-ip', finding: 'Je computer is verbonden, maar kreeg geen adres van het netwerk (169.254.7.7).' });
    expect(diagnose(with_([probe('ip', 'fail', 'no IPv4 address')]), 'en').problem).toBe('no-ip');
    expect(diagnose(with_([probe('gateway', 'timeout')]), 'fr').problem).toBe('gateway-unreachable');
    expect(diagnose(with_([probe('dns', 'fail'), probe('external', 'fail')]), 'de').finding).toContain('Namen von Websites');
    expect(diagnose(with_([probe('internal', 'fail')]), 'en').problem).toBe('internal-unreachable');
    expect(diagnose(with_([probe('external', 'fail')]), 'en').problem).toBe('internet-unreachable');
    expect(diagnose(with_([probe('external', 'fail'), probe('internal', 'not-configured')]), 'en').problem).toBe('no-internet');
    expect(diagnose(with_([probe('external', 'timeout')]), 'en', ['proxy.corp:8080']).finding).toContain('proxy.corp:8080');
    expect(diagnose(with_([probe('external', 'fail'), probe('internal', 'fail')]), 'en').problem).toBe('nothing-reachable');
    expect(diagnose(with_([probe('external', 'fail', 'unexpected page (HTTP 200)')]), 'nl', ['proxy:8080']).problem).toBe('captive-portal');
  });

  it('does not blame Wi-Fi on a wired machine or when Wi-Fi cannot be read', () => {
    expect(diagnose(with_([probe('wifi', 'fail')]), 'en').problem).toBe('none');
    expect(diagnose(with_([probe('wifi', 'not-available')]), 'en').problem).toBe('none');
  });
});

describe('network commands per OS', () => {
  it('builds ping argv with each OS its own timeout unit', () => {
    expect(pingCommand('win32', '10.0.0.1', 2000)).toEqual({ file: 'ping', args: ['-n', '1', '-w', '2000', '10.0.0.1'] });
    expect(pingCommand('darwin', '10.0.0.1', 2500)).toEqual({ file: 'ping', args: ['-c', '1', '-t', '2', '10.0.0.1'] });
    expect(pingCommand('linux', '10.0.0.1', 500)).toEqual({ file: 'ping', args: ['-c', '1', '-W', '1', '10.0.0.1'] });
  });

  it('diagnoses a Windows laptop from recorded ipconfig and netsh output', async () => {
    const exec = fakeExec({
      'ipconfig /all': { stdout: fixture('ipconfig-all.wifi.txt') },
      'netsh wlan show interfaces': { stdout: fixture('netsh-wlan-show-interfaces.connected.txt') },
      'netsh winhttp show proxy': { stdout: fixture('netsh-winhttp-show-proxy.direct.txt') },
      'reg query': { stdout: fixture('reg-query-internet-settings.txt') },
      ping: { exitCode: 1 },
    });
    // DNS and HTTP targets point at a closed loopback port so nothing leaves the machine.
    const policy = { networkProbes: { dns: { servers: ['127.0.0.1:9'], timeoutMs: 500 }, externalUrl: { url: 'http://127.0.0.1:9/' }, gateway: { timeoutMs: 500 } } };
    const result = await diagnoseAction.run({}, makeContext({ exec, platform: 'win32', policy }));
    expect(exec.lines()).toContain('ping -n 1 -w 500 10.20.28.1');
    expect(result).toMatchObject({ ok: false, problem: 'gateway-unreachable', ssid: 'Contoso Corp' });
    expect(result.probes.find((p) => p.id === 'ip')).toMatchObject({ status: 'pass', detail: '10.20.30.41' });
    expect(result.probes.find((p) => p.id === 'proxy')?.detail).toBe('proxy.corp.contoso.com:8080');
    expect(exec.calls.find((c) => c.file === 'reg')?.args).toEqual(['query', 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings']);
    // Windows output is parsed in the user's language, so the locale is not forced to C there.
    expect(exec.calls.find((c) => c.file === 'ipconfig')?.options.env?.LC_ALL).toBeUndefined();
  });

  it('diagnoses a Mac from recorded ifconfig, route, scutil and networksetup output', async () => {
    const exec = fakeExec({
      ifconfig: { stdout: fixture('ifconfig.txt') },
      'route -n get default': { stdout: fixture('route-get-default.txt') },
      'scutil --dns': { stdout: fixture('scutil-dns.txt') },
      'scutil --proxy': { stdout: fixture('scutil-proxy.txt') },
      'networksetup -listallhardwareports': { stdout: fixture('networksetup-listallhardwareports.txt') },
      'networksetup -getairportnetwork en0': { stdout: fixture('networksetup-getairportnetwork.connected.txt') },
      'networksetup -getairportpower en0': { stdout: 'Wi-Fi Power (en0): On\n' },
      'ping -c 1 -t 1 10.20.28.1': { exitCode: 0 },
    });
    const policy = { networkProbes: { dns: { servers: ['127.0.0.1:9'], timeoutMs: 500 }, externalUrl: { url: 'http://127.0.0.1:9/', timeoutMs: 500 }, gateway: { timeoutMs: 1000 } } };
    const result = await diagnoseAction.run({}, makeContext({ exec, platform: 'darwin', policy, lang: 'de' }));
    expect(result.ssid).toBe('Contoso Corp');
    expect(result.probes.find((p) => p.id === 'gateway')?.status).toBe('pass');
    expect(result.probes.find((p) => p.id === 'proxy')?.detail).toBe('proxy.corp.contoso.com:8080');
    expect(result.problem).toBe('dns-failed');
    expect(result.finding).toBe('Die Verbindung funktioniert, aber Namen von Websites können nicht aufgelöst werden.');
  });

  it('reconnects Windows Wi-Fi with the profile it reported, as single argv elements', async () => {
    const exec = fakeExec({ 'netsh wlan show interfaces': { stdout: fixture('netsh-wlan-show-interfaces.connected.txt') }, 'netsh wlan': {} });
    const result = await reconnectWifiAction.run({}, makeContext({ exec, platform: 'win32' }));
    expect(result).toMatchObject({ ok: true, available: true });
    expect(exec.calls.slice(1).map((c) => [c.file, ...c.args])).toEqual([
      ['netsh', 'wlan', 'disconnect', 'interface=Wi-Fi'],
      ['netsh', 'wlan', 'connect', 'name=Contoso Corp', 'interface=Wi-Fi'],
    ]);
  });

  it('asks the employee to pick a network when Windows is not associated and no profile is known', async () => {
    const exec = fakeExec({ 'netsh wlan show interfaces': { stdout: fixture('netsh-wlan-show-interfaces.disconnected.txt') } });
    const result = await reconnectWifiAction.run({}, makeContext({ exec, platform: 'win32', lang: 'fr' }));
    expect(result).toEqual({ ok: false, available: false, finding: 'Choisissez votre réseau Wi-Fi dans le menu réseau de votre ordinateur.' });
    expect(exec.lines()).toEqual(['netsh wlan show interfaces']);
  });

  it('power-cycles the Mac Wi-Fi device', async () => {
    const exec = fakeExec({
      'networksetup -listallhardwareports': { stdout: fixture('networksetup-listallhardwareports.txt') },
      'networksetup -getairportnetwork': { stdout: fixture('networksetup-getairportnetwork.disconnected.txt') },
      'networksetup -getairportpower': { stdout: 'Wi-Fi Power (en0): Off\n' },
      'networksetup -setairportpower': {},
    });
    await reconnectWifiAction.run({}, makeContext({ exec, platform: 'darwin' }));
    expect(exec.lines().slice(-2)).toEqual(['networksetup -setairportpower en0 off', 'networksetup -setairportpower en0 on']);
  });

  it('flushes DNS per OS and reports a missing cache service as not available', async () => {
    const win = fakeExec({ 'ipconfig /flushdns': {} });
    expect(await flushDnsAction.run({}, makeContext({ exec: win, platform: 'win32' }))).toMatchObject({ ok: true });
    expect(win.lines()).toEqual(['ipconfig /flushdns']);
    const mac = fakeExec({ dscacheutil: {}, killall: {} });
    await flushDnsAction.run({}, makeContext({ exec: mac, platform: 'darwin' }));
    expect(mac.lines()).toEqual(['dscacheutil -flushcache', 'killall -HUP mDNSResponder']);
    const linux = fakeExec({});
    expect(await flushDnsAction.run({}, makeContext({ exec: linux, platform: 'linux' }))).toMatchObject({ ok: false, available: false });
    expect(linux.lines()).toEqual(['resolvectl flush-caches', 'systemd-resolve --flush-caches']);
  });

  it('renews DHCP and resets the Windows stack, saying a restart is needed', async () => {
    const exec = fakeExec({ ipconfig: {}, netsh: {} });
    expect(await renewDhcpAction.run({}, makeContext({ exec, platform: 'win32' }))).toMatchObject({ ok: true });
    const reset = await resetStackAction.run({}, makeContext({ exec, platform: 'win32', lang: 'nl' }));
    expect(reset).toMatchObject({ ok: true, restartRequired: true, finding: 'De netwerkinstellingen zijn teruggezet. Start je computer opnieuw op om af te ronden.' });
    expect(exec.lines()).toEqual(['ipconfig /release', 'ipconfig /renew', 'netsh winsock reset', 'netsh int ip reset']);
  });

  it('stops at the first failing command and reports it', async () => {
    const exec = fakeExec({ 'netsh winsock reset': { exitCode: 1, stdout: 'The requested operation requires elevation (Run as administrator).' } });
    const result = await resetStackAction.run({}, makeContext({ exec, platform: 'win32' }));
    expect(result).toMatchObject({ ok: false, available: true, error: 'netsh: The requested operation requires elevation (Run as administrator).' });
    expect(exec.lines()).toEqual(['netsh winsock reset']);
  });

  it('refuses an invalid probe configuration instead of silently probing the public defaults', async () => {
    const exec = fakeExec({});
    await expect(diagnoseAction.run({}, makeContext({ exec, platform: 'linux', policy: { networkProbes: { dns: { server: ['127.0.0.1'] } } } }))).rejects.toThrow(/Invalid networkProbes policy/);
    expect(exec.calls).toEqual([]);
  });

  it('refuses a device name that would be read as an option', () => {
    expect(renewDhcpAction.input.safeParse({ device: '--help' }).success).toBe(false);
    expect(reconnectWifiAction.input.safeParse({ profile: 'Guest; rm -rf ~' }).success).toBe(true);
  });
});
