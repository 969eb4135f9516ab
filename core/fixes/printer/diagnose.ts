/**
 * From a printer's state to a named cause: a keyword for troubleshooters and tickets, a plain
 * sentence for the employee, and the spooler's own words for IT.
 */
import { z } from 'zod';
import type { ActionContext } from '../../engine/action.ts';
import { say } from '../shared/text.ts';
import { displayName } from './match.ts';
import type { Printer, PrintJob } from './model.ts';
import { printerTexts as t } from './texts.ts';

/** `printer-fault`: the queue is on and holds nothing stuck, but the device reports a fault. */
export const problemSchema = z.enum(['none', 'no-printers', 'unknown-printer', 'spooler-down', 'queue-stopped', 'queue-rejecting', 'jobs-stuck', 'printer-fault', 'not-available']);
export type Problem = z.infer<typeof problemSchema>;

/**
 * The cause an IT person needs (issue #12 item 9). `queue-paused` is a manual pause;
 * `printer-not-responding` / `device-error` also when CUPS paused the queue itself because of it.
 */
export const causeSchema = z.enum([
  'none',
  'no-printers',
  'unknown-printer',
  'spooler-down',
  'not-available',
  'other-print-server',
  'queue-paused',
  'queue-rejecting',
  'printer-not-responding',
  'device-error',
  'job-stopped',
  'jobs-stuck',
  'test-page-not-printed',
]);
export type Cause = z.infer<typeof causeSchema>;

/** Jobs that will not print as things stand: every job on a stopped queue, or jobs in error on a running one. */
export const stuckJobs = (p: Printer): PrintJob[] => (p.enabled ? p.jobs.filter((j) => j.error) : p.jobs);

export function verdict(p: Printer): Problem {
  if (!p.enabled) return 'queue-stopped';
  if (!p.accepting) return 'queue-rejecting';
  if (stuckJobs(p).length > 0) return 'jobs-stuck';
  if (p.fault === 'not-responding' || p.fault === 'device-error') return 'printer-fault';
  return 'none';
}

export function causeOf(p: Printer): Cause {
  if (p.fault === 'not-responding') return 'printer-not-responding';
  if (p.fault === 'device-error') return 'device-error';
  if (!p.enabled) return 'queue-paused';
  if (!p.accepting) return 'queue-rejecting';
  if (p.jobs.some((j) => j.state === 'stopped' || j.state === 'aborted')) return 'job-stopped';
  if (stuckJobs(p).length > 0) return 'jobs-stuck';
  return 'none';
}

/** CUPS (or Windows) stopped the queue itself because of the device, rather than a person pausing it. */
export const pausedBySystem = (p: Printer): boolean => !p.enabled && (p.fault === 'not-responding' || p.fault === 'device-error');

/** The employee's sentence for one printer with a problem. */
export function sentence(p: Printer, ctx: Pick<ActionContext, 'lang'>): string {
  const printer = displayName(p);
  const stuck = stuckJobs(p).length;
  const values = { printer, count: stuck };
  const tail = stuck > 0 && p.enabled === false ? ` ${say(t.stuck, ctx.lang, values)}` : '';
  const cause = causeOf(p);
  if (pausedBySystem(p) && cause === 'printer-not-responding') return `${say(t.pausedBySystem, ctx.lang, values)}${tail}`;
  switch (cause) {
    case 'printer-not-responding':
      return `${say(t.notResponding, ctx.lang, values)}${stuck > 0 ? ` ${say(t.stuck, ctx.lang, values)}` : ''}`;
    case 'device-error':
      return `${say(t.deviceError, ctx.lang, values)}${stuck > 0 ? ` ${say(t.stuck, ctx.lang, values)}` : ''}`;
    case 'queue-paused':
      return `${say(t.stopped, ctx.lang, values)}${tail}`;
    case 'queue-rejecting':
      return say(t.rejecting, ctx.lang, values);
    case 'job-stopped':
      return say(t.jobStopped, ctx.lang, values);
    default:
      return say(t.stuck, ctx.lang, values);
  }
}

/** For IT, in English: the queue, what the spooler says and what state it is in. Never shown to the employee alone. */
export function causeDetail(p: Printer): string {
  const parts = [`queue ${JSON.stringify(p.name)}${p.description ? ` ("${p.description}")` : ''}`];
  parts.push(p.enabled ? 'enabled' : pausedBySystem(p) ? 'disabled by the print system after a device fault' : 'disabled');
  if (!p.accepting) parts.push('rejecting jobs');
  const message = p.reasons.filter((r) => r !== '').join(' / ');
  if (message) parts.push(`message: ${message}`);
  if (p.stateReasons && p.stateReasons.length > 0) parts.push(`printer-state-reasons: ${p.stateReasons.join(',')}`);
  const stuck = stuckJobs(p);
  if (stuck.length > 0) {
    parts.push(
      `stuck jobs: ${stuck
        .slice(0, 5)
        .map((j) => `${j.id}${j.state ? ` ${j.state}` : ''}${j.since ? ` since ${j.since}` : ''}${j.message ? ` (${j.message})` : ''}`)
        .join('; ')}${stuck.length > 5 ? ` and ${stuck.length - 5} more` : ''}`,
    );
  }
  return parts.join('; ');
}
