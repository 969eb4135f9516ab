/**
 * Parsers for macOS command output (`ifconfig`, `route -n get default`, `networksetup`,
 * `scutil --dns`, `scutil --proxy`). We read these ourselves because node-wifi relies on the
 * `airport` binary that macOS 14.4 removed.
 */
import type { Adapter, LocalState, ProxyState, WifiState } from './state.ts';
import { isIpv4, isLinkLocal } from './state.ts';

/** `networksetup -listallhardwareports` → hardware port name per device. */
export function parseHardwarePorts(text: string): Array<{ port: string; device: string }> {
  const out: Array<{ port: string; device: string }> = [];
  let port: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const p = /^Hardware Port:\s*(.+)$/.exec(line);
    if (p?.[1]) port = p[1].trim();
    const d = /^Device:\s*(\S+)/.exec(line);
    if (d?.[1] && port) {
      out.push({ port, device: d[1] });
      port = undefined;
    }
  }
  return out;
}

export function wifiDevice(ports: ReadonlyArray<{ port: string; device: string }>): string | undefined {
  return ports.find((p) => /^(Wi-Fi|AirPort)$/i.test(p.port))?.device;
}

/** `ifconfig` → interfaces with `status: active` and their IPv4 addresses (loopback and virtual ones skipped). */
export function parseIfconfig(text: string, wirelessDevice?: string): Adapter[] {
  const adapters: Adapter[] = [];
  let current: Adapter | undefined;
  for (const line of text.split(/\r?\n/)) {
    const head = /^([a-z][a-z0-9]*):\s+flags=\w+<([^>]*)>/.exec(line);
    if (head?.[1]) {
      const name = head[1];
      current = /^(lo|gif|stf|anpi|awdl|llw|utun|bridge|ap)\d*/.test(name) ? undefined : { name, up: false, wireless: name === wirelessDevice, ipv4: [] };
      if (current) adapters.push(current);
      continue;
    }
    if (!current) continue;
    const inet = /^\s+inet\s+(\S+)/.exec(line);
    if (inet?.[1] && isIpv4(inet[1])) current.ipv4.push(inet[1]);
    if (/^\s+status:\s+active/.test(line)) current.up = true;
  }
  return adapters;
}

/** `route -n get default` → the gateway, if any ("route: writing to routing socket: not in table" otherwise). */
export function parseRouteGetDefault(text: string): string | undefined {
  const match = /^\s*gateway:\s*(\S+)/m.exec(text);
  return match?.[1] && isIpv4(match[1]) ? match[1] : undefined;
}

function isIpLiteral(value: string): boolean {
  return isIpv4(value) || /^[0-9a-f]*:[0-9a-f:.]+(%[\w.]+)?$/i.test(value);
}

/** Nameservers of one `scutil --dns` part, default resolvers before supplemental (per-domain, VPN) ones. */
function resolverServers(part: string): string[] {
  const primary: string[] = [];
  const supplemental: string[] = [];
  for (const resolver of part.split(/^resolver #\d+/m).slice(1)) {
    const perDomain = /^\s*domain\s*:/m.test(resolver) || /^\s*flags\s*:.*\bSupplemental\b/m.test(resolver);
    for (const match of resolver.matchAll(/^\s*nameserver\[\d+\]\s*:\s*(\S+)/gm)) {
      if (match[1] && isIpLiteral(match[1])) (perDomain ? supplemental : primary).push(match[1]);
    }
  }
  return [...new Set([...primary, ...supplemental])];
}

/**
 * `scutil --dns` → nameservers of the unscoped resolvers (the part before "for scoped queries").
 * Some VPN clients (Tunnelblick) leave the unscoped resolver empty and set only a scoped one,
 * which is then what applications use.
 */
export function parseScutilDns(text: string): string[] {
  const [unscoped = '', scoped = ''] = text.split(/DNS configuration \(for scoped queries\)/);
  const servers = resolverServers(unscoped);
  return servers.length > 0 ? servers : resolverServers(scoped);
}

/** `route -n get default` → the interface of a default route that has no `gateway:` line (a VPN tunnel). */
export function parseRouteGatewaylessInterface(text: string): string | undefined {
  if (!/^\s*destination:\s*default\s*$/m.test(text) || /^\s*gateway:/m.test(text)) return undefined;
  return /^\s*interface:\s*(\S+)/m.exec(text)?.[1];
}

export function macLocalState(ifconfig: string, route: string, scutilDns: string, wirelessDevice?: string): LocalState {
  const gateway = parseRouteGetDefault(route);
  const via = gateway === undefined ? parseRouteGatewaylessInterface(route) : undefined;
  return { adapters: parseIfconfig(ifconfig, wirelessDevice), gateway, dnsServers: parseScutilDns(scutilDns), ...(via ? { gatewaylessDefaultVia: via } : {}) };
}

/**
 * `networksetup -getairportnetwork en0` → SSID or not associated; `-getairportpower` tells whether
 * the radio is off. macOS 15 answers "You are not associated with an AirPort network." even while
 * connected (the SSID is withheld from command-line tools), so when the Wi-Fi link itself (from
 * `ifconfig`) is active with a routable address, it is associated — with an SSID we cannot know.
 */
export function parseAirportNetwork(text: string, device: string, link?: Adapter): WifiState {
  const match = /^Current (?:Wi-Fi|AirPort) Network:\s*(.+)$/m.exec(text);
  if (match?.[1]) return { available: true, device, associated: true, ssid: match[1].trim() };
  if (/is not a Wi-Fi interface|Error/i.test(text)) return { available: false, reason: text.trim().split(/\r?\n/)[0] ?? 'not a Wi-Fi interface' };
  const linkUp = link?.up === true && link.ipv4.some((ip) => !isLinkLocal(ip));
  return { available: true, device, associated: linkUp };
}

export function parseAirportPower(text: string): boolean | undefined {
  const match = /Wi-Fi Power \([^)]*\):\s*(On|Off)/i.exec(text);
  return match?.[1] ? match[1].toLowerCase() === 'on' : undefined;
}

/** `scutil --proxy` → HTTP/HTTPS proxies or an auto-config URL that are enabled. */
export function parseScutilProxy(text: string): ProxyState {
  const fields = new Map<string, string>();
  for (const match of text.matchAll(/^\s*(\w+)\s*:\s*(.+)$/gm)) if (match[1] && match[2]) fields.set(match[1], match[2].trim());
  const servers: string[] = [];
  for (const kind of ['HTTP', 'HTTPS']) {
    if (fields.get(`${kind}Enable`) === '1' && fields.get(`${kind}Proxy`)) {
      const server = `${fields.get(`${kind}Proxy`)}:${fields.get(`${kind}Port`) ?? '80'}`;
      if (!servers.includes(server)) servers.push(server);
    }
  }
  if (fields.get('ProxyAutoConfigEnable') === '1' && fields.get('ProxyAutoConfigURLString')) servers.push(`pac:${fields.get('ProxyAutoConfigURLString')}`);
  // ExceptionsList : <array> { 0 : *.local  1 : 169.254/16 }
  const exceptions = /ExceptionsList\s*:\s*<array>\s*\{([^}]*)\}/.exec(text)?.[1];
  const bypass = exceptions ? [...exceptions.matchAll(/^\s*\d+\s*:\s*(\S+)\s*$/gm)].map((m) => m[1] ?? '').filter(Boolean) : [];
  const http = fields.get('HTTPEnable') === '1' && fields.get('HTTPProxy') ? `${fields.get('HTTPProxy')}:${fields.get('HTTPPort') ?? '80'}` : undefined;
  const https = fields.get('HTTPSEnable') === '1' && fields.get('HTTPSProxy') ? `${fields.get('HTTPSProxy')}:${fields.get('HTTPSPort') ?? '443'}` : undefined;
  return {
    configured: servers.length > 0,
    servers,
    source: 'scutil',
    ...(http || https ? { routes: { http, https } } : {}),
    ...(bypass.length && servers.length ? { bypass } : {}),
  };
}
