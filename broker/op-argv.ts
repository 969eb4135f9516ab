/**
 * The closed list of operations and the exact argv each runs, per OS. The argv comes from the
 * very builders the fixes use (core/fixes/*\/commands.ts), so a brokered fix runs what the
 * unbrokered fix would have run — and core/platform/brokered-exec.ts can recognise a fix's
 * command as one of these operations. Pure: no I/O, importable by the broker and by the app.
 */
import type { Platform } from '../core/kernel/platform.ts';
import { flushDnsCommands, renewDhcpCommands, resetStackCommands } from '../core/fixes/network/commands.ts';
import { restartSpoolerCommand, resumeCommands } from '../core/fixes/printer/commands.ts';
import { resyncCommands } from '../core/fixes/clock/commands.ts';
import { restartServiceCommand as restartSoundCommand } from '../core/fixes/sound/commands.ts';

export const opNames = ['printer.resume', 'printer.restart-spooler', 'network.flush-dns', 'network.renew-dhcp', 'network.reset-stack', 'time.resync', 'sound.restart-service'] as const;
export type OpName = (typeof opNames)[number];

export type OpArgs = { queue?: string | undefined; adapter?: string | undefined };
export type OpArgv = { file: string; args: string[]; env?: Record<string, string> };
/** Alternatives, tried in order while a command is not installed; each a sequence run in order. */
export type OpPlan = OpArgv[][];

/** Which argument each operation takes on each OS (`none`: it takes no argument at all). */
export function opArgument(op: OpName, platform: Platform): 'queue' | 'adapter' | 'none' {
  if (op === 'printer.resume') return 'queue';
  if (op === 'network.renew-dhcp' && platform !== 'win32') return 'adapter';
  return 'none';
}

export function isOpName(value: string): value is OpName {
  return (opNames as readonly string[]).includes(value);
}

/** The argv of `op` on `platform`, or undefined when the OS has no such operation. Arguments must already be validated. */
export function opPlan(op: OpName, platform: Platform, args: OpArgs): OpPlan | undefined {
  switch (op) {
    case 'printer.resume':
      return args.queue === undefined ? undefined : [resumeCommands(platform, args.queue)];
    case 'printer.restart-spooler':
      return [[restartSpoolerCommand(platform)]];
    case 'network.flush-dns':
      return flushDnsCommands(platform);
    case 'network.renew-dhcp': {
      const commands = renewDhcpCommands(platform, args.adapter);
      return commands ? [commands] : undefined;
    }
    case 'network.reset-stack': {
      const reset = resetStackCommands(platform);
      return reset ? [reset.commands] : undefined;
    }
    case 'time.resync':
      return resyncCommands(platform);
    case 'sound.restart-service': {
      // Windows Audio / coreaudiod; on Linux the sound server is the employee's own and needs no broker.
      const restart = restartSoundCommand(platform);
      return restart ? [[restart]] : undefined;
    }
  }
}

/** `actual` runs `planned` when file and args are equal and it carries every variable the plan sets (the app adds its own environment). */
const runsPlanned = (planned: OpArgv, actual: OpArgv) =>
  planned.file === actual.file &&
  planned.args.length === actual.args.length &&
  planned.args.every((x, i) => x === actual.args[i]) &&
  Object.entries(planned.env ?? {}).every(([key, value]) => actual.env?.[key] === value);

/**
 * Which operation (and argument) a fix's command belongs to, or undefined when it is not part of
 * any. Recognition rebuilds the operation's argv from each candidate value and compares it
 * exactly, so a command with an extra flag or a different binary never matches.
 */
export function matchOp(platform: Platform, command: OpArgv): { op: OpName; args: OpArgs } | undefined {
  const candidates = [...new Set([...command.args, ...Object.values(command.env ?? {})])];
  for (const op of opNames) {
    const kind = opArgument(op, platform);
    const tries: OpArgs[] = kind === 'none' ? [{}] : candidates.map((value) => ({ [kind]: value }));
    for (const args of tries) {
      const plan = opPlan(op, platform, args);
      if (plan?.some((sequence) => sequence.some((argv) => runsPlanned(argv, command)))) return { op, args };
    }
  }
  return undefined;
}
