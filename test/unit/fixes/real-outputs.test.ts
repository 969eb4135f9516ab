/**
 * The per-OS parsers against command output recorded on real Windows and macOS machines by other
 * people (sources in test/fixtures/fixes/README.md, "Real recordings"). The older fixtures next to
 * them were modelled on documentation; these are what broke the parsers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIpconfigAll, parseNetshWlanInterfaces } from '../../../core/fixes/network/parse-windows.ts';
import { diagnoseAction, reconnectWifiAction } from '../../../core/fixes/network/actions.ts';
import { macLocalState, parseAirportNetwork, parseHardwarePorts, parseIfconfig, parseRouteGetDefault, parseScutilDns, parseScutilProxy, wifiDevice } from '../../../core/fixes/network/parse-macos.ts';
import { readWifi } from '../../../core/fixes/network/read-state.ts';
import { parseMacExpiry, parseNetUser, parseWindowsDate } from '../../../core/fixes/password/parse.ts';
import { windowsScripts } from '../../../core/fixes/printer/commands.ts';
import { jobInError, parseGetPrinter } from '../../../core/fixes/printer/parse-windows.ts';
import { teamsProcesses } from '../../../core/fixes/teams/paths.ts';
import { findTeams, parseTasklist } from '../../../core/fixes/teams/process.ts';
import { fakeExec, makeContext } from './context.ts';

const real = (name: string) => readFileSync(new URL(`../../fixtures/fixes/real/${name}`, import.meta.url), 'utf8');
/** The recordings were pasted with LF; Windows prints CRLF. Both must parse the same. */
const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
const bothEndings = (text: string) => [text, crlf(text)];

describe('netsh wlan show interfaces, real recordings', () => {
  it('English, connected', () => {
    for (const text of bothEndings(real('netsh-interfaces.en-connected.txt'))) {
      expect(parseNetshWlanInterfaces(text, 0)).toEqual({ available: true, device: 'Wi-Fi', associated: true, ssid: 'SSID-1', profile: 'SomeProfile' });
    }
  });

  it('German Windows 11 (ragged key columns, QoS lines, profile name with a space)', () => {
    for (const text of bothEndings(real('netsh-interfaces.de-connected.txt'))) {
      expect(parseNetshWlanInterfaces(text, 0)).toEqual({ available: true, device: 'WLAN', associated: true, ssid: 'SSID-1', profile: 'Profile1 2' });
    }
  });

  it('French: the interface name is under "Nom", and the BSSID key also contains "SSID"', () => {
    for (const text of bothEndings(real('netsh-interfaces.fr-connected.txt'))) {
      expect(parseNetshWlanInterfaces(text, 0)).toEqual({ available: true, device: 'Wi-Fi', associated: true, ssid: 'SSID-1', profile: 'SomeProfile' });
    }
  });

  it('German, disconnected: the adapter exists but is not associated (a fail, not "no Wi-Fi")', () => {
    expect(parseNetshWlanInterfaces(crlf(real('netsh-interfaces.de-disconnected.txt')), 0)).toEqual({ available: true, device: 'WLAN', associated: false });
  });

  it('a French or Dutch adapter that is disconnected is still found (its name key is not "Name")', () => {
    // The French recording with the association lines removed: the layout Windows prints when disconnected.
    const disconnected = real('netsh-interfaces.fr-connected.txt')
      .split('\n')
      .filter((line) => !/^\s+(SSID|Point d'acc|Bande|Canal|Type de r|Authentification|Chiffrement|Mode de connexion|Réception|Transmission|Signal|Profil|QoS|Carte QoS|Mappage)/.test(line))
      .join('\n');
    expect(parseNetshWlanInterfaces(disconnected, 0)).toEqual({ available: true, device: 'Wi-Fi', associated: false });
  });

  it('a profile or adapter name garbled by the OEM code page is not reused for "netsh wlan connect"', () => {
    // The German recording as the exec port would hand it over if the profile were named "Büro"
    // (netsh writes CP850; 0x81 read as UTF-8 is U+FFFD).
    const garbled = real('netsh-interfaces.de-connected.txt').replace('Profile1 2', 'B\uFFFDro').replace('SSID-1', 'B\uFFFDro');
    expect(parseNetshWlanInterfaces(garbled, 0)).toEqual({ available: true, device: 'WLAN', associated: true, ssid: 'B\uFFFDro', profile: undefined });
    const win7fr = real('netsh-interfaces.fr-connected.txt').replace('Nom                   : Wi-Fi', 'Nom                   : Connexion r\uFFFDseau sans fil');
    expect(parseNetshWlanInterfaces(win7fr, 0)).toMatchObject({ available: true, device: undefined, associated: true, profile: 'SomeProfile' });
  });

  it('Windows 11 without location permission: not available, and says why (whatever the exit code)', () => {
    for (const exit of [0, 1]) {
      const state = parseNetshWlanInterfaces(crlf(real('netsh-interfaces.location-denied.txt')), exit);
      expect(state.available).toBe(false);
      if (!state.available) expect(state.reason).toBe('Windows location permission is off');
    }
  });
});

describe('ipconfig /all, real recordings', () => {
  it('a VPN (PPP) adapter prints "Default Gateway : 0.0.0.0": that is no gateway', () => {
    const state = parseIpconfigAll(crlf(real('ipconfig-all.en-ppp-vpn.txt')));
    expect(state.adapters).toEqual([{ name: 'Windscribe IKEv2', up: true, wireless: false, ipv4: ['10.169.137.16'] }]);
    expect(state.gateway).toBeUndefined();
    expect(state.gatewaylessDefaultVia).toBe('Windscribe IKEv2');
    expect(state.dnsServers).toEqual(['10.255.255.3']);
  });

  it('disconnected Ethernet and an "Unknown adapter" after a multi-line DNS suffix list', () => {
    const state = parseIpconfigAll(crlf(real('ipconfig-all.en-wsl-openvpn.txt')));
    expect(state.adapters).toEqual([
      { name: 'Ethernet', up: false, wireless: false, ipv4: [] },
      { name: 'OpenVPN Wintun', up: false, wireless: false, ipv4: [] },
    ]);
    expect(state.gateway).toBeUndefined();
    expect(state.dnsServers).toEqual([]);
  });

  it('Wi-Fi with a self-assigned address, no gateway and only IPv6 fallback DNS', () => {
    const state = parseIpconfigAll(crlf(real('ipconfig-all.en-wifi-apipa.txt')));
    expect(state).toEqual({ adapters: [{ name: 'Wi-Fi', up: true, wireless: true, ipv4: ['169.254.184.171'] }], gateway: undefined, dnsServers: [] });
  });

  it('host-only virtual switches (Hyper-V, VirtualBox) are not counted as a way onto the network', () => {
    for (const name of ['ipconfig-all.en-hyperv-dockernat.txt', 'ipconfig-all.en-virtualbox.txt']) {
      expect(parseIpconfigAll(crlf(real(name)))).toEqual({ adapters: [], gateway: undefined, dnsServers: [] });
    }
    // With a gateway (a Hyper-V external switch carrying the host's traffic) the adapter stays.
    const external = real('ipconfig-all.en-hyperv-dockernat.txt').replace('Default Gateway . . . . . . . . . :', 'Default Gateway . . . . . . . . . : 10.0.75.14');
    expect(parseIpconfigAll(external)).toMatchObject({ adapters: [{ name: 'vEthernet (DockerNAT)', up: true, ipv4: ['10.0.75.1'] }], gateway: '10.0.75.14' });
  });

  it('French: "Carte inconnue … :" headers (space before the colon) and "Statut du média"', () => {
    const state = parseIpconfigAll(crlf(real('ipconfig-all.fr-disconnected.txt')));
    expect(state.adapters).toEqual([
      { name: 'OpenVPN TAP-Windows6', up: false, wireless: false, ipv4: [] },
      { name: 'OpenVPN Data Channel Offload', up: false, wireless: false, ipv4: [] },
    ]);
  });
});

describe('net user, real recordings', () => {
  it('English and French say "Never" / "Jamais"', () => {
    expect(parseNetUser(crlf(real('net-user.en.txt')))).toEqual({ kind: 'never' });
    expect(parseNetUser(crlf(real('net-user.fr.txt')))).toEqual({ kind: 'never' });
  });

  it('German from the OEM code page: "Kennwort läuft ab" arrives garbled', () => {
    // As recorded (CP850 bytes shown as Windows-1252): "Kennwort l„uft ab".
    expect(parseNetUser(real('net-user.de-cp850.txt'))).toEqual({ kind: 'never' });
    // As the exec port hands it over: the CP850 byte 0x84 decoded as UTF-8 becomes U+FFFD.
    const bytes = Buffer.from(real('net-user.de-cp850.txt').replace(/„/g, '\x84'), 'latin1');
    const decoded = new TextDecoder('utf-8').decode(bytes);
    expect(decoded).toContain('Kennwort l\uFFFDuft ab');
    expect(parseNetUser(decoded)).toEqual({ kind: 'never' });
    // And with a date in the same recorded layout.
    const expiring = decoded.replace(/(Kennwort l\uFFFDuft ab\s+)Nie/, '$128.05.2025 19:37:09');
    expect(parseNetUser(expiring)).toEqual({ kind: 'date', at: new Date(2025, 4, 28, 19, 37, 9) });
  });

  it('reads the recorded date formats of each locale', () => {
    expect(parseWindowsDate('10/25/2021 12:12:37 PM')).toEqual(new Date(2021, 9, 25, 12, 12, 37));
    expect(parseWindowsDate('29/07/2018 01:15:48')).toEqual(new Date(2018, 6, 29, 1, 15, 48));
    expect(parseWindowsDate('28.02.2025 19:37:09')).toEqual(new Date(2025, 1, 28, 19, 37, 9));
  });
});

describe('scutil --dns, real recordings', () => {
  it('the usual layout: the default resolver, mDNS resolvers ignored', () => {
    expect(parseScutilDns(real('scutil-dns.plain.txt'))).toEqual(['75.75.75.75', '75.75.76.76']);
  });

  it("a VPN's supplemental resolver comes after the default one, and only addresses count", () => {
    expect(parseScutilDns(real('scutil-dns.vpn-supplemental.txt'))).toEqual(['10.0.2.1']);
  });

  it('Tunnelblick: no unscoped nameserver at all, so the scoped ones are what is used', () => {
    expect(parseScutilDns(real('scutil-dns.scoped-only.txt'))).toEqual(['8.8.8.8', '8.8.4.4']);
  });

  it('keeps an IPv6 link-local nameserver with its zone', () => {
    expect(parseScutilDns(real('scutil-dns.ipv6-link-local.txt'))).toEqual(['fe80::8e3b:adff:fead:7bf6%en0', '192.168.1.1']);
  });
});

describe('macOS proxy and password policy, real recordings', () => {
  it('scutil --proxy with only an auto-config (PAC) URL', () => {
    expect(parseScutilProxy(real('scutil-proxy.pac.txt'))).toEqual({ configured: true, servers: ['pac:http://wpad.company.com/wpad.dat'], source: 'scutil' });
  });

  it('pwpolicy with an MDM lockout policy but no password-change policy: the password never expires', () => {
    expect(parseMacExpiry('', real('pwpolicy-getaccountpolicies.lockout-only.txt'))).toEqual({ kind: 'never' });
  });
});

describe('macOS Wi-Fi and route, real recordings', () => {
  it("networksetup -listallhardwareports with a dock's adapters: Wi-Fi is en0", () => {
    const ports = parseHardwarePorts(real('networksetup-listallhardwareports.dock.txt'));
    expect(ports).toHaveLength(9);
    expect(ports[2]).toEqual({ port: 'AX88179A', device: 'en6' });
    expect(wifiDevice(ports)).toBe('en0');
  });

  it('macOS 15 says "not associated" even while connected: an active link with an address wins', () => {
    const link = parseIfconfig(real('ifconfig-en2-active.txt'), 'en2').find((a) => a.name === 'en2');
    expect(link).toEqual({ name: 'en2', up: true, wireless: true, ipv4: ['10.0.0.19'] });
    expect(parseAirportNetwork(real('networksetup-getairportnetwork.sequoia-connected.txt'), 'en2', link)).toEqual({ available: true, device: 'en2', associated: true });
    // Without a live link the same sentence still means "not associated".
    expect(parseAirportNetwork(real('networksetup-getairportnetwork.sequoia-connected.txt'), 'en2', { ...link!, up: false })).toEqual({ available: true, device: 'en2', associated: false });
    expect(parseAirportNetwork(real('networksetup-getairportnetwork.sequoia-connected.txt'), 'en2')).toEqual({ available: true, device: 'en2', associated: false });
  });

  it('route -n get default: a gateway, and a VPN default route that has none', () => {
    expect(parseRouteGetDefault(real('route-get-default.en0.txt'))).toBe('10.62.96.1');
    expect(parseRouteGetDefault(real('route-get-default.vpn-no-gateway.txt'))).toBeUndefined();
    expect(macLocalState('', real('route-get-default.vpn-no-gateway.txt'), '')).toMatchObject({ gateway: undefined, gatewaylessDefaultVia: 'ipsec0' });
    expect(macLocalState('', real('route-get-default.en0.txt'), '')).toEqual({ adapters: [], gateway: '10.62.96.1', dnsServers: [] });
  });

  it('a Mac whose default route is a VPN tunnel is not diagnosed "gateway unreachable"', async () => {
    const exec = fakeExec({
      ifconfig: { stdout: real('ifconfig-en2-active.txt') },
      'route -n get default': { stdout: real('route-get-default.vpn-no-gateway.txt') },
      'scutil --dns': { stdout: real('scutil-dns.plain.txt') },
      'scutil --proxy': { stdout: '<dictionary> {\n}\n' },
      'networksetup -listallhardwareports': { stdout: 'Hardware Port: Wi-Fi\nDevice: en2\n' },
      'networksetup -getairportnetwork en2': { stdout: real('networksetup-getairportnetwork.sequoia-connected.txt') },
      'networksetup -getairportpower en2': { stdout: 'Wi-Fi Power (en2): On\n' },
    });
    // Loopback port 9 answers nothing: the DNS probe fails, so the diagnosis must get past the gateway to it.
    const policy = { networkProbes: { dns: { servers: ['127.0.0.1:9'], timeoutMs: 500 }, externalUrl: { url: 'http://127.0.0.1:9/', timeoutMs: 500 }, gateway: { timeoutMs: 1000 } } };
    const result = await diagnoseAction.run({}, makeContext({ exec, platform: 'darwin', policy }));
    expect(result.probes.find((p) => p.id === 'gateway')).toMatchObject({ status: 'not-available', detail: 'default route via ipsec0, no gateway' });
    expect(result.probes.find((p) => p.id === 'wifi')?.status).toBe('pass');
    expect(result.problem).toBe('dns-failed');
    expect(exec.lines().some((line) => line.startsWith('ping'))).toBe(false);
  });
});

describe('Windows print job status and tasklist, real values', () => {
  it('JobStatus 8210 (Error | Printing | Retained, as recorded from a spooler) is stuck; 8208 is not', () => {
    expect(jobInError(8210)).toBe(true);
    expect(jobInError('Error, Printing, Retained')).toBe(true);
    expect(jobInError(8208)).toBe(false);
    expect(jobInError('Printing, Retained')).toBe(false);
  });

  it('printer names with accents survive: the scripts ask PowerShell for UTF-8, whose BOM is dropped', () => {
    // Windows PowerShell 5.1 otherwise writes redirected output in the OEM code page
    // (reported from French Windows in rannn505/child-shell#82, German in royalapplications/toolbox#51).
    expect(windowsScripts.printers.startsWith('[Console]::OutputEncoding = [System.Text.Encoding]::UTF8; ')).toBe(true);
    expect(windowsScripts.jobs.startsWith('[Console]::OutputEncoding = [System.Text.Encoding]::UTF8; ')).toBe(true);
    const printers = '\uFEFF[{"Name":"Imprimante étage 2","PrinterStatus":"Normal","Default":true},{"Name":"Drucker Büro","PrinterStatus":"Offline","Default":false}]\r\n';
    const jobs = '\uFEFF{"Id":7,"PrinterName":"Drucker Büro","UserName":"jdupont","DocumentName":"Rapport.pdf","JobStatus":8210}\r\n';
    expect(parseGetPrinter(printers, jobs)).toEqual([
      { name: 'Imprimante étage 2', enabled: true, accepting: true, isDefault: true, reasons: [], jobs: [] },
      {
        name: 'Drucker Büro',
        enabled: false,
        accepting: true,
        isDefault: false,
        reasons: ['Offline'],
        fault: 'not-responding',
        jobs: [{ id: '7', user: 'jdupont', title: 'Rapport.pdf', error: true, state: 'stopped' }],
      },
    ]);
  });

  it('a sleeping or low-toner printer is not a stopped queue; Offline and Paused are', () => {
    // "Normal" is what the recorded Get-Printer listings show; the others are MSFT_Printer PrinterStatus names.
    const row = (status: string) => `{"Name":"P","PrinterStatus":"${status}","Default":false}`;
    expect(parseGetPrinter(row('Normal'), '')?.[0]).toMatchObject({ enabled: true, reasons: [] });
    expect(parseGetPrinter(row('PowerSave'), '')?.[0]).toMatchObject({ enabled: true, reasons: ['PowerSave'] });
    expect(parseGetPrinter(row('TonerLow'), '')?.[0]).toMatchObject({ enabled: true, reasons: ['TonerLow'] });
    expect(parseGetPrinter(row('Offline'), '')?.[0]).toMatchObject({ enabled: false, reasons: ['Offline'] });
    expect(parseGetPrinter(row('Paused'), '')?.[0]).toMatchObject({ enabled: false, reasons: ['Paused'] });
    expect(parseGetPrinter(row('TonerLow, PaperJam'), '')?.[0]).toMatchObject({ enabled: false, reasons: ['TonerLow', 'PaperJam'] });
  });

  it('tasklist /FO CSV rows, and the INFO line when nothing matches', () => {
    expect(parseTasklist(crlf(real('tasklist-csv.spotify.txt')))).toEqual([
      { name: 'Spotify.exe', pid: 21824 },
      { name: 'Spotify.exe', pid: 21876 },
    ]);
    expect(parseTasklist(crlf(real('tasklist-csv.none.txt')))).toEqual([]);
  });
});

describe('readWifi over the exec port with the recordings', () => {
  const ports = 'Hardware Port: Wi-Fi\nDevice: en2\nEthernet Address: 44:d8:84:6d:8a:3f\n';

  it('macOS 15: connected although networksetup says otherwise; really disconnected when the link is down', async () => {
    const sequoia = real('networksetup-getairportnetwork.sequoia-connected.txt');
    const connected = fakeExec({
      'networksetup -listallhardwareports': { stdout: ports },
      'networksetup -getairportnetwork en2': { stdout: sequoia },
      'networksetup -getairportpower en2': { stdout: 'Wi-Fi Power (en2): On\n' },
      ifconfig: { stdout: real('ifconfig-en2-active.txt') },
    });
    expect(await readWifi(makeContext({ exec: connected, platform: 'darwin' }), 5000)).toEqual({ available: true, device: 'en2', associated: true });
    const down = fakeExec({
      'networksetup -listallhardwareports': { stdout: ports },
      'networksetup -getairportnetwork en2': { stdout: sequoia },
      'networksetup -getairportpower en2': { stdout: 'Wi-Fi Power (en2): On\n' },
      ifconfig: {
        stdout: real('ifconfig-en2-active.txt')
          .replace('status: active', 'status: inactive')
          .replace(/\tinet .*\n/, ''),
      },
    });
    expect(await readWifi(makeContext({ exec: down, platform: 'darwin' }), 5000)).toEqual({ available: true, device: 'en2', associated: false });
  });

  it('Windows in French and without location permission', async () => {
    const fr = fakeExec({ 'netsh wlan show interfaces': { stdout: crlf(real('netsh-interfaces.fr-connected.txt')) } });
    expect(await readWifi(makeContext({ exec: fr, platform: 'win32' }), 5000)).toMatchObject({ available: true, device: 'Wi-Fi', associated: true, ssid: 'SSID-1' });
    const denied = fakeExec({ 'netsh wlan show interfaces': { stdout: crlf(real('netsh-interfaces.location-denied.txt')), exitCode: 1 } });
    expect(await readWifi(makeContext({ exec: denied, platform: 'win32' }), 5000)).toEqual({ available: false, reason: 'Windows location permission is off' });
  });

  it('reconnect with a garbled profile name asks the employee to pick the network instead of failing', async () => {
    const garbled = crlf(real('netsh-interfaces.de-connected.txt').replace('Profile1 2', 'B\uFFFDro'));
    const exec = fakeExec({ 'netsh wlan show interfaces': { stdout: garbled }, 'netsh wlan': {} });
    const result = await reconnectWifiAction.run({}, makeContext({ exec, platform: 'win32', lang: 'de' }));
    expect(result).toMatchObject({ ok: false, available: false });
    expect(exec.lines()).toEqual(['netsh wlan show interfaces']);
  });
});

describe('Teams on macOS, real executable paths', () => {
  it('looks for the executables Teams really runs (classic: Contents/MacOS/Teams, new: MSTeams)', async () => {
    const executables = real('macos-teams-executables.txt')
      .split('\n')
      .flatMap((line) => /\/Contents\/MacOS\/(\S+)/.exec(line)?.[1] ?? []);
    expect(executables).toEqual(['Teams', 'MSTeams']);
    const names = teamsProcesses('darwin').map((p) => p.name);
    for (const executable of executables) expect(names).toContain(executable);
    // A running classic Teams is found (before, pgrep -x "Microsoft Teams" never matched it).
    const exec = fakeExec({ 'pgrep -u 501 -x Teams': { stdout: '83040\n' }, pgrep: { exitCode: 1 } });
    expect(await findTeams(makeContext({ exec, platform: 'darwin', env: { USER: 'jdupont' } }), { uid: 501 })).toEqual([{ client: 'classic', name: 'Teams', pid: 83040 }]);
  });
});
