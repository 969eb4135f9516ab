/**
 * Waiting, bounded, for print jobs to reach a final state (issue #12: a test page proves nothing
 * until it has left the printer; `lp` accepting it is not printing). Polls the same read-out as
 * the status check; stops early when the printer reports a fault that does not go away.
 */
import type { ActionContext } from '../../engine/action.ts';
import { runArgv, succeeded } from '../shared/exec.ts';
import { jobStatesCommand } from './commands.ts';
import { finalJobStates, type Fault, type JobState, type Printer } from './model.ts';
import { jobNumber, parseIppJobStates } from './parse-cups.ts';
import { readPrinters } from './read.ts';

export type JobVerdict = {
  /** The job's last known state; `completed` also when Windows removed it without an error. */
  state: JobState;
  /** The device fault seen while waiting, if any. */
  fault?: Fault;
  /** The spooler's words (job or printer message), for IT. */
  message?: string;
  waitedMs: number;
};

const pollMs = 500;
/** A fault must be seen this long before giving up (a printer waking up says "connecting" briefly). */
const faultGraceMs = 3_000;

export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Final state of a CUPS job that left the not-completed list (ipptool; undefined when it cannot say). */
async function finishedState(ctx: ActionContext, printer: string, id: string): Promise<JobState | undefined> {
  const c = jobStatesCommand(ctx.env, true, printer);
  const result = await runArgv(ctx, c.file, c.args, { timeoutMs: 8_000 });
  if (!succeeded(result)) return undefined;
  return parseIppJobStates(result.stdout).get(jobNumber(id) ?? '');
}

const messageOf = (p: Printer | undefined, jobMessage?: string) => jobMessage ?? p?.reasons.find((r) => r !== 'Paused') ?? p?.reasons[0];

/**
 * Waits until each job in `ids` on `printer` is final, the printer faults (for longer than a
 * grace period) or stops, or `limitMs` passes. For Windows, `ids` may be empty with `notIn` set:
 * the job is whichever new job appears on the printer.
 */
export async function waitForJobs(ctx: ActionContext, printer: string, ids: readonly string[], limitMs: number): Promise<Map<string, JobVerdict>> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const verdicts = new Map<string, JobVerdict>();
  let faultSince: number | undefined;
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const readout = await readPrinters(ctx);
    const queue = readout.available ? readout.printers.find((p) => p.name === printer) : undefined;
    const open = ids.filter((id) => !verdicts.has(id));
    for (const id of open) {
      const job = queue?.jobs.find((j) => jobNumber(j.id) === jobNumber(id) || j.id === id);
      if (!job) {
        const state = ctx.platform === 'win32' ? 'completed' : ((await finishedState(ctx, printer, id)) ?? 'completed');
        verdicts.set(id, { state, waitedMs: elapsed() });
        continue;
      }
      if (job.state && finalJobStates.includes(job.state)) verdicts.set(id, { state: job.state, waitedMs: elapsed() });
      else if (job.state === 'stopped' || job.state === 'aborted')
        verdicts.set(id, { state: job.state, ...(queue?.fault ? { fault: queue.fault } : {}), ...opt(messageOf(queue, job.message)), waitedMs: elapsed() });
    }
    const left = ids.filter((id) => !verdicts.has(id));
    if (left.length === 0) break;
    const faulty = queue !== undefined && (!queue.enabled || (queue.fault !== undefined && queue.fault !== 'paused'));
    if (faulty) faultSince ??= elapsed();
    else faultSince = undefined;
    const givingUp = (faultSince !== undefined && (!queue?.enabled || elapsed() - faultSince >= faultGraceMs)) || elapsed() + pollMs > limitMs || ctx.signal.aborted;
    if (givingUp) {
      for (const id of left) {
        const job = queue?.jobs.find((j) => jobNumber(j.id) === jobNumber(id) || j.id === id);
        verdicts.set(id, { state: job?.state ?? 'pending', ...(queue?.fault ? { fault: queue.fault } : {}), ...opt(messageOf(queue, job?.message)), waitedMs: elapsed() });
      }
      break;
    }
    await pause(pollMs, ctx.signal);
  }
  return verdicts;
}

function opt(message: string | undefined): { message?: string } {
  return message ? { message } : {};
}
