/** Slow-computer checks, all read-only: uptime, busy processes (sampled), updates waiting for a restart. Low disk is disk.status. */
import { totalmem, uptime } from 'node:os';
import { z } from 'zod';
import { defineAction } from '../../engine/action.ts';
import { say } from '../shared/text.ts';
import { busyProcesses, snapshot, type Snapshot } from './processes.ts';
import { restartPending } from './restart.ts';
import { slowTexts as t } from './texts.ts';

export const uptimeAction = defineAction({
  name: 'system.uptime',
  input: () => z.object({ maxDays: z.number().int().min(1).max(365).default(7) }).strict(),
  result: () => z.object({ ok: z.boolean(), finding: z.string(), problem: z.enum(['none', 'restart-overdue']), days: z.number() }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: false,
  describe: (_input, lang) => say(t.describeUptime, lang),
  async run(input, ctx) {
    // Windows "Fast startup" keeps the kernel across a shutdown, so this counts from the last real restart — which is the advice.
    const days = Math.floor(uptime() / 86400);
    const ok = days < (input.maxDays ?? 7);
    return { ok, finding: say(ok ? t.uptimeOk : t.uptimeLong, ctx.lang, { days }), problem: ok ? ('none' as const) : ('restart-overdue' as const), days };
  },
});

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => (signal.removeEventListener('abort', onAbort), resolve()), ms);
    const onAbort = () => (clearTimeout(timer), reject(signal.reason as Error));
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export const busyProcessAction = defineAction({
  name: 'system.busy-processes',
  input: () =>
    z
      .object({
        /** Two intervals of this length: something busy in both has been busy for a while, not a spike. */
        intervalSeconds: z.number().min(0.2).max(60).default(15),
        cpuPercent: z.number().min(1).max(1000).default(80),
        memoryPercent: z.number().min(1).max(100).default(40),
      })
      .strict(),
  result: () =>
    z.object({
      ok: z.boolean(),
      finding: z.string(),
      problem: z.enum(['none', 'busy-process', 'unknown']),
      /** Names only (never command lines or paths). */
      busy: z.array(z.object({ name: z.string(), cpuPercent: z.number(), memoryPercent: z.number(), reason: z.enum(['cpu', 'memory']) })),
      names: z.string(),
    }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: false,
  describe: (_input, lang) => say(t.describeBusy, lang),
  async run(input, ctx) {
    const ms = (input.intervalSeconds ?? 15) * 1000;
    const samples: Snapshot[] = [];
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      if (i > 0) await wait(ms, ctx.signal);
      const s = await snapshot(ctx);
      if (!s) return { ok: false, finding: say(t.busyUnknown, ctx.lang), problem: 'unknown' as const, busy: [], names: '' };
      samples.push(s);
      times.push(performance.now());
    }
    const seconds: [number, number] = [((times[1] ?? 0) - (times[0] ?? 0)) / 1000, ((times[2] ?? 0) - (times[1] ?? 0)) / 1000];
    const busy = busyProcesses(samples as [Snapshot, Snapshot, Snapshot], seconds, totalmem(), input.cpuPercent ?? 80, input.memoryPercent ?? 40, process.pid);
    const names = busy.map((b) => b.name).join(', ');
    return busy.length > 0
      ? { ok: false, finding: say(t.busy, ctx.lang, { names }), problem: 'busy-process' as const, busy, names }
      : { ok: true, finding: say(t.noneBusy, ctx.lang), problem: 'none' as const, busy, names };
  },
});

export const pendingRestartAction = defineAction({
  name: 'system.pending-restart',
  input: () => z.object({}).strict(),
  result: () => z.object({ ok: z.boolean(), finding: z.string(), problem: z.enum(['none', 'restart-pending', 'unknown']), state: z.enum(['pending', 'none', 'unknown']) }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: false,
  describe: (_input, lang) => say(t.describeUpdates, lang),
  async run(_input, ctx) {
    const state = await restartPending(ctx);
    if (state === 'pending') return { ok: false, finding: say(t.restartPending, ctx.lang), problem: 'restart-pending' as const, state };
    // Unknown is not a fault of this computer: the check passes and says it could not tell.
    return { ok: true, finding: say(state === 'none' ? t.noRestartPending : t.updatesUnknown, ctx.lang), problem: state === 'none' ? ('none' as const) : ('unknown' as const), state };
  },
});

export const slowActions = [uptimeAction, busyProcessAction, pendingRestartAction];
