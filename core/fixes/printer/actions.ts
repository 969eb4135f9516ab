/** The printer-queue actions: status (read-only), clear own jobs, resume queue, restart spooler, test page. */
import { access } from 'node:fs/promises';
import { z } from 'zod';
import { defineAction, type ActionContext } from '../../engine/action.ts';
import { isSafeArgument } from '../shared/exec.ts';
import { fixResultSchema, runSequence, type FixResult } from '../shared/result.ts';
import { say } from '../shared/text.ts';
import { clearQueueCommand, cupsTestPages, restartSpoolerCommand, resumeCommands, testPageCommand } from './commands.ts';
import { hasProblem, printerSchema, type Printer } from './model.ts';
import { readPrinters } from './read.ts';
import { printerTexts as t } from './texts.ts';

// nullish: a `${{ answers.x }}` template for a question that was not asked substitutes null.
const printerName = z.string().min(1).max(256).refine(isSafeArgument, { message: 'Printer names cannot start with "-".' });
const problemSchema = z.enum(['none', 'no-printers', 'unknown-printer', 'spooler-down', 'queue-stopped', 'queue-rejecting', 'jobs-stuck', 'not-available']);

function currentUser(ctx: ActionContext): string {
  return (ctx.platform === 'win32' ? ctx.env.USERNAME : (ctx.env.USER ?? ctx.env.LOGNAME)) ?? '';
}

const stuckJobs = (p: Printer) => (p.enabled ? p.jobs.filter((j) => j.error) : p.jobs);

function verdict(p: Printer): z.infer<typeof problemSchema> {
  if (!p.enabled) return 'queue-stopped';
  if (!p.accepting) return 'queue-rejecting';
  if (stuckJobs(p).length > 0) return 'jobs-stuck';
  return 'none';
}

function sentence(p: Printer, ctx: ActionContext): string {
  const problem = verdict(p);
  const values = { printer: p.name, reason: p.reasons.join(', ') || '—', count: stuckJobs(p).length };
  if (problem === 'queue-stopped') return `${say(t.stopped, ctx.lang, values)}${p.jobs.length > 0 ? ` ${say(t.stuck, ctx.lang, { ...values, count: p.jobs.length })}` : ''}`;
  if (problem === 'queue-rejecting') return say(t.rejecting, ctx.lang, values);
  return say(t.stuck, ctx.lang, values);
}

export const printerStatusAction = defineAction({
  name: 'printer.status',
  input: z.object({ printer: printerName.nullish() }).strict(),
  result: z.object({
    ok: z.boolean(),
    available: z.boolean(),
    problem: problemSchema,
    finding: z.string(),
    printers: z.array(printerSchema),
    /** Names of the queues that need fixing, and how many. */
    problemPrinters: z.array(z.string()),
    problemCount: z.number().int(),
    /** Jobs left in the queues looked at. */
    jobCount: z.number().int(),
    /** The employee's own jobs left in those queues (0 once their stuck jobs are cancelled). */
    ownJobCount: z.number().int(),
    /** The employee's jobs that are stuck (on a stopped queue, or in error): what clear-queue cancels. */
    ownStuckJobCount: z.number().int(),
  }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: false,
  describe: (_input, lang) => say(t.describeStatus, lang),
  async run(input, ctx) {
    const readout = await readPrinters(ctx);
    const empty = { printers: [], problemPrinters: [], problemCount: 0, jobCount: 0, ownJobCount: 0, ownStuckJobCount: 0 };
    const user = currentUser(ctx);
    const mine = (j: { user: string }) => user !== '' && j.user.toLowerCase() === user.toLowerCase();
    if (!readout.available) return { ok: false, available: false, problem: 'not-available' as const, finding: say(t.notAvailable, ctx.lang), ...empty };
    if (readout.spoolerDown) return { ok: false, available: true, problem: 'spooler-down' as const, finding: say(t.spoolerDown, ctx.lang), ...empty };
    const scope = input.printer ? readout.printers.filter((p) => p.name === input.printer) : readout.printers;
    if (readout.printers.length === 0) return { ok: false, available: true, problem: 'no-printers' as const, finding: say(t.noPrinters, ctx.lang), ...empty };
    if (input.printer && scope.length === 0) {
      return { ok: false, available: true, problem: 'unknown-printer' as const, finding: say(t.unknownPrinter, ctx.lang, { printer: input.printer }), ...empty, printers: readout.printers };
    }
    const broken = scope.filter(hasProblem);
    const first = broken[0];
    return {
      ok: broken.length === 0,
      available: true,
      problem: first ? verdict(first) : ('none' as const),
      finding: broken.length === 0 ? say(t.allFine, ctx.lang) : broken.map((p) => sentence(p, ctx)).join(' '),
      printers: scope,
      problemPrinters: broken.map((p) => p.name),
      problemCount: broken.length,
      jobCount: scope.reduce((n, p) => n + p.jobs.length, 0),
      ownJobCount: scope.reduce((n, p) => n + p.jobs.filter(mine).length, 0),
      ownStuckJobCount: scope.reduce((n, p) => n + stuckJobs(p).filter(mine).length, 0),
    };
  },
});

/** The queues to act on: the one named, else every queue with a problem. */
async function targets(ctx: ActionContext, printer: string | undefined, pick: (p: Printer) => boolean): Promise<{ names: string[]; result?: FixResult }> {
  const readout = await readPrinters(ctx);
  if (!readout.available) return { names: [], result: { ok: false, available: false, finding: say(t.notAvailable, ctx.lang) } };
  if (readout.spoolerDown) return { names: [], result: { ok: false, available: true, finding: say(t.spoolerDown, ctx.lang) } };
  if (printer) {
    if (!readout.printers.some((p) => p.name === printer)) return { names: [], result: { ok: false, available: true, finding: say(t.unknownPrinter, ctx.lang, { printer }) } };
    return { names: [printer] };
  }
  return { names: readout.printers.filter(pick).map((p) => p.name) };
}

function done(ctx: ActionContext, seq: { ok: boolean; notFound: boolean; error?: string }, success: string): FixResult {
  if (seq.ok) return { ok: true, available: true, finding: success };
  if (seq.notFound) return { ok: false, available: false, finding: say(t.notAvailable, ctx.lang), ...(seq.error ? { error: seq.error } : {}) };
  return { ok: false, available: true, finding: say(t.failed, ctx.lang, { reason: seq.error ?? '' }), ...(seq.error ? { error: seq.error } : {}) };
}

export const clearQueueAction = defineAction({
  name: 'printer.clear-queue',
  input: z.object({ printer: printerName.nullish(), scope: z.enum(['own', 'all']).default('own') }).strict(),
  result: fixResultSchema.extend({ printers: z.array(z.string()) }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: true,
  describe: (input, lang) => say(input.scope === 'all' ? t.describeClearAll : t.describeClearOwn, lang, { printer: input.printer ?? t.anyPrinter[lang] }),
  async run(input, ctx) {
    // Anything but an explicit "all" means own jobs: the safe side when input bypassed the schema.
    const scope = input.scope === 'all' ? 'all' : 'own';
    const user = currentUser(ctx);
    if (scope === 'own' && !isSafeArgument(user)) return { ok: false, available: false, finding: say(t.notAvailable, ctx.lang), printers: [] };
    // Stuck jobs: every job on a stopped queue, or jobs in error on a running one.
    const chosen = await targets(ctx, input.printer ?? undefined, (p) => p.jobs.length > 0 && hasProblem(p));
    if (chosen.result) return { ...chosen.result, printers: [] };
    if (chosen.names.length === 0) return { ok: true, available: true, finding: say(t.nothingToDo, ctx.lang), printers: [] };
    const commands = chosen.names.map((name) => clearQueueCommand(ctx.platform, name, scope, user));
    return { ...done(ctx, await runSequence(ctx, commands), say(t.cleared, ctx.lang)), printers: chosen.names };
  },
});

export const resumeQueueAction = defineAction({
  name: 'printer.resume',
  input: z.object({ printer: printerName.nullish() }).strict(),
  result: fixResultSchema.extend({ printers: z.array(z.string()) }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: true,
  describe: (input, lang) => say(t.describeResume, lang, { printer: input.printer ?? t.anyPrinter[lang] }),
  async run(input, ctx) {
    const chosen = await targets(ctx, input.printer ?? undefined, (p) => !p.enabled || !p.accepting);
    if (chosen.result) return { ...chosen.result, printers: [] };
    if (chosen.names.length === 0) return { ok: true, available: true, finding: say(t.nothingToDo, ctx.lang), printers: [] };
    const commands = chosen.names.flatMap((name) => resumeCommands(ctx.platform, name));
    return { ...done(ctx, await runSequence(ctx, commands), say(t.resumed, ctx.lang)), printers: chosen.names };
  },
});

export const restartSpoolerAction = defineAction({
  name: 'printer.restart-spooler',
  input: z.object({}).strict(),
  result: fixResultSchema,
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: true,
  describe: (_input, lang) => say(t.describeRestart, lang),
  async run(_input, ctx) {
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

export const testPageAction = defineAction({
  name: 'printer.test-page',
  input: z.object({ printer: printerName.nullish() }).strict(),
  result: fixResultSchema.extend({ printer: z.string().optional() }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: true,
  describe: (input, lang) => say(t.describeTestPage, lang, { printer: input.printer ?? t.anyPrinter[lang] }),
  async run(input, ctx) {
    const readout = await readPrinters(ctx);
    if (!readout.available) return { ok: false, available: false, finding: say(t.notAvailable, ctx.lang) };
    const printers = readout.printers;
    const name = input.printer ?? (printers.find((p) => p.isDefault) ?? (printers.length === 1 ? printers[0] : undefined))?.name;
    if (!name) return { ok: false, available: true, finding: say(t.noPrinters, ctx.lang) };
    const page = ctx.platform === 'win32' ? '' : await firstExisting(cupsTestPages);
    if (page === undefined) return { ok: false, available: false, finding: say(t.notAvailable, ctx.lang), printer: name };
    const seq = await runSequence(ctx, [testPageCommand(ctx.platform, name, page)]);
    return { ...done(ctx, seq, say(t.testPageSent, ctx.lang, { printer: name })), printer: name };
  },
});

export const printerActions = [printerStatusAction, clearQueueAction, resumeQueueAction, restartSpoolerAction, testPageAction];
