import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInternetSettings, parseIpconfigAll, parseNetshWlanInterfaces, parseWinhttpProxy } from '../../../core/fixes/network/parse-windows.ts';
import {
  parseAirportNetwork,
  parseAirportPower,
  parseHardwarePorts,
  parseIfconfig,
  parseRouteGetDefault,
  parseScutilDns,
  parseScutilProxy,
  wifiDevice,
} from '../../../core/fixes/network/parse-macos.ts';
import { parseIpAddr, parseIpRouteDefault, parseNmcliDeviceStatus, proxyFromEnv, splitTerse } from '../../../core/fixes/network/parse-linux.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/fixes/${name}`, import.meta.url), 'utf8');

describe('Windows network output', () => {
  it('reads adapters, the IPv4 gateway and DNS servers from ipconfig /all (CRLF, continuation lines)', () => {
    const state = parseIpconfigAll(fixture('ipconfig-all.wifi.txt'));
    expect(state.adapters.map((a) => [a.name, a.up, a.wireless, a.ipv4])).toEqual([
      ['Ethernet', false, false, []],
      ['Local Area Connection* 1', false, true, []],
      ['Wi-Fi', true, true, ['10.20.30.41']],
    ]);
    expect(state.gateway).toBe('10.20.28.1');
    expect(state.dnsServers).toEqual(['10.20.0.53', '10.20.0.54']);
  });

  it('flags a self-assigned 169.254 address and no gateway', () => {
    const state = parseIpconfigAll(fixture('ipconfig-all.apipa.txt'));
    expect(state.adapters).toEqual([{ name: 'Ethernet', up: true, wireless: false, ipv4: ['169.254.77.12'] }]);
    expect(state.gateway).toBeUndefined();
    expect(state.dnsServers).toEqual([]);
  });

  it('reads SSID and profile from netsh wlan show interfaces, in English and German', () => {
    expect(parseNetshWlanInterfaces(fixture('netsh-wlan-show-interfaces.connected.txt'), 0)).toEqual({
      available: true,
      device: 'Wi-Fi',
      associated: true,
      ssid: 'Contoso Corp',
      profile: 'Contoso Corp',
    });
    expect(parseNetshWlanInterfaces(fixture('netsh-wlan-show-interfaces.de.txt'), 0)).toEqual({
      available: true,
      device: 'WLAN',
      associated: true,
      ssid: 'Büro-Gäste',
      profile: 'Büro-Gäste',
    });
  });

  it('reports a disconnected interface and a stopped WLAN service as different things', () => {
    expect(parseNetshWlanInterfaces(fixture('netsh-wlan-show-interfaces.disconnected.txt'), 0)).toEqual({ available: true, device: 'Wi-Fi', associated: false });
    expect(parseNetshWlanInterfaces(fixture('netsh-wlan-show-interfaces.service-stopped.txt'), 1)).toEqual({
      available: false,
      reason: 'The Wireless AutoConfig Service (wlansvc) is not running.',
    });
  });

  it('reads the per-user (WinINET) proxy only when it is enabled, and a PAC script', () => {
    const text = fixture('reg-query-internet-settings.txt');
    expect(parseInternetSettings(text)).toEqual({ configured: true, servers: ['proxy.corp.contoso.com:8080'], source: 'wininet', bypass: ['*.corp.contoso.com', '<local>'] });
    expect(parseInternetSettings(text.replace('ProxyEnable    REG_DWORD    0x1', 'ProxyEnable    REG_DWORD    0x0')).configured).toBe(false);
    expect(parseInternetSettings('    AutoConfigURL    REG_SZ    http://wpad.corp.contoso.com/proxy.pac\r\n').servers).toEqual(['pac:http://wpad.corp.contoso.com/proxy.pac']);
  });

  it('reads the WinHTTP proxy', () => {
    expect(parseWinhttpProxy(fixture('netsh-winhttp-show-proxy.direct.txt'))).toEqual({ configured: false, servers: [], source: 'winhttp' });
    expect(parseWinhttpProxy(fixture('netsh-winhttp-show-proxy.proxy.txt')).servers).toEqual(['proxy.corp.contoso.com:8080']);
  });
});

describe('macOS network output', () => {
  it('finds the Wi-Fi device among the hardware ports', () => {
    const ports = parseHardwarePorts(fixture('networksetup-listallhardwareports.txt'));
    expect(ports).toEqual([
      { port: 'Ethernet Adapter (en4)', device: 'en4' },
      { port: 'Wi-Fi', device: 'en0' },
      { port: 'Thunderbolt Bridge', device: 'bridge0' },
    ]);
    expect(wifiDevice(ports)).toBe('en0');
  });

  it('reads active interfaces and addresses from ifconfig, skipping loopback and virtual ones', () => {
    expect(parseIfconfig(fixture('ifconfig.txt'), 'en0')).toEqual([
      { name: 'en4', up: false, wireless: false, ipv4: [] },
      { name: 'en0', up: true, wireless: true, ipv4: ['10.20.30.42'] },
    ]);
  });

  it('reads the default gateway, unscoped DNS servers and the proxy', () => {
    expect(parseRouteGetDefault(fixture('route-get-default.txt'))).toBe('10.20.28.1');
    expect(parseRouteGetDefault('route: writing to routing socket: not in table\n')).toBeUndefined();
    expect(parseScutilDns(fixture('scutil-dns.txt'))).toEqual(['10.20.0.53', '10.20.0.54']);
    expect(parseScutilProxy(fixture('scutil-proxy.txt'))).toEqual({
      configured: true,
      servers: ['proxy.corp.contoso.com:8080'],
      source: 'scutil',
      routes: { http: 'proxy.corp.contoso.com:8080', https: 'proxy.corp.contoso.com:8080' },
      bypass: ['*.local', '169.254/16'],
    });
  });

  it('reads the Wi-Fi network and radio power', () => {
    expect(parseAirportNetwork(fixture('networksetup-getairportnetwork.connected.txt'), 'en0')).toEqual({ available: true, device: 'en0', associated: true, ssid: 'Contoso Corp' });
    expect(parseAirportNetwork(fixture('networksetup-getairportnetwork.disconnected.txt'), 'en0')).toEqual({ available: true, device: 'en0', associated: false });
    expect(parseAirportPower(fixture('networksetup-getairportpower.off.txt'))).toBe(false);
  });
});

describe('Linux network output', () => {
  it('unescapes colons in nmcli terse output and finds the connected Wi-Fi device', () => {
    expect(splitTerse('a\\:b:c\\\\d:')).toEqual(['a:b', 'c\\d', '']);
    expect(parseNmcliDeviceStatus(fixture('nmcli-device-status.txt'))).toEqual({ available: true, device: 'wlp0s20f3', associated: true, ssid: 'Contoso: Corp' });
    expect(parseNmcliDeviceStatus('eth0:ethernet:connected:Wired\n')).toEqual({ available: false, reason: 'no Wi-Fi device' });
  });

  it('reads iproute2 JSON', () => {
    const adapters = parseIpAddr(
      JSON.stringify([
        { ifname: 'lo', operstate: 'UNKNOWN', link_type: 'loopback', addr_info: [{ family: 'inet', local: '127.0.0.1' }] },
        {
          ifname: 'wlp2s0',
          operstate: 'UP',
          link_type: 'ether',
          addr_info: [
            { family: 'inet', local: '169.254.3.4' },
            { family: 'inet6', local: 'fe80::1' },
          ],
        },
        { ifname: 'eth0', operstate: 'DOWN', link_type: 'ether', addr_info: [] },
      ]),
    );
    expect(adapters).toEqual([
      { name: 'wlp2s0', up: true, wireless: true, ipv4: ['169.254.3.4'] },
      { name: 'eth0', up: false, wireless: false, ipv4: [] },
    ]);
    expect(parseIpRouteDefault('[{"dst":"default","gateway":"192.0.2.1","dev":"eth0","flags":[]}]')).toBe('192.0.2.1');
    expect(parseIpRouteDefault('[]')).toBeUndefined();
    expect(parseIpAddr('not json')).toEqual([]);
  });

  it('takes the proxy from the environment', () => {
    expect(proxyFromEnv({ HTTPS_PROXY: 'http://proxy:3128', https_proxy: undefined })).toEqual({
      configured: true,
      servers: ['http://proxy:3128'],
      source: 'environment',
      routes: { http: undefined, https: 'http://proxy:3128' },
    });
    expect(proxyFromEnv({ http_proxy: 'http://127.0.0.1:9', all_proxy: 'http://127.0.0.1:8', no_proxy: 'localhost, .corp.test' })).toMatchObject({
      routes: { http: 'http://127.0.0.1:9', https: 'http://127.0.0.1:8' },
      bypass: ['localhost', '.corp.test'],
    });
    expect(proxyFromEnv({}).configured).toBe(false);
  });
});

describe('Windows output in other languages and code pages', () => {
  it('reads a French ipconfig /all whose accents were garbled by the OEM code page', () => {
    const text = [
      '',
      'Configuration IP de Windows',
      '',
      'Carte Ethernet Ethernet :',
      '',
      '   Statut du m\u201adia. . . . . . . . . . . : M\u201adia d\u201aconnect\u201a',
      '   Suffixe DNS propre \u0085 la connexion. . . :',
      '',
      'Carte r\u201aseau sans fil Wi-Fi :',
      '',
      '   Adresse IPv4. . . . . . . . . . . . . .: 192.168.1.23(pr\u201af\u201ar\u201a)',
      '   Passerelle par d\u201afaut. . . . . . . . . : 192.168.1.1',
      '   Serveurs DNS. . .  . . . . . . . . . . : 192.168.1.1',
      '',
    ].join('\r\n');
    const state = parseIpconfigAll(text);
    expect(state.adapters.map((a) => [a.up, a.wireless, a.ipv4])).toEqual([
      [false, false, []],
      [true, true, ['192.168.1.23']],
    ]);
    expect(state.gateway).toBe('192.168.1.1');
    expect(state.dnsServers).toEqual(['192.168.1.1']);
  });
});
