/**
 * Machine snapshot for the ticket, via `systeminformation` (no hand-parsed commands). Behind a
 * port so tests inject a fixed snapshot. Each probe is bounded in time and failures leave the
 * field empty: a ticket must never wait on a slow probe.
 */
import os from 'node:os';
import { within } from '../util/within.ts';

export type MachineSnapshot = {
  os: string;
  osVersion: string;
  hostname: string;
  user: string;
  uptimeSeconds: number;
  disks: { mount: string; freeBytes: number; sizeBytes: number }[];
  network: { iface: string; ip4: string; type: string; isDefault: boolean; up: boolean }[];
  defaultPrinter?: string;
};

export type SnapshotPort = {
  /** `printer: true` only when the troubleshooter is about printing (it may be slow). */
  capture(options: { printer: boolean }): Promise<MachineSnapshot>;
};

/** The work's value, or `fallback` when it fails or takes longer than `ms`. */
function orFallback<T>(ms: number, work: Promise<T>, fallback: T): Promise<T> {
  return within(work, ms).catch(() => fallback);
}

export function createSystemSnapshot(options: { probeTimeoutMs?: number } = {}): SnapshotPort {
  const ms = options.probeTimeoutMs ?? 3000;
  return {
    async capture({ printer }) {
      // Loaded when a ticket is drafted, not at start: it is large and most runs need no ticket.
      const { default: si } = await import('systeminformation');
      const [osInfo, fs, nets, printers] = await Promise.all([
        orFallback(ms, si.osInfo(), null),
        orFallback(ms, si.fsSize(), []),
        orFallback(ms, si.networkInterfaces(), []),
        printer ? orFallback(ms, si.printer(), []) : Promise.resolve([]),
      ]);
      const netList = Array.isArray(nets) ? nets : [nets];
      const snapshot: MachineSnapshot = {
        os: osInfo ? `${osInfo.distro}`.trim() || osInfo.platform : os.type(),
        osVersion: osInfo ? [osInfo.release, osInfo.build].filter(Boolean).join(' ') : os.release(),
        hostname: osInfo?.hostname || os.hostname(),
        user: safeUser(),
        uptimeSeconds: Math.round(os.uptime()),
        disks: fs.map((d) => ({ mount: d.mount, freeBytes: d.available, sizeBytes: d.size })),
        network: netList.filter((n) => !n.internal).map((n) => ({ iface: n.iface, ip4: n.ip4, type: n.type, isDefault: n.default, up: n.operstate === 'up' })),
      };
      const def = printers.find((p) => p.default) ?? undefined;
      if (def) snapshot.defaultPrinter = def.name;
      return snapshot;
    },
  };
}

function safeUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}
