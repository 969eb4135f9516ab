/** Reads local network state per OS through the exec port (adapters, IPs, gateway, DNS, Wi-Fi, proxy). */
import { readFile } from 'node:fs/promises';
import type { ActionContext } from '../../engine/action.ts';
import { runArgv, succeeded } from '../shared/exec.ts';
import { readCommands } from './commands.ts';
import type { LocalState, ProxyState, WifiState } from './state.ts';
import { parseInternetSettings, parseIpconfigAll, parseNetshWlanInterfaces, parseWinhttpProxy } from './parse-windows.ts';
import { macLocalState, parseAirportNetwork, parseAirportPower, parseHardwarePorts, parseIfconfig, parseScutilProxy, wifiDevice } from './parse-macos.ts';
import { linuxLocalState, parseNmcliDeviceStatus, proxyFromEnv } from './parse-linux.ts';

export class NotAvailable extends Error {}

export async function readLocalState(ctx: ActionContext, timeoutMs: number): Promise<LocalState> {
  const opts = { timeoutMs };
  switch (ctx.platform) {
    case 'win32': {
      const { file, args } = readCommands.win32.ipconfig;
      const result = await runArgv(ctx, file, args, { ...opts, locale: 'keep' });
      if (!succeeded(result)) throw new NotAvailable('ipconfig failed');
      return parseIpconfigAll(result.stdout);
    }
    case 'darwin': {
      const c = readCommands.darwin;
      const [ifconfig, route, dns, ports] = await Promise.all([c.ifconfig, c.route, c.dns, c.ports].map((x) => runArgv(ctx, x.file, x.args, opts)));
      if (!ifconfig || !succeeded(ifconfig)) throw new NotAvailable('ifconfig failed');
      return macLocalState(ifconfig.stdout, route?.stdout ?? '', dns?.stdout ?? '', wifiDevice(parseHardwarePorts(ports?.stdout ?? '')));
    }
    case 'linux': {
      const c = readCommands.linux;
      const [addr, route] = await Promise.all([runArgv(ctx, c.addr.file, c.addr.args, opts), runArgv(ctx, c.route.file, c.route.args, opts)]);
      if (!succeeded(addr)) throw new NotAvailable('ip failed');
      const resolv = await readFile('/etc/resolv.conf', 'utf8').catch(() => '');
      return linuxLocalState(addr.stdout, route.stdout, resolv);
    }
  }
}

export async function readWifi(ctx: ActionContext, timeoutMs: number): Promise<WifiState> {
  const opts = { timeoutMs };
  switch (ctx.platform) {
    case 'win32': {
      const { file, args } = readCommands.win32.wifi;
      const result = await runArgv(ctx, file, args, { ...opts, locale: 'keep' });
      if (result.notFound) return { available: false, reason: 'netsh not found' };
      return parseNetshWlanInterfaces(result.stdout, result.exitCode);
    }
    case 'darwin': {
      const c = readCommands.darwin;
      const ports = await runArgv(ctx, c.ports.file, c.ports.args, opts);
      const device = wifiDevice(parseHardwarePorts(ports.stdout));
      if (!device) return { available: false, reason: 'no Wi-Fi hardware port' };
      const [network, power, ifconfig] = await Promise.all([
        runArgv(ctx, c.wifi(device).file, c.wifi(device).args, opts),
        runArgv(ctx, c.power(device).file, c.power(device).args, opts),
        // macOS 15 hides the association from networksetup; the link state tells it instead.
        runArgv(ctx, c.ifconfig.file, c.ifconfig.args, opts),
      ]);
      const link = parseIfconfig(ifconfig.stdout, device).find((a) => a.name === device);
      const state = parseAirportNetwork(network.stdout, device, link);
      if (state.available && !state.associated && parseAirportPower(power.stdout) === false) return { ...state, associated: false };
      return state;
    }
    case 'linux': {
      const { file, args } = readCommands.linux.wifi;
      const result = await runArgv(ctx, file, args, opts);
      if (result.notFound) return { available: false, reason: 'nmcli not installed' };
      if (!succeeded(result)) return { available: false, reason: 'NetworkManager not running' };
      return parseNmcliDeviceStatus(result.stdout);
    }
  }
}

export async function readProxy(ctx: ActionContext, timeoutMs: number): Promise<ProxyState> {
  const fromEnv = proxyFromEnv(ctx.env);
  if (ctx.platform === 'linux') return fromEnv;
  if (ctx.platform === 'win32') {
    const [user, machine] = await Promise.all([readCommands.win32.userProxy, readCommands.win32.proxy].map((c) => runArgv(ctx, c.file, c.args, { timeoutMs, locale: 'keep' })));
    const wininet = parseInternetSettings(user?.stdout ?? '');
    const winhttp = parseWinhttpProxy(machine?.stdout ?? '');
    return wininet.configured ? wininet : winhttp.configured ? winhttp : fromEnv;
  }
  const c = readCommands.darwin.proxy;
  const system = parseScutilProxy((await runArgv(ctx, c.file, c.args, { timeoutMs })).stdout);
  return system.configured ? system : fromEnv;
}
