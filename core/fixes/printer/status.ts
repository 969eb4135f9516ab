/** `printer.status`: the read-only look at every printer (or the one the employee named). */
import { userInfo } from 'node:os';
import { z } from 'zod';
import { defineAction, type ActionContext } from '../../engine/action.ts';
import { isSafeArgument } from '../shared/exec.ts';
import { say } from '../shared/text.ts';
import { causeDetail, causeOf, causeSchema, pausedBySystem, problemSchema, sentence, stuckJobs, verdict } from './diagnose.ts';
import { displayName, findPrinter, printerChoices } from './match.ts';
import { hasProblem, printerSchema, type Printer } from './model.ts';
import { readPrinters } from './read.ts';
import { printerTexts as t } from './texts.ts';

// nullish: a `${{ answers.x }}` template for a question that was not asked substitutes null.
export const printerName = z.string().min(1).max(256).refine(isSafeArgument, { message: 'Printer names cannot start with "-".' });

/** The employee as the spooler knows them: the environment's name (injectable), else the OS account. */
export function currentUser(ctx: ActionContext): string {
  const fromEnv = ctx.platform === 'win32' ? ctx.env.USERNAME : (ctx.env.USER ?? ctx.env.LOGNAME);
  if (fromEnv) return fromEnv;
  if (ctx.platform === 'win32') return '';
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

export const isOwnJob = (user: string) => (j: { user: string }) => user !== '' && j.user.toLowerCase() === user.toLowerCase();

/** "There is no printer called X", with the names the employee can use instead. */
export function unknownPrinterFinding(ctx: ActionContext, wanted: string, printers: readonly Printer[]): string {
  const list = printers.map(displayName).join(', ');
  return `${say(t.unknownPrinter, ctx.lang, { printer: wanted })}${list ? ` ${say(t.printersHere, ctx.lang, { list })}` : ''}`;
}

const choiceSchema = z.object({ value: z.string(), label: z.string() });

export const printerStatusAction = defineAction({
  name: 'printer.status',
  input: () => z.object({ printer: printerName.nullish() }).strict(),
  result: () =>
    z.object({
      ok: z.boolean(),
      available: z.boolean(),
      problem: problemSchema,
      /** The named cause (device error, printer not responding, job stopped, paused…) of the first problem. */
      cause: causeSchema,
      /** For IT, in English: queue, spooler message, printer-state-reasons, stuck jobs. */
      causeDetail: z.string(),
      /** The queue was stopped by the print system itself (device fault), not by a person. */
      pausedBySystem: z.boolean(),
      finding: z.string(),
      printers: z.array(printerSchema),
      /** Every printer, to pick from (value = queue name, label = the name the desktop shows). */
      printerChoices: z.array(choiceSchema),
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
    const empty = { causeDetail: '', pausedBySystem: false, printers: [], printerChoices: [], problemPrinters: [], problemCount: 0, jobCount: 0, ownJobCount: 0, ownStuckJobCount: 0 };
    const mine = isOwnJob(currentUser(ctx));
    if (!readout.available)
      return { ok: false, available: false, problem: 'not-available' as const, cause: 'not-available' as const, finding: say(t.notAvailable, ctx.lang), ...empty, causeDetail: readout.reason };
    if (readout.spoolerDown)
      return { ok: false, available: true, problem: 'spooler-down' as const, cause: 'spooler-down' as const, finding: say(t.spoolerDown, ctx.lang), ...empty, causeDetail: readout.error ?? '' };
    if (readout.printers.length === 0) return { ok: false, available: true, problem: 'no-printers' as const, cause: 'no-printers' as const, finding: say(t.noPrinters, ctx.lang), ...empty };
    const choices = printerChoices(readout.printers);
    const named = input.printer ? findPrinter(readout.printers, input.printer) : undefined;
    if (input.printer && !named) {
      return {
        ok: false,
        available: true,
        problem: 'unknown-printer' as const,
        cause: 'unknown-printer' as const,
        finding: unknownPrinterFinding(ctx, input.printer, readout.printers),
        ...empty,
        causeDetail: `no queue or description matches ${JSON.stringify(input.printer)}; queues: ${readout.printers.map((p) => p.name).join(', ')}`,
        printers: readout.printers,
        printerChoices: choices,
      };
    }
    const scope = named ? [named] : readout.printers;
    const broken = scope.filter(hasProblem);
    const first = broken[0];
    return {
      ok: broken.length === 0,
      available: true,
      problem: first ? verdict(first) : ('none' as const),
      cause: first ? causeOf(first) : ('none' as const),
      causeDetail: broken.map(causeDetail).join(' | '),
      pausedBySystem: broken.some(pausedBySystem),
      finding: broken.length === 0 ? say(t.allFine, ctx.lang) : broken.map((p) => sentence(p, ctx)).join(' '),
      printers: scope,
      printerChoices: choices,
      problemPrinters: broken.map((p) => p.name),
      problemCount: broken.length,
      jobCount: scope.reduce((n, p) => n + p.jobs.length, 0),
      ownJobCount: scope.reduce((n, p) => n + p.jobs.filter(mine).length, 0),
      ownStuckJobCount: scope.reduce((n, p) => n + stuckJobs(p).filter(mine).length, 0),
    };
  },
});
