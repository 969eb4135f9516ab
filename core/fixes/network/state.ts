/** The machine's network state as read by the per-OS parsers (one shape for all three OSes). */
export type Adapter = {
  name: string;
  /** Link up / media connected. */
  up: boolean;
  wireless: boolean;
  ipv4: string[];
};

export type LocalState = {
  adapters: Adapter[];
  /** IPv4 default gateway, when one is configured. */
  gateway?: string | undefined;
  /**
   * Set when the default route has no gateway address but goes straight out of an interface —
   * a VPN tunnel (macOS `utun`/`ipsec`, a Windows PPP adapter's "0.0.0.0"): nothing to ping, yet not broken.
   */
  gatewaylessDefaultVia?: string | undefined;
  dnsServers: string[];
};

export type WifiState = { available: false; reason: string } | { available: true; device?: string | undefined; associated: boolean; ssid?: string | undefined; profile?: string | undefined };

export type ProxyState = {
  configured: boolean;
  servers: string[];
  source?: string | undefined;
  /** Per-scheme proxies when the source says so (Linux environment: http_proxy / https_proxy / all_proxy). */
  routes?: { http?: string | undefined; https?: string | undefined } | undefined;
  /** Hosts that go direct: no_proxy, WinINET ProxyOverride, WinHTTP bypass list, macOS ExceptionsList. */
  bypass?: string[] | undefined;
};

export function isLinkLocal(ip: string): boolean {
  return ip.startsWith('169.254.');
}

export function isIpv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}
