/**
 * Every command the network fix runs, as argv per OS. Pure builders so tests can assert the
 * exact argv for Windows and macOS here on Linux. Nothing is ever passed through a shell; values
 * such as a Wi-Fi profile name travel as one argv element.
 *
 * We do not load node-wifi: it spawns its own children (bypassing the exec port, so no timeout,
 * cancellation or redaction), rewrites process.env locale variables for the whole process when
 * loaded, builds a shell string with the SSID on Windows, and its macOS reads rely on the `airport`
 * binary removed in macOS 14.4. The few read-outs it offered are the commands below.
 */
import type { Platform } from '../../kernel/platform.ts';

export type Argv = { file: string; args: string[] };
const cmd = (file: string, ...args: string[]): Argv => ({ file, args });

export const readCommands = {
  win32: {
    ipconfig: cmd('ipconfig', '/all'),
    wifi: cmd('netsh', 'wlan', 'show', 'interfaces'),
    proxy: cmd('netsh', 'winhttp', 'show', 'proxy'),
    /** The per-user proxy most apps and browsers use (WinINET); WinHTTP is the machine-wide one. */
    userProxy: cmd('reg', 'query', 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings'),
  },
  darwin: {
    ifconfig: cmd('ifconfig'),
    route: cmd('route', '-n', 'get', 'default'),
    dns: cmd('scutil', '--dns'),
    proxy: cmd('scutil', '--proxy'),
    ports: cmd('networksetup', '-listallhardwareports'),
    wifi: (device: string) => cmd('networksetup', '-getairportnetwork', device),
    power: (device: string) => cmd('networksetup', '-getairportpower', device),
  },
  linux: {
    addr: cmd('ip', '-j', 'addr', 'show'),
    route: cmd('ip', '-j', 'route', 'show', 'default'),
    wifi: cmd('nmcli', '-t', '-f', 'DEVICE,TYPE,STATE,CONNECTION', 'device', 'status'),
  },
} as const;

/** One ICMP echo with the OS's own timeout flag (Windows: ms, macOS/Linux: whole seconds). */
export function pingCommand(platform: Platform, host: string, timeoutMs: number): Argv {
  const seconds = String(Math.max(1, Math.floor(timeoutMs / 1000)));
  switch (platform) {
    case 'win32':
      return cmd('ping', '-n', '1', '-w', String(timeoutMs), host);
    case 'darwin':
      return cmd('ping', '-c', '1', '-t', seconds, host);
    case 'linux':
      return cmd('ping', '-c', '1', '-W', seconds, host);
  }
}

/** Reconnect Wi-Fi, least invasive form per OS. */
export function reconnectCommands(platform: Platform, target: { device?: string | undefined; profile?: string | undefined }): Argv[] | undefined {
  switch (platform) {
    case 'win32':
      if (!target.profile) return undefined;
      return [
        cmd('netsh', 'wlan', 'disconnect', ...(target.device ? [`interface=${target.device}`] : [])),
        cmd('netsh', 'wlan', 'connect', `name=${target.profile}`, ...(target.device ? [`interface=${target.device}`] : [])),
      ];
    case 'darwin':
      if (!target.device) return undefined;
      return [cmd('networksetup', '-setairportpower', target.device, 'off'), cmd('networksetup', '-setairportpower', target.device, 'on')];
    case 'linux':
      if (!target.device) return undefined;
      return [cmd('nmcli', 'device', 'disconnect', target.device), cmd('nmcli', 'device', 'connect', target.device)];
  }
}

/** Flush the DNS cache. Alternatives are tried in order when the first is not installed. */
export function flushDnsCommands(platform: Platform): Argv[][] {
  switch (platform) {
    case 'win32':
      return [[cmd('ipconfig', '/flushdns')]];
    case 'darwin':
      return [[cmd('dscacheutil', '-flushcache'), cmd('killall', '-HUP', 'mDNSResponder')]];
    case 'linux':
      return [[cmd('resolvectl', 'flush-caches')], [cmd('systemd-resolve', '--flush-caches')]];
  }
}

/** Renew the DHCP lease. NetworkManager renews it when it reactivates the device. */
export function renewDhcpCommands(platform: Platform, device: string | undefined): Argv[] | undefined {
  switch (platform) {
    case 'win32':
      return [cmd('ipconfig', '/release'), cmd('ipconfig', '/renew')];
    case 'darwin':
      return device ? [cmd('ipconfig', 'set', device, 'DHCP')] : undefined;
    case 'linux':
      return device ? [cmd('nmcli', 'device', 'disconnect', device), cmd('nmcli', 'device', 'connect', device)] : undefined;
  }
}

/** Reset the network stack (admin). Windows needs a restart afterwards. */
export function resetStackCommands(platform: Platform): { commands: Argv[]; restartRequired: boolean } | undefined {
  switch (platform) {
    case 'win32':
      return { commands: [cmd('netsh', 'winsock', 'reset'), cmd('netsh', 'int', 'ip', 'reset')], restartRequired: true };
    case 'linux':
      return { commands: [cmd('systemctl', 'restart', 'NetworkManager')], restartRequired: false };
    case 'darwin':
      return undefined;
  }
}
