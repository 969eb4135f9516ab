/**
 * Small helpers every fix uses around the exec port: one environment built from `ctx.env`
 * (so CUPS_SERVER, PATH and HOME injected by a test or the app reach the child), C locale for
 * output we parse, and a bounded timeout per command.
 */
import type { ActionContext } from '../../engine/action.ts';
import type { ExecResult } from '../../engine/ports.ts';

export type ArgvOptions = { timeoutMs?: number; env?: Record<string, string>; locale?: 'c' | 'keep' };

/** Environment for children: `ctx.env` without undefined values, plus C locale unless kept. */
export function childEnv(ctx: Pick<ActionContext, 'env'>, extra: Record<string, string> = {}, locale: 'c' | 'keep' = 'c'): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(ctx.env)) if (value !== undefined) env[key] = value;
  if (locale === 'c') {
    env.LC_ALL = 'C';
    env.LANG = 'C';
  }
  return { ...env, ...extra };
}

/**
 * Windows console tools write in the OEM code page, not UTF-8 (PowerShell scripts here switch
 * their own output to UTF-8 and are not listed).
 */
const consoleTools = new Set(['netsh', 'ipconfig', 'net', 'tasklist', 'taskkill', 'route', 'ping', 'nslookup', 'sc', 'whoami', 'reg']);

export function outputEncodingFor(file: string): 'console' | 'utf8' {
  const base =
    file
      .split(/[\\/]/)
      .pop()
      ?.toLowerCase()
      .replace(/\.exe$/, '') ?? '';
  return consoleTools.has(base) ? 'console' : 'utf8';
}

/** Runs one argv command through the port with a timeout that never exceeds the step's budget. */
export async function runArgv(ctx: ActionContext, file: string, args: readonly string[], options: ArgvOptions = {}): Promise<ExecResult> {
  const budget = Math.max(1, ctx.timeoutMs);
  const timeout = Math.min(options.timeoutMs ?? budget, budget);
  return ctx.exec.exec(file, args, {
    timeout,
    env: childEnv(ctx, options.env ?? {}, options.locale ?? 'c'),
    signal: ctx.signal,
    outputEncoding: outputEncodingFor(file),
  });
}

export function succeeded(result: ExecResult): boolean {
  return result.exitCode === 0 && !result.timedOut && !result.notFound && !result.cancelled;
}

/** First non-empty line of stderr (or stdout) for results and tickets; bounded. */
export function briefError(result: ExecResult): string {
  if (result.notFound) return 'command not found';
  if (result.timedOut) return 'timed out';
  const line = (result.stderr.trim() || result.stdout.trim()).split(/\r?\n/)[0] ?? '';
  return line.slice(0, 300);
}

/** A value passed as one argv element must never be read as an option by the callee. */
export function isSafeArgument(value: string): boolean {
  return value.length > 0 && !value.startsWith('-') && !/[\0\r\n]/.test(value);
}
