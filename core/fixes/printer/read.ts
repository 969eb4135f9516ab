/** Reads printers, queue state and jobs through the exec port. */
import type { ActionContext } from '../../engine/action.ts';
import { briefError, runArgv, succeeded } from '../shared/exec.ts';
import { listCommands } from './commands.ts';
import type { Printer } from './model.ts';
import { combineCups } from './parse-cups.ts';
import { parseGetPrinter } from './parse-windows.ts';

export type PrinterReadout = { available: false; reason: string } | { available: true; spoolerDown: boolean; printers: Printer[]; error?: string };

const spoolerDownPattern = /unable to connect|bad file descriptor|connection refused|scheduler is not running|spooler.*not running|RPC server is unavailable/i;

export async function readPrinters(ctx: ActionContext): Promise<PrinterReadout> {
  const commands = listCommands(ctx.platform, ctx.env);
  const names = Object.keys(commands);
  const results = await Promise.all(
    names.map((name) => {
      const c = commands[name];
      if (!c) throw new Error(name);
      return runArgv(ctx, c.file, c.args, { timeoutMs: name === 'states' ? 8_000 : 20_000, ...(c.env ? { env: c.env } : {}), locale: ctx.platform === 'win32' ? 'keep' : 'c' });
    }),
  );
  const by = Object.fromEntries(names.map((n, i) => [n, results[i]]));
  const printers = by.printers;
  if (!printers || printers.notFound) return { available: false, reason: printers ? briefError(printers) : 'no command' };
  if (!succeeded(printers)) {
    const text = `${printers.stderr}\n${printers.stdout}`;
    // "No destinations added." is CUPS's way of saying there are no printers at all.
    if (/no destinations added/i.test(text)) return { available: true, spoolerDown: false, printers: [] };
    if (spoolerDownPattern.test(text)) return { available: true, spoolerDown: true, printers: [], error: briefError(printers) };
    return { available: true, spoolerDown: false, printers: [], error: briefError(printers) };
  }
  if (ctx.platform === 'win32') {
    const parsed = parseGetPrinter(printers.stdout, by.jobs?.stdout ?? '');
    if (!parsed) return { available: true, spoolerDown: false, printers: [], error: 'unreadable Get-Printer output' };
    return { available: true, spoolerDown: false, printers: parsed };
  }
  return {
    available: true,
    spoolerDown: false,
    printers: combineCups(
      {
        printers: printers.stdout,
        accepting: by.accepting?.stdout ?? '',
        jobs: by.jobs?.stdout ?? '',
        default: by.default?.stdout ?? '',
        // ipptool is optional (job states only); its failure leaves the lpstat view.
        ...(by.states && succeeded(by.states) ? { states: by.states.stdout } : {}),
      },
      ctx.now(),
    ),
  };
}
