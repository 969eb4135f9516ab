/**
 * What exists on this machine, read by the broker itself (as administrator) right before it acts:
 * a queue name or an adapter name is accepted only when the machine lists it exactly.
 */
import type { Platform } from '../core/kernel/platform.ts';
import { listCommands } from '../core/fixes/printer/commands.ts';
import type { CommandRunner } from './run-command.ts';

/** `printer NAME is idle.` / `printer NAME disabled since …` (lpstat -p in the C locale). */
export function parseLpstatPrinters(stdout: string): string[] {
  const names: string[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^printer (\S+) /.exec(line);
    if (match?.[1]) names.push(match[1]);
  }
  return names;
}

/** Get-Printer as JSON (one object or an array), from the printer fix's own read script. */
export function parseWindowsPrinters(stdout: string): string[] {
  try {
    const parsed: unknown = JSON.parse(stdout.replace(/^\uFEFF/, '').trim() || '[]');
    const list = Array.isArray(parsed) ? parsed : [parsed];
    return list.flatMap((p) => (p && typeof p === 'object' && typeof (p as { Name?: unknown }).Name === 'string' ? [(p as { Name: string }).Name] : []));
  } catch {
    return [];
  }
}

/** `ip -j link show`: [{"ifname":"eth0",…}]. */
export function parseIpLinks(stdout: string): string[] {
  try {
    const parsed: unknown = JSON.parse(stdout || '[]');
    return Array.isArray(parsed) ? parsed.flatMap((l) => (l && typeof (l as { ifname?: unknown }).ifname === 'string' ? [(l as { ifname: string }).ifname] : [])) : [];
  } catch {
    return [];
  }
}

export type Machine = { queues(): Promise<string[] | undefined>; adapters(): Promise<string[] | undefined> };

export function createMachine(platform: Platform, run: CommandRunner): Machine {
  return {
    async queues() {
      const command = platform === 'win32' ? listCommands('win32').printers : { file: 'lpstat', args: ['-p'] };
      if (!command) return undefined;
      const result = await run(command, 15_000);
      if (result.exitCode !== 0 && result.stdout === '') return result.stderr.includes('No destinations') ? [] : undefined;
      return platform === 'win32' ? parseWindowsPrinters(result.stdout) : parseLpstatPrinters(result.stdout);
    },
    async adapters() {
      if (platform === 'linux') {
        const result = await run({ file: 'ip', args: ['-j', 'link', 'show'] }, 10_000);
        return result.exitCode === 0 ? parseIpLinks(result.stdout) : undefined;
      }
      if (platform === 'darwin') {
        const result = await run({ file: 'ifconfig', args: ['-l'] }, 10_000);
        return result.exitCode === 0 ? result.stdout.trim().split(/\s+/).filter(Boolean) : undefined;
      }
      return [];
    },
  };
}
