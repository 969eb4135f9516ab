/**
 * OneDrive not syncing (Windows, macOS): status (running for this employee, an account set up),
 * start it, and the documented reset — each change after consent; start and reset report success
 * only once OneDrive is seen running again (the troubleshooter re-checks as well).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { defineAction, type ActionContext } from '../../engine/action.ts';
import { briefError, runArgv, succeeded } from '../shared/exec.ts';
import { launcherOf } from '../shared/launch.ts';
import { fixResultSchema, runFirstAvailable } from '../shared/result.ts';
import { say } from '../shared/text.ts';
import { findCommand, parseTasklist, waitFor } from '../teams/process.ts';
import { accountsQuery, macQuit, macResetScripts, macSettingsDirs, macStart, parseAccounts, windowsExecutables } from './commands.ts';
import { onedriveTexts as t } from './texts.ts';

/** True/false, or undefined when the OS gives no answer (no user to scope to, tool missing). */
export async function oneDriveRunning(ctx: ActionContext): Promise<boolean | undefined> {
  const command = findCommand(ctx, ctx.platform === 'win32' ? 'OneDrive.exe' : 'OneDrive');
  if (!command) return undefined;
  const result = await runArgv(ctx, command.file, command.args, { timeoutMs: 5000, locale: ctx.platform === 'win32' ? 'keep' : 'c' });
  if (result.notFound || result.timedOut) return undefined;
  if (ctx.platform === 'win32') return parseTasklist(result.stdout).some((row) => row.name.toLowerCase() === 'onedrive.exe');
  return result.exitCode === 0 ? true : result.exitCode === 1 ? false : undefined;
}

/** Account names (Business1, Personal) that are set up; undefined when this cannot be read. */
async function oneDriveAccounts(ctx: ActionContext): Promise<string[] | undefined> {
  if (ctx.platform === 'win32') {
    const q = accountsQuery();
    const result = await runArgv(ctx, q.file, q.args, { timeoutMs: 10_000, locale: 'keep' });
    if (result.notFound || result.timedOut) return undefined;
    // Exit 1: "unable to find the specified registry key or value" — no account at all.
    return result.exitCode === 0 ? parseAccounts(result.stdout) : [];
  }
  const home = ctx.env.HOME;
  if (!home) return undefined;
  const found: string[] = [];
  for (const dir of macSettingsDirs(home)) {
    for (const account of await readdir(dir).catch(() => [] as string[])) {
      if (!/^(Business\d+|Personal)$/.test(account) || found.includes(account)) continue;
      const files = await readdir(path.posix.join(dir, account)).catch(() => [] as string[]);
      if (files.some((f) => f.endsWith('.ini'))) found.push(account);
    }
  }
  return found;
}

const problems = ['none', 'not-running', 'not-signed-in', 'unknown'] as const;

export const oneDriveStatusAction = defineAction({
  name: 'onedrive.status',
  input: () => z.object({}).strict(),
  result: () =>
    z.object({
      ok: z.boolean(),
      finding: z.string(),
      problem: z.enum(problems),
      running: z.boolean(),
      signedIn: z.boolean(),
      /** Account kinds set up (Business1, Personal); never the address. */
      accounts: z.array(z.string()),
    }),
  platforms: ['win32', 'darwin'],
  changesMachine: false,
  describe: (_input, lang) => say(t.describeStatus, lang),
  async run(_input, ctx) {
    if (ctx.platform === 'linux') return { ok: false, finding: say(t.onlyWinMac, ctx.lang), problem: 'unknown' as const, running: false, signedIn: false, accounts: [] };
    const [running, accounts] = [await oneDriveRunning(ctx), await oneDriveAccounts(ctx)];
    const signedIn = (accounts?.length ?? 0) > 0;
    const base = { running: running === true, signedIn, accounts: accounts ?? [] };
    if (running === undefined || accounts === undefined) return { ok: false, finding: say(t.unknown, ctx.lang), problem: 'unknown' as const, ...base };
    if (!running) return { ok: false, finding: say(t.notRunning, ctx.lang), problem: 'not-running' as const, ...base };
    if (!signedIn) return { ok: false, finding: say(t.notSignedIn, ctx.lang), problem: 'not-signed-in' as const, ...base };
    return { ok: true, finding: say(t.allGood, ctx.lang), problem: 'none' as const, ...base };
  },
});

const waitInput = () =>
  z
    .object({
      /** How long to wait for OneDrive to run again (it syncs a large library for a while first). */
      waitSeconds: z.number().int().min(1).max(300).default(90),
    })
    .strict();

const isRunning = (ctx: ActionContext) => async () => (await oneDriveRunning(ctx)) === true;

/** Starts OneDrive (Windows: the first OneDrive.exe that exists, detached; macOS: `open -a`). */
async function startOneDrive(ctx: ActionContext): Promise<'started' | 'not-installed' | 'cannot-launch'> {
  if (ctx.platform === 'darwin') {
    const result = await runArgv(ctx, macStart.file, macStart.args, { timeoutMs: 15_000 });
    return succeeded(result) ? 'started' : 'not-installed';
  }
  const launcher = launcherOf(ctx.exec);
  if (!launcher) return 'cannot-launch';
  for (const file of windowsExecutables(ctx.env)) {
    if ((await launcher.launch(file, ['/background'], {})).started) return 'started';
  }
  return 'not-installed';
}

export const oneDriveStartAction = defineAction({
  name: 'onedrive.start',
  input: waitInput,
  result: () => fixResultSchema,
  platforms: ['win32', 'darwin'],
  changesMachine: true,
  describe: (_input, lang) => say(t.describeStart, lang),
  async run(input, ctx) {
    if (ctx.platform === 'linux') return { ok: false, available: false, finding: say(t.onlyWinMac, ctx.lang) };
    if ((await oneDriveRunning(ctx)) === true) return { ok: true, available: true, finding: say(t.nothingToDo, ctx.lang) };
    const started = await startOneDrive(ctx);
    if (started === 'cannot-launch') return { ok: false, available: false, finding: say(t.startYourself, ctx.lang) };
    if (started === 'not-installed') return { ok: false, available: false, finding: say(t.notInstalled, ctx.lang), error: 'OneDrive.exe / OneDrive.app not found' };
    const running = await waitFor(ctx, (input.waitSeconds ?? 90) * 1000, isRunning(ctx));
    return running ? { ok: true, available: true, finding: say(t.started, ctx.lang) } : { ok: false, available: true, finding: say(t.notStarted, ctx.lang), error: 'started, but not running' };
  },
});

export const oneDriveResetAction = defineAction({
  name: 'onedrive.reset',
  input: waitInput,
  result: () => fixResultSchema,
  platforms: ['win32', 'darwin'],
  changesMachine: true,
  describe: (_input, lang) => say(t.describeReset, lang),
  async run(input, ctx) {
    if (ctx.platform === 'linux') return { ok: false, available: false, finding: say(t.onlyWinMac, ctx.lang) };
    const waitMs = (input.waitSeconds ?? 90) * 1000;
    if (ctx.platform === 'win32') {
      const seq = await runFirstAvailable(
        ctx,
        windowsExecutables(ctx.env).map((file) => [{ file, args: ['/reset'] }]),
        60_000,
      );
      if (!seq.ok)
        return seq.notFound
          ? { ok: false, available: false, finding: say(t.notInstalled, ctx.lang) }
          : { ok: false, available: true, finding: say(t.resetFailed, ctx.lang), ...(seq.error ? { error: seq.error } : {}) };
    } else {
      // Quit first (the reset script expects OneDrive closed); a OneDrive that was not running is fine.
      await runArgv(ctx, macQuit.file, macQuit.args, { timeoutMs: 15_000 });
      const errors: string[] = [];
      let done = false;
      for (const script of macResetScripts) {
        const result = await runArgv(ctx, 'open', [script], { timeoutMs: 15_000 });
        if (succeeded(result)) {
          done = true;
          break;
        }
        errors.push(`open ${path.posix.basename(script)}: ${briefError(result)}`);
      }
      if (!done) return { ok: false, available: false, finding: say(t.resetFailed, ctx.lang), error: errors.join('; ').slice(0, 600) };
    }
    // OneDrive starts itself after a reset; if it has not within a third of the wait, start it.
    if (await waitFor(ctx, Math.ceil(waitMs / 3), isRunning(ctx))) return { ok: true, available: true, finding: say(t.resetDone, ctx.lang) };
    await startOneDrive(ctx);
    return (await waitFor(ctx, waitMs, isRunning(ctx)))
      ? { ok: true, available: true, finding: say(t.resetDone, ctx.lang) }
      : { ok: false, available: true, finding: say(t.resetNotRunning, ctx.lang), error: 'reset ran, OneDrive not running afterwards' };
  },
});

export const oneDriveActions = [oneDriveStatusAction, oneDriveStartAction, oneDriveResetAction];
