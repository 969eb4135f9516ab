/**
 * Parsers for Linux: iproute2 JSON (`ip -j`) and NetworkManager's terse `nmcli -t` output, where
 * `:` inside a field is escaped as `\:`.
 */
import { z } from 'zod';
import type { Adapter, LocalState, ProxyState, WifiState } from './state.ts';
import { isIpv4 } from './state.ts';

const ipAddr = z.array(
  z.looseObject({
    ifname: z.string(),
    operstate: z.string().optional(),
    flags: z.array(z.string()).optional(),
    link_type: z.string().optional(),
    addr_info: z.array(z.looseObject({ family: z.string().optional(), local: z.string().optional() })).default([]),
  }),
);
const ipRoute = z.array(z.looseObject({ dst: z.string().optional(), gateway: z.string().optional() }));

/** `ip -j addr show` → non-loopback adapters, up when operstate is UP (or LOWER_UP for UNKNOWN-state links). */
export function parseIpAddr(json: string): Adapter[] {
  const parsed = ipAddr.safeParse(safeJson(json));
  if (!parsed.success) return [];
  return parsed.data
    .filter((link) => link.link_type !== 'loopback' && link.ifname !== 'lo')
    .map((link) => ({
      name: link.ifname,
      up: link.operstate === 'UP' || (link.operstate === 'UNKNOWN' && (link.flags ?? []).includes('LOWER_UP')),
      wireless: /^(wl|wlan|wifi)/.test(link.ifname),
      ipv4: link.addr_info.map((a) => a.local ?? '').filter(isIpv4),
    }));
}

/** `ip -j route show default` → IPv4 gateway. */
export function parseIpRouteDefault(json: string): string | undefined {
  const parsed = ipRoute.safeParse(safeJson(json));
  if (!parsed.success) return undefined;
  return parsed.data.map((r) => r.gateway).find((g): g is string => g !== undefined && isIpv4(g));
}

/** `/etc/resolv.conf` → nameservers. */
export function parseResolvConf(text: string): string[] {
  return [...text.matchAll(/^\s*nameserver\s+(\S+)/gm)].map((m) => m[1] ?? '').filter(Boolean);
}

export function linuxLocalState(ipAddrJson: string, ipRouteJson: string, resolvConf: string): LocalState {
  return { adapters: parseIpAddr(ipAddrJson), gateway: parseIpRouteDefault(ipRouteJson), dnsServers: parseResolvConf(resolvConf) };
}

/** Splits one `nmcli -t` line on unescaped colons and unescapes `\:` and `\\`. */
export function splitTerse(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\' && i + 1 < line.length) {
      field += line[i + 1];
      i++;
    } else if (ch === ':') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** `nmcli -t -f DEVICE,TYPE,STATE,CONNECTION device status` → the Wi-Fi device and its connection. */
export function parseNmcliDeviceStatus(text: string): WifiState {
  const wifi = text
    .split(/\r?\n/)
    .filter(Boolean)
    .map(splitTerse)
    .filter((f) => f[1] === 'wifi');
  if (wifi.length === 0) return { available: false, reason: 'no Wi-Fi device' };
  const connected = wifi.find((f) => f[2] === 'connected');
  if (connected) return { available: true, device: connected[0], associated: true, ssid: connected[3] || undefined };
  return { available: true, device: wifi[0]?.[0], associated: false };
}

/** Proxy from the environment (what command-line tools and many apps honour on Linux). */
export function proxyFromEnv(env: Readonly<Record<string, string | undefined>>): ProxyState {
  const servers: string[] = [];
  for (const key of ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'all_proxy', 'ALL_PROXY']) {
    const value = env[key];
    if (value && !servers.includes(value)) servers.push(value);
  }
  if (servers.length === 0) return { configured: false, servers, source: 'environment' };
  const pick = (...keys: string[]) => keys.map((k) => env[k]).find((v) => v !== undefined && v !== '');
  const routes = { http: pick('http_proxy', 'HTTP_PROXY', 'all_proxy', 'ALL_PROXY'), https: pick('https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY') };
  const noProxy = pick('no_proxy', 'NO_PROXY');
  return {
    configured: true,
    servers,
    source: 'environment',
    routes,
    ...(noProxy
      ? {
          bypass: noProxy
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
        }
      : {}),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
