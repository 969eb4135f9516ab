/**
 * Outlook keeps asking for the password / won't start (Windows, macOS): status (read-only), safe
 * mode (Windows: a hung Outlook of this employee is ended by PID, then OUTLOOK.EXE /safe) and
 * removing the saved Office sign-ins (Windows Credential Manager, Office entries only). Each change
 * after consent; each reports success only when a read-back shows it held.
 */
import { z } from 'zod';
import { defineAction, type ActionContext } from '../../engine/action.ts';
import { briefError, runArgv, succeeded } from '../shared/exec.ts';
import { launcherOf } from '../shared/launch.ts';
import { fixResultSchema } from '../shared/result.ts';
import { say } from '../shared/text.ts';
import { findCommand, parseTasklist, waitFor } from '../teams/process.ts';
import { countProfiles, credentialList, deleteCredential, macNewOutlookQuery, macProcess, officeTargets, outlookExecutables, parseNewOutlook, profilesQuery, windowsProcess } from './commands.ts';
import { outlookTexts as t } from './texts.ts';

type Processes = { pids: number[]; hung: number[] };

/** Outlook processes of this employee and the ones not responding (Windows); undefined when unreadable. */
async function outlookProcesses(ctx: ActionContext): Promise<Processes | undefined> {
  const command = findCommand(ctx, ctx.platform === 'win32' ? windowsProcess : macProcess);
  if (!command) return undefined;
  const keep = ctx.platform === 'win32' ? ('keep' as const) : ('c' as const);
  const all = await runArgv(ctx, command.file, command.args, { timeoutMs: 5000, locale: keep });
  if (all.notFound || all.timedOut) return undefined;
  if (ctx.platform !== 'win32') {
    if (all.exitCode !== 0 && all.exitCode !== 1) return undefined;
    return { pids: all.stdout.split('\n').flatMap((l) => (/^\d+$/.test(l.trim()) ? [Number(l.trim())] : [])), hung: [] };
  }
  const mine = (stdout: string) =>
    parseTasklist(stdout)
      .filter((r) => r.name.toLowerCase() === windowsProcess.toLowerCase())
      .map((r) => r.pid);
  const pids = mine(all.stdout);
  if (pids.length === 0) return { pids, hung: [] };
  const hung = await runArgv(ctx, command.file, [...command.args, '/FI', 'STATUS eq NOT RESPONDING'], { timeoutMs: 5000, locale: keep });
  return { pids, hung: succeeded(hung) ? mine(hung.stdout) : [] };
}

const problems = ['none', 'not-responding', 'no-profile', 'unknown'] as const;

export const outlookStatusAction = defineAction({
  name: 'outlook.status',
  input: () => z.object({}).strict(),
  result: () =>
    z.object({
      ok: z.boolean(),
      finding: z.string(),
      problem: z.enum(problems),
      running: z.boolean(),
      /** Windows: Outlook is open but not responding. macOS cannot tell (false). */
      hung: z.boolean(),
      /** Windows: mail profiles under HKCU…\Outlook\Profiles; -1 where not read (macOS). */
      profiles: z.number().int(),
      /** Windows: saved Office sign-ins in Credential Manager (a number only: their targets hold addresses). */
      officeCredentials: z.number().int(),
      /** macOS: new or legacy Outlook; Windows: classic (OUTLOOK.EXE). */
      client: z.enum(['classic', 'new', 'legacy', 'unknown']),
      error: z.string().optional(),
    }),
  platforms: ['win32', 'darwin'],
  changesMachine: false,
  describe: (_input, lang) => say(t.describeStatus, lang),
  async run(_input, ctx) {
    const unknown = { ok: false, finding: say(t.unknown, ctx.lang), problem: 'unknown' as const, running: false, hung: false, profiles: -1, officeCredentials: 0, client: 'unknown' as const };
    if (ctx.platform === 'linux') return unknown;
    const procs = await outlookProcesses(ctx);
    if (!procs) return { ...unknown, error: 'process list unavailable' };
    const running = procs.pids.length > 0;
    const hung = procs.hung.length > 0;
    if (ctx.platform === 'darwin') {
      const q = await runArgv(ctx, macNewOutlookQuery.file, macNewOutlookQuery.args, { timeoutMs: 5000 });
      const client = parseNewOutlook(q.stdout, q.exitCode);
      const state = say(running ? t.running : t.notRunning, ctx.lang);
      return { ok: true, finding: say(t.allGood, ctx.lang, { state }), problem: 'none' as const, running, hung: false, profiles: -1, officeCredentials: 0, client };
    }
    const reg = await runArgv(ctx, profilesQuery.file, profilesQuery.args, { timeoutMs: 10_000, locale: 'keep' });
    if (reg.notFound) return { ...unknown, running, hung, error: 'reg: command not found' };
    // Exit 1: the Profiles key does not exist — no profile.
    const profiles = reg.exitCode === 0 ? countProfiles(reg.stdout) : 0;
    const creds = await runArgv(ctx, credentialList.file, credentialList.args, { timeoutMs: 10_000, locale: 'keep' });
    const officeCredentials = succeeded(creds) ? officeTargets(creds.stdout).length : 0;
    const base = { running, hung, profiles, officeCredentials, client: 'classic' as const };
    if (hung) return { ok: false, finding: say(t.hung, ctx.lang), problem: 'not-responding' as const, ...base };
    if (profiles === 0) return { ok: false, finding: say(t.noProfile, ctx.lang), problem: 'no-profile' as const, ...base };
    return { ok: true, finding: say(t.allGood, ctx.lang, { state: say(running ? t.running : t.notRunning, ctx.lang) }), problem: 'none' as const, ...base };
  },
});

const waitInput = () =>
  z
    .object({
      /** How long to wait for Outlook to be up again. */
      waitSeconds: z.number().int().min(1).max(300).default(60),
    })
    .strict();

export const outlookSafeModeAction = defineAction({
  name: 'outlook.safe-mode',
  input: waitInput,
  result: () => fixResultSchema,
  platforms: ['win32'],
  changesMachine: true,
  describe: (_input, lang) => say(t.describeSafeMode, lang),
  async run(input, ctx) {
    if (ctx.platform !== 'win32') return { ok: false, available: false, finding: say(t.onlyWindows, ctx.lang) };
    const before = await outlookProcesses(ctx);
    if (!before) return { ok: false, available: false, finding: say(t.unknown, ctx.lang) };
    // An Outlook that responds is left alone: the employee may be writing in it.
    if (before.pids.length > 0 && before.hung.length === 0) return { ok: true, available: true, finding: say(t.alreadyRunning, ctx.lang) };
    if (before.hung.length > 0) {
      // Only this employee's hung Outlook, by PID; a hung window does not answer a polite close.
      const kill = await runArgv(ctx, 'taskkill', ['/F', ...before.hung.flatMap((pid) => ['/PID', String(pid)])], { timeoutMs: 15_000, locale: 'keep' });
      const gone = await waitFor(ctx, 10_000, async () => ((await outlookProcesses(ctx))?.pids.length ?? 1) === 0);
      if (!gone) return { ok: false, available: true, finding: say(t.stillHung, ctx.lang), error: `taskkill: ${briefError(kill)}` };
    }
    const launcher = launcherOf(ctx.exec);
    if (!launcher) return { ok: false, available: false, finding: say(t.startYourself, ctx.lang) };
    let started = false;
    for (const file of outlookExecutables(ctx.env)) {
      if ((await launcher.launch(file, ['/safe'], {})).started) {
        started = true;
        break;
      }
    }
    if (!started) return { ok: false, available: false, finding: say(t.notInstalled, ctx.lang), error: 'OUTLOOK.EXE not found under Program Files\\Microsoft Office\\root\\Office16' };
    const up = await waitFor(ctx, (input.waitSeconds ?? 60) * 1000, async () => {
      const now = await outlookProcesses(ctx);
      return now !== undefined && now.pids.length > 0 && now.hung.length === 0;
    });
    return up
      ? { ok: true, available: true, finding: say(t.safeStarted, ctx.lang) }
      : { ok: false, available: true, finding: say(t.notStarted, ctx.lang), error: 'started, but not running and responding' };
  },
});

export const outlookClearCredentialsAction = defineAction({
  name: 'outlook.clear-credentials',
  input: () => z.object({}).strict(),
  result: () => fixResultSchema.extend({ removed: z.number().int() }),
  platforms: ['win32'],
  changesMachine: true,
  describe: (_input, lang) => say(t.describeClear, lang),
  async run(_input, ctx) {
    if (ctx.platform !== 'win32') return { ok: false, available: false, finding: say(t.onlyWindows, ctx.lang), removed: 0 };
    const list = async () => {
      const r = await runArgv(ctx, credentialList.file, credentialList.args, { timeoutMs: 10_000, locale: 'keep' });
      return succeeded(r) ? officeTargets(r.stdout) : undefined;
    };
    const targets = await list();
    if (!targets) return { ok: false, available: false, finding: say(t.clearFailed, ctx.lang), removed: 0, error: 'cmdkey /list failed' };
    if (targets.length === 0) return { ok: true, available: true, finding: say(t.nothingSaved, ctx.lang), removed: 0 };
    for (const target of targets) {
      const d = deleteCredential(target);
      await runArgv(ctx, d.file, d.args, { timeoutMs: 10_000, locale: 'keep' });
    }
    // Read back: only what is really gone counts.
    const left = (await list()) ?? targets;
    const removed = targets.length - left.length;
    return left.length === 0
      ? { ok: true, available: true, finding: say(t.cleared, ctx.lang, { count: removed }), removed }
      : { ok: false, available: true, finding: say(t.clearFailed, ctx.lang), removed, error: `${left.length} Office credential(s) still listed by cmdkey` };
  },
});

export const outlookActions = [outlookStatusAction, outlookSafeModeAction, outlookClearCredentialsAction];
