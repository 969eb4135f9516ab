/** The printer actions that change something: clear own jobs, resume a queue, restart the print service, test page. */
import { access } from 'node:fs/promises';
import { z } from 'zod';
import { defineAction, type ActionContext } from '../../engine/action.ts';
import { isSafeArgument, runArgv, succeeded } from '../shared/exec.ts';
import { fixResultSchema, runSequence, sequenceOutcome, type FixResult, type SequenceResult } from '../shared/result.ts';
import { say } from '../shared/text.ts';
import { cancelJobsCommand, clearQueueCommand, cupsTestPages, restartSpoolerCommand, resumeCommands, testPageCommand, usesOtherCupsServer } from './commands.ts';
import { causeDetail, causeSchema, stuckJobs, type Cause } from './diagnose.ts';
import { displayName, findPrinter } from './match.ts';
import { hasProblem, type Printer } from './model.ts';
import { readPrinters } from './read.ts';
import { currentUser, isOwnJob, printerName, printerStatusAction, unknownPrinterFinding } from './status.ts';
import { printerTexts as t } from './texts.ts';
import { waitForJobs, type JobVerdict } from './wait.ts';

export { printerStatusAction } from './status.ts';

/** The queues to act on: the one named (queue or display name), else every queue `pick` selects. */
async function targets(ctx: ActionContext, printer: string | undefined, pick: (p: Printer) => boolean): Promise<{ printers: Printer[]; result?: FixResult }> {
  const readout = await readPrinters(ctx);
  if (!readout.available) return { printers: [], result: { ok: false, available: false, finding: say(t.notAvailable, ctx.lang) } };
  if (readout.spoolerDown) return { printers: [], result: { ok: false, available: true, finding: say(t.spoolerDown, ctx.lang) } };
  if (printer) {
    const found = findPrinter(readout.printers, printer);
    if (!found) return { printers: [], result: { ok: false, available: true, finding: unknownPrinterFinding(ctx, printer, readout.printers) } };
    return { printers: [found] };
  }
  return { printers: readout.printers.filter(pick) };
}

function done(ctx: ActionContext, seq: SequenceResult, success: string): FixResult {
  return sequenceOutcome(seq, { success, notAvailable: say(t.notAvailable, ctx.lang), failed: (reason) => say(t.failed, ctx.lang, { reason }) });
}

export const clearQueueAction = defineAction({
  name: 'printer.clear-queue',
  input: () => z.object({ printer: printerName.nullish(), scope: z.enum(['own', 'all']).default('own') }).strict(),
  result: () => fixResultSchema.extend({ printers: z.array(z.string()), cancelled: z.number().int().optional() }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: true,
  describe: (input, lang) => say(input.scope === 'all' ? t.describeClearAll : t.describeClearOwn, lang, { printer: input.printer ?? t.anyPrinter[lang] }),
  async run(input, ctx) {
    // Anything but an explicit "all" means own jobs: the safe side when input bypassed the schema.
    const scope = input.scope === 'all' ? 'all' : 'own';
    const user = currentUser(ctx);
    if (scope === 'own' && !isSafeArgument(user)) return { ok: false, available: false, finding: say(t.notAvailable, ctx.lang), printers: [] };
    const chosen = await targets(ctx, input.printer ?? undefined, (p) => p.jobs.length > 0 && hasProblem(p));
    if (chosen.result) return { ...chosen.result, printers: [] };
    if (scope === 'all') {
      const names = chosen.printers.filter((p) => p.jobs.length > 0).map((p) => p.name);
      if (names.length === 0) return { ok: true, available: true, finding: say(t.nothingToDo, ctx.lang), printers: [] };
      const seq = await runSequence(
        ctx,
        names.map((name) => clearQueueCommand(ctx.platform, name, 'all', user)),
      );
      return { ...done(ctx, seq, say(t.cleared, ctx.lang)), printers: names };
    }
    // Own jobs, by id, and only those diagnosed as stuck: what a non-administrator may cancel.
    const work = chosen.printers
      .map((p) => ({
        name: p.name,
        ids: stuckJobs(p)
          .filter(isOwnJob(user))
          .map((j) => j.id),
      }))
      .filter((w) => w.ids.length > 0);
    if (work.length === 0) return { ok: true, available: true, finding: say(t.nothingToDo, ctx.lang), printers: [], cancelled: 0 };
    const seq = await runSequence(
      ctx,
      work.map((w) => cancelJobsCommand(ctx.platform, w.name, w.ids)),
    );
    return { ...done(ctx, seq, say(t.cleared, ctx.lang)), printers: work.map((w) => w.name), cancelled: work.reduce((n, w) => n + w.ids.length, 0) };
  },
});

/** Time to let jobs print after a change, within the step's budget. */
const waitBudget = (ctx: ActionContext, cap: number) => Math.max(0, Math.min(cap, ctx.timeoutMs - 8_000));

function causeFromVerdicts(verdicts: Iterable<JobVerdict>): Cause | undefined {
  for (const v of verdicts) {
    if (v.state === 'completed') continue;
    if (v.fault === 'not-responding') return 'printer-not-responding';
    if (v.fault === 'device-error') return 'device-error';
    if (v.state === 'stopped' || v.state === 'aborted') return 'job-stopped';
    return v.state === 'canceled' ? 'test-page-not-printed' : 'jobs-stuck';
  }
  return undefined;
}

export const resumeQueueAction = defineAction({
  name: 'printer.resume',
  input: () => z.object({ printer: printerName.nullish() }).strict(),
  result: () => fixResultSchema.extend({ printers: z.array(z.string()), jobsPrinted: z.number().int().optional(), jobsNotPrinted: z.number().int().optional(), cause: causeSchema.optional() }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: true,
  describe: (input, lang) => say(t.describeResume, lang, { printer: input.printer ?? t.anyPrinter[lang] }),
  async run(input, ctx) {
    const chosen = await targets(ctx, input.printer ?? undefined, (p) => !p.enabled || !p.accepting);
    if (chosen.result) return { ...chosen.result, printers: [] };
    const stopped = chosen.printers.filter((p) => !p.enabled || !p.accepting);
    if (stopped.length === 0) return { ok: true, available: true, finding: say(t.nothingToDo, ctx.lang), printers: [] };
    const commands = stopped.flatMap((p) => resumeCommands(ctx.platform, p.name));
    const result = done(ctx, await runSequence(ctx, commands), say(t.resumed, ctx.lang));
    const names = stopped.map((p) => p.name);
    if (!result.ok) return { ...result, printers: names };
    // A queue switched back on is not yet a printer that prints: the jobs that were waiting must
    // now leave it (issue #12). Jobs held on purpose are not waited for.
    const verdicts: JobVerdict[] = [];
    for (const p of stopped) {
      const waiting = p.jobs.filter((j) => j.state !== 'held' || j.error).map((j) => j.id);
      if (waiting.length > 0) verdicts.push(...(await waitForJobs(ctx, p.name, waiting, waitBudget(ctx, 20_000))).values());
    }
    const notPrinted = verdicts.filter((v) => v.state !== 'completed').length;
    const cause = causeFromVerdicts(verdicts);
    return {
      ...result,
      ...(notPrinted > 0 ? { finding: say(t.jobsStillWaiting, ctx.lang) } : {}),
      printers: names,
      jobsPrinted: verdicts.length - notPrinted,
      jobsNotPrinted: notPrinted,
      ...(cause ? { cause } : {}),
    };
  },
});

export const restartSpoolerAction = defineAction({
  name: 'printer.restart-spooler',
  input: () => z.object({}).strict(),
  result: () => fixResultSchema.extend({ cause: causeSchema.optional() }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: true,
  describe: (_input, lang) => say(t.describeRestart, lang),
  async run(_input, ctx) {
    // Pointed at another scheduler (CUPS_SERVER), this computer's service is not the one that is down.
    if (ctx.platform !== 'win32' && usesOtherCupsServer(ctx.env)) {
      return { ok: false, available: true, finding: say(t.otherServer, ctx.lang), cause: 'other-print-server' as const, error: `CUPS_SERVER=${ctx.env.CUPS_SERVER ?? ''}` };
    }
    // Act only on what was diagnosed: a service that answers is not restarted.
    const readout = await readPrinters(ctx);
    if (readout.available && !readout.spoolerDown) return { ok: true, available: true, finding: say(t.nothingToDo, ctx.lang) };
    const command = restartSpoolerCommand(ctx.platform);
    return done(ctx, await runSequence(ctx, [command]), say(t.restarted, ctx.lang));
  },
});

async function firstExisting(paths: readonly string[]): Promise<string | undefined> {
  for (const candidate of paths) {
    try {
      await access(candidate);
      return candidate;
    } catch {
      // Try the next location.
    }
  }
  return undefined;
}

const testPageResult = fixResultSchema.extend({
  printer: z.string().optional(),
  jobId: z.string().optional(),
  /** The test job's last state: only `completed` means the printer took it. */
  jobState: z.string().optional(),
  cause: causeSchema.optional(),
  causeDetail: z.string().optional(),
});

export const testPageAction = defineAction({
  name: 'printer.test-page',
  input: () => z.object({ printer: printerName.nullish() }).strict(),
  result: testPageResult,
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: true,
  describe: (input, lang) => say(t.describeTestPage, lang, { printer: input.printer ?? t.anyPrinter[lang] }),
  async run(input, ctx) {
    const readout = await readPrinters(ctx);
    if (!readout.available) return { ok: false, available: false, finding: say(t.notAvailable, ctx.lang) };
    const printers = readout.printers;
    const target = input.printer
      ? findPrinter(printers, input.printer)
      : (printers.find((p) => p.isDefault) ?? (printers.length === 1 ? printers[0] : printers.filter(hasProblem).length === 1 ? printers.find(hasProblem) : undefined));
    if (input.printer && !target) return { ok: false, available: true, finding: unknownPrinterFinding(ctx, input.printer, printers), cause: 'unknown-printer' as const };
    if (!target) return { ok: false, available: true, finding: say(t.noPrinters, ctx.lang), cause: 'no-printers' as const };
    const name = target.name;
    const shown = displayName(target);
    const page = ctx.platform === 'win32' ? '' : await firstExisting(cupsTestPages);
    if (page === undefined) return { ok: false, available: false, finding: say(t.notAvailable, ctx.lang), printer: name };
    const before = new Set(target.jobs.map((j) => j.id));
    const command = testPageCommand(ctx.platform, name, page);
    const sent = await runArgv(ctx, command.file, command.args, { ...(command.env ? { env: command.env } : {}), locale: ctx.platform === 'win32' ? 'keep' : 'c', timeoutMs: 20_000 });
    if (!succeeded(sent)) return { ...done(ctx, { ok: false, notFound: sent.notFound, error: `${command.file}: ${sent.stderr.trim().split('\n')[0] ?? ''}` }, ''), printer: name };
    const jobId = await testJobId(ctx, name, sent.stdout, before);
    const limit = waitBudget(ctx, 25_000);
    const verdict = jobId === undefined ? await vanishedJob(ctx, name) : (await waitForJobs(ctx, name, [jobId], limit)).get(jobId);
    const state = verdict?.state ?? 'unknown';
    if (state === 'completed') return { ok: true, available: true, finding: say(t.testPagePrinted, ctx.lang, { printer: shown }), printer: name, ...(jobId ? { jobId } : {}), jobState: state };
    // Not printed: do not leave a page behind that prints by surprise once the printer is back.
    if (jobId !== undefined && !['canceled', 'aborted', 'completed'].includes(state)) await runSequence(ctx, [cancelJobsCommand(ctx.platform, name, [jobId])]);
    const cause = causeFromVerdicts(verdict ? [verdict] : []) ?? 'test-page-not-printed';
    const after = await readPrinters(ctx);
    const queue = after.available ? after.printers.find((p) => p.name === name) : undefined;
    const why =
      cause === 'printer-not-responding'
        ? say(t.notResponding, ctx.lang, { printer: shown })
        : cause === 'device-error'
          ? say(t.deviceError, ctx.lang, { printer: shown })
          : cause === 'job-stopped'
            ? say(t.jobStopped, ctx.lang, { printer: shown })
            : state === 'pending' || state === 'processing'
              ? say(t.testPageWaiting, ctx.lang, { printer: shown, seconds: Math.round((verdict?.waitedMs ?? limit) / 1000) })
              : '';
    return {
      ok: false,
      available: true,
      finding: `${say(t.testPageFailed, ctx.lang, { printer: shown })}${why ? ` ${why}` : ''}`,
      printer: name,
      ...(jobId ? { jobId } : {}),
      jobState: state,
      cause,
      causeDetail: `test job ${jobId ?? '?'} ${state} after ${Math.round(verdict?.waitedMs ?? 0)} ms${verdict?.message ? ` (${verdict.message})` : ''}${queue ? `; ${causeDetail(queue)}` : ''}`,
    };
  },
});

/** The test job: CUPS `lp` prints "request id is QUEUE-12 (1 file(s))"; on Windows, the new job on the printer. */
async function testJobId(ctx: ActionContext, name: string, stdout: string, before: ReadonlySet<string>): Promise<string | undefined> {
  const cups = /request id is (\S+)-(\d+)/.exec(stdout);
  if (cups?.[2]) return `${name}-${cups[2]}`;
  if (ctx.platform !== 'win32') return undefined;
  const now = await readPrinters(ctx);
  const queue = now.available ? now.printers.find((p) => p.name === name) : undefined;
  return queue?.jobs.find((j) => !before.has(j.id))?.id;
}

/**
 * No job id: on CUPS `lp` did not say (not proof of anything); on Windows the job was already gone
 * at the first look, which the spooler does for a printed job, unless the printer reports a fault.
 */
async function vanishedJob(ctx: ActionContext, name: string): Promise<JobVerdict> {
  if (ctx.platform !== 'win32') return { state: 'unknown', waitedMs: 0 };
  const now = await readPrinters(ctx);
  const queue = now.available ? now.printers.find((p) => p.name === name) : undefined;
  if (queue && (!queue.enabled || (queue.fault !== undefined && queue.fault !== 'paused'))) return { state: 'unknown', ...(queue.fault ? { fault: queue.fault } : {}), waitedMs: 0 };
  return { state: 'completed', waitedMs: 0 };
}

export const printerActions = [printerStatusAction, clearQueueAction, resumeQueueAction, restartSpoolerAction, testPageAction];
