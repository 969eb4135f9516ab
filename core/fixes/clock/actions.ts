/** The clock actions: compare with the intranet's Date header (read-only) and resync (administrator rights, through the broker). */
import { z } from 'zod';
import { defineAction, type ActionContext } from '../../engine/action.ts';
import { fixResultSchema, runFirstAvailable, sequenceOutcome } from '../shared/result.ts';
import { say } from '../shared/text.ts';
import { TimeoutError } from '../../util/within.ts';
import { resyncCommands } from './commands.ts';
import { referenceFromPolicy, sampleDate, skewSeconds } from './reference.ts';
import { clockTexts as t } from './texts.ts';

/** "3 minute(s)" under an hour of difference is shown in minutes, below two minutes in seconds. */
function amount(seconds: number, lang: ActionContext['lang']): string {
  const abs = Math.abs(seconds);
  return abs >= 120 ? say(t.minutes, lang, { count: Math.round(abs / 60) }) : say(t.seconds, lang, { count: abs });
}

export const clockCheckAction = defineAction({
  name: 'clock.check',
  input: () =>
    z
      .object({
        /** Kerberos refuses more than 5 minutes; one-time codes drift out after about a minute. */
        maxSkewSeconds: z.number().int().min(1).max(3600).default(60),
        timeoutMs: z.number().int().min(100).max(30_000).default(5000),
      })
      .strict(),
  result: () =>
    z.object({
      ok: z.boolean(),
      finding: z.string(),
      problem: z.enum(['none', 'clock-wrong', 'no-reference', 'reference-unreachable', 'no-date-header']),
      /** Local minus reference, seconds (positive: this computer is ahead). */
      skewSeconds: z.number().optional(),
      reference: z.enum(['policy', 'internal-url', 'none']),
      /** Both times as ISO strings, for IT. */
      localTime: z.string(),
      referenceTime: z.string().optional(),
      error: z.string().optional(),
    }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: false,
  describe: (_input, lang) => say(t.describeCheck, lang),
  async run(input, ctx) {
    const localTime = ctx.now().toISOString();
    const reference = referenceFromPolicy(ctx.policy);
    if (!reference) return { ok: false, finding: say(t.noReference, ctx.lang), problem: 'no-reference' as const, reference: 'none' as const, localTime };
    const timeoutMs = Math.min(input.timeoutMs ?? 5000, ctx.timeoutMs);
    let sample;
    try {
      sample = await sampleDate(reference.url, timeoutMs, ctx.signal, () => ctx.now().getTime());
    } catch (error) {
      const reason = error instanceof TimeoutError ? 'timed out' : (error as Error).message.slice(0, 200);
      return { ok: false, finding: say(t.unreachable, ctx.lang), problem: 'reference-unreachable' as const, reference: reference.source, localTime, error: reason };
    }
    const skew = skewSeconds(sample);
    if (skew === undefined)
      return { ok: false, finding: say(t.noDate, ctx.lang), problem: 'no-date-header' as const, reference: reference.source, localTime, error: `HTTP ${sample.status} without a Date header` };
    const max = input.maxSkewSeconds ?? 60;
    const ok = Math.abs(skew) <= max;
    const finding = ok ? say(t.inSync, ctx.lang, { seconds: max }) : say(skew > 0 ? t.ahead : t.behind, ctx.lang, { amount: amount(skew, ctx.lang) });
    return {
      ok,
      finding,
      problem: ok ? ('none' as const) : ('clock-wrong' as const),
      skewSeconds: skew,
      reference: reference.source,
      localTime,
      referenceTime: new Date(Date.parse(sample.date as string)).toISOString(),
    };
  },
});

export const timeResyncAction = defineAction({
  name: 'time.resync',
  input: () => z.object({}).strict(),
  result: fixResultSchema,
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: true,
  describe: (_input, lang) => say(t.describeResync, lang),
  async run(_input, ctx) {
    const last = await runFirstAvailable(ctx, resyncCommands(ctx.platform), 30_000);
    return sequenceOutcome(last, { success: say(t.resynced, ctx.lang), notAvailable: say(t.resyncUnavailable, ctx.lang), failed: (reason) => say(t.resyncFailed, ctx.lang, { reason }) });
  },
});

export const clockActions = [clockCheckAction, timeResyncAction];
