/**
 * Parsers for Windows command output. Windows localizes both keys and values (`State` is
 * `Status`/`État`, `connected` is `Verbunden`…), so parsing leans on what is not translated:
 * the `SSID` key, IPv4 literals, the "IPv4" token in keys and section layout.
 */
import type { LocalState, Adapter, ProxyState, WifiState } from './state.ts';
import { isIpv4 } from './state.ts';

type Section = { header: string; entries: Array<[key: string, value: string]> };

/** Splits `ipconfig /all`-style text into headed sections of `Key . . . : value` entries (continuation lines kept). */
function sections(text: string): Section[] {
  const out: Section[] = [];
  let current: Section | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    if (!/^\s/.test(raw)) {
      // French puts a space before the colon ("Carte inconnue OpenVPN TAP-Windows6 :").
      current = { header: raw.trim().replace(/\s*:$/, ''), entries: [] };
      out.push(current);
      continue;
    }
    if (!current) continue;
    const last = current.entries[current.entries.length - 1];
    // Continuation lines (a second DNS server, "Software On") sit in the value column, far right.
    if (last && /^\s{20,}\S/.test(raw)) {
      last[1] = `${last[1]}\n${raw.trim()}`;
      continue;
    }
    const match = /^\s+([^:]+?)[\s.]*:\s?(.*)$/.exec(raw);
    if (match?.[1] !== undefined) current.entries.push([match[1].trim(), (match[2] ?? '').trim()]);
  }
  return out;
}

function ipv4Values(value: string): string[] {
  return value
    .split('\n')
    .map((v) => v.replace(/\(.*\)$/, '').trim())
    .filter(isIpv4);
}

/**
 * Host-only virtual switches (Hyper-V's "vEthernet (Default Switch)", VirtualBox, VMware) are always
 * up with an address but lead nowhere; counted as adapters they hid a disconnected Wi-Fi behind
 * "gateway unreachable". Driver descriptions are not translated. Kept when they carry a gateway
 * (a Hyper-V external switch is the host's real connection).
 */
const hostOnlyDriver = /Hyper-V Virtual Ethernet Adapter|VirtualBox Host-Only|VMware Virtual Ethernet Adapter/i;

/** `ipconfig /all` → adapters (media state, IPv4), the IPv4 default gateway and DNS servers. */
export function parseIpconfigAll(text: string): LocalState {
  const adapters: Adapter[] = [];
  let gateway: string | undefined;
  let gatewaylessDefaultVia: string | undefined;
  const dnsServers: string[] = [];
  for (const section of sections(text)) {
    // "Ethernet adapter Ethernet", "Wireless LAN adapter Wi-Fi", "Drahtlos-LAN-Adapter WLAN", "Carte réseau sans fil Wi-Fi".
    const isAdapter = / adapter |adapter |carte |adaptateur /i.test(`${section.header} `);
    if (!isAdapter) continue;
    // The adapter type comes first and is translated: "Unknown adapter X", "Ethernet-Adapter X",
    // "Carte inconnue X", "Carte réseau sans fil X" (é garbled when read in the OEM code page).
    const name = section.header.replace(/^(?:.*?adapter|carte (?:r.{1,2}seau sans fil|ethernet|inconnue|tunnel|ppp)|carte)\s+/i, '').trim() || section.header;
    const wireless = /wireless|wlan|wi-?fi|sans fil|drahtlos/i.test(section.header);
    const ipv4: string[] = [];
    let disconnected = false;
    let hasGateway = false;
    for (const [key, value] of section.entries) {
      // "Media State : Media disconnected" (en) / "Medienstatus" (de) / "Statut du média" (fr, "m.dia" also
      // matches when the OEM code page garbles the é): ipconfig prints a media-state line only when disconnected.
      if (/media|medien|m.dia|mediumstatus/i.test(key)) disconnected = true;
      if (/ipv4/i.test(key)) ipv4.push(...ipv4Values(value));
      // VPN (PPP) adapters print "Default Gateway : 0.0.0.0": that is no gateway at all.
      if (/gateway|passerelle/i.test(key)) {
        hasGateway ||= ipv4Values(value).length > 0;
        gateway ??= ipv4Values(value).find((ip) => ip !== '0.0.0.0');
        if (ipv4Values(value).includes('0.0.0.0')) gatewaylessDefaultVia ??= name;
      }
      if (/^(dns|dns-server|serveurs dns)/i.test(key)) dnsServers.push(...ipv4Values(value));
    }
    if (!hasGateway && section.entries.some(([, value]) => hostOnlyDriver.test(value))) continue;
    adapters.push({ name, up: !disconnected, wireless, ipv4 });
  }
  return { adapters, gateway, dnsServers, ...(gateway === undefined && gatewaylessDefaultVia ? { gatewaylessDefaultVia } : {}) };
}

/**
 * Windows 11 (24H2 on) refuses WLAN read-outs to apps without location permission and prints a
 * localized explanation instead; its Settings URI is the part that is never translated.
 */
const locationDenied = /ms-settings:privacy-location/i;

/**
 * netsh writes in the console's OEM code page; read as UTF-8, a non-ASCII name ("Büro", "Connexion
 * réseau sans fil") arrives with U+FFFD in it. Such a name cannot be handed back to
 * `netsh wlan connect name=…`, so it is treated as unknown (the fix then asks to pick the network).
 */
const usable = (value: string | undefined) => (value && !value.includes('\uFFFD') ? value : undefined);

/** `netsh wlan show interfaces` → association and SSID of the first interface that has one. */
export function parseNetshWlanInterfaces(text: string, exitCode: number | null): WifiState {
  if (locationDenied.test(text)) return { available: false, reason: 'Windows location permission is off' };
  if (exitCode !== 0) return { available: false, reason: text.trim().split(/\r?\n/)[0] ?? 'netsh failed' };
  let found = false;
  let device: string | undefined;
  for (const block of text.split(/\r?\n\s*\r?\n/)) {
    const entries: Array<[string, string]> = [];
    for (const line of block.split(/\r?\n/)) {
      const match = /^\s+([^:]+?)\s*:\s?(.*)$/.exec(line);
      if (match?.[1] !== undefined) entries.push([match[1].trim(), (match[2] ?? '').trim()]);
    }
    const fields = new Map(entries);
    if (!fields.has('GUID')) continue;
    // The interface name is the block's first field; its key is translated (Name / Nom / Naam).
    const name = usable(entries[0]?.[1]);
    if (!found) device = name;
    found = true;
    // `SSID` is printed only while associated, and it is not translated.
    const ssid = fields.get('SSID');
    // The profile key is translated (Profile / Profil / Profiel) but always starts with "Profi".
    const profile = entries.find(([key]) => /^Profi(le|l|el)$/i.test(key))?.[1];
    if (ssid) return { available: true, device: name, associated: true, ssid, profile: usable(profile || ssid) };
  }
  if (!found) return { available: false, reason: 'no wireless interface' };
  return { available: true, device, associated: false };
}

/** `netsh winhttp show proxy` → the machine proxy, when one is set. */
export function parseWinhttpProxy(text: string): ProxyState {
  const servers: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(Proxy Server\(s\)|Proxyserver|Serveur\(s\) proxy|Proxyserver\(s\))\s*:\s*(\S.*)$/i.exec(line);
    if (match?.[2]) servers.push(...match[2].trim().split(';').filter(Boolean));
  }
  const bypass = /^\s*(Bypass List|Umgehungsliste|Liste de contournement|Lijst met uitzonderingen)\s*:\s*(\S.*)$/im.exec(text)?.[2]?.trim();
  const list = bypass && !/^\(none\)$|^\(aucun\)$|^\(keine\)$|^\(geen\)$/i.test(bypass) ? bypass.split(';').filter(Boolean) : [];
  return { configured: servers.length > 0, servers, source: 'winhttp', ...(list.length ? { bypass: list } : {}) };
}

/** `reg query HKCU\...\Internet Settings` → the user's proxy when `ProxyEnable` is 1, and any PAC script. */
export function parseInternetSettings(text: string): ProxyState {
  const value = (name: string) => new RegExp(`^\\s+${name}\\s+REG_\\w+\\s+(.*?)\\s*$`, 'mi').exec(text)?.[1];
  const servers: string[] = [];
  const server = value('ProxyServer');
  if (/^0x0*1$/i.test(value('ProxyEnable') ?? '') && server) servers.push(...server.split(';').filter(Boolean));
  const pac = value('AutoConfigURL');
  if (pac) servers.push(`pac:${pac}`);
  const override = value('ProxyOverride')?.split(';').filter(Boolean) ?? [];
  return { configured: servers.length > 0, servers, source: 'wininet', ...(override.length && servers.length ? { bypass: override } : {}) };
}
