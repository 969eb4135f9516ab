/** The Teams cache actions: status (read-only), clear cache (quit → back up → restart → verify), start. */
import { z } from 'zod';
import { defineAction, type ActionContext } from '../../engine/action.ts';
import { say } from '../shared/text.ts';
import { checkBase, clearLocations, countCacheEntries, pruneBackups, stamp } from './cache.ts';
import { backupRoot, profileRoots, teamsLocations, type TeamsClient } from './paths.ts';
import { findTeams, quitTeams, startTeams, waitFor } from './process.ts';
import { teamsTexts as t } from './texts.ts';

const clientSchema = z.enum(['new', 'classic', 'community']);

async function status(ctx: ActionContext) {
  const locations = teamsLocations(ctx.platform, ctx.env);
  const roots = profileRoots(ctx.platform, ctx.env);
  const cache = await countCacheEntries(ctx.platform, locations, roots);
  const processes = await findTeams(ctx).catch(() => []);
  // A Teams folder that is refused (a symlink or a path leading out of the profile) still means
  // Teams is there: say so, so the run names that cause instead of "not installed" (issue #12).
  const refused: typeof locations = [];
  for (const l of locations) {
    const checked = await checkBase(ctx.platform, roots, l);
    if (checked && 'refused' in checked) refused.push(l);
  }
  const clients = [...new Set([...processes.map((p) => p.client), ...locations.filter((l) => cache.bases.includes(l.base) || refused.includes(l)).map((l) => l.client)])];
  return { locations, cache, processes, clients, refused: refused.length };
}

export const teamsStatusAction = defineAction({
  name: 'teams.status',
  input: () => z.object({}).strict(),
  result: () =>
    z.object({
      ok: z.boolean(),
      finding: z.string(),
      installed: z.boolean(),
      running: z.boolean(),
      /** Machine-readable cause for the run's ending (engine outcome.ts). */
      problem: z.enum(['none', 'not-installed', 'not-running', 'cache-outside-profile']),
      clients: z.array(clientSchema),
      cacheFolders: z.number().int(),
    }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: false,
  describe: (_input, lang) => say(t.describeStatus, lang),
  async run(_input, ctx) {
    const s = await status(ctx);
    const installed = s.clients.length > 0;
    const running = s.processes.length > 0;
    const finding = installed ? say(t.found, ctx.lang, { count: s.cache.entries, state: (running ? t.running : t.stopped)[ctx.lang] }) : say(t.notFound, ctx.lang);
    const problem = !installed ? ('not-installed' as const) : s.refused > 0 ? ('cache-outside-profile' as const) : running ? ('none' as const) : ('not-running' as const);
    return { ok: installed, finding, installed, running, problem, clients: s.clients, cacheFolders: s.cache.entries };
  },
});

export const teamsClearCacheAction = defineAction({
  name: 'teams.clear-cache',
  input: () =>
    z
      .object({
        /** Force-quit after the grace period; only with the employee's consent (an `ask` answer). */
        force: z.boolean().default(false),
        graceSeconds: z.number().int().min(1).max(120).default(15),
        keepBackups: z.number().int().min(1).max(20).default(3),
        restart: z.boolean().default(true),
      })
      .strict(),
  result: () =>
    z.object({
      ok: z.boolean(),
      finding: z.string(),
      quit: z.enum(['not-running', 'graceful', 'forced', 'still-running']),
      stillRunning: z.boolean(),
      /** What stopped the clean-up, for the escalation and the ticket (engine outcome.ts). */
      problem: z.enum(['none', 'no-profile', 'teams-will-not-close', 'cache-outside-profile', 'cache-in-use', 'teams-did-not-restart']),
      moved: z.array(z.string()),
      deleted: z.array(z.string()),
      kept: z.array(z.string()),
      refused: z.array(z.string()),
      failed: z.array(z.string()),
      backupDir: z.string().optional(),
      pruned: z.number().int(),
      running: z.boolean(),
    }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: true,
  describe: (input, lang) => say(input.force ? t.describeClearForce : t.describeClear, lang),
  async run(input, ctx) {
    const base = { moved: [], deleted: [], kept: [], refused: [], failed: [], pruned: 0 };
    const roots = profileRoots(ctx.platform, ctx.env);
    const backups = backupRoot(ctx.platform, ctx.env);
    if (roots.length === 0 || !backups)
      return { ok: false, finding: say(t.noProfile, ctx.lang), quit: 'not-running' as const, stillRunning: false, problem: 'no-profile' as const, running: false, ...base };
    const quit = await quitTeams(ctx, input.force === true, (input.graceSeconds ?? 15) * 1000);
    if (quit.outcome === 'still-running')
      return { ok: false, finding: say(t.stillRunning, ctx.lang), quit: quit.outcome, stillRunning: true, problem: 'teams-will-not-close' as const, running: true, ...base };

    const when = stamp(ctx.now());
    const report = await clearLocations(ctx.platform, roots, teamsLocations(ctx.platform, ctx.env), `${backups}${ctx.platform === 'win32' ? '\\' : '/'}${when}`);
    // A refusal means something in the profile is not what we expect: keep every backup until a clean run (#11).
    const pruned = report.refused.length === 0 ? await pruneBackups(backups, input.keepBackups ?? 3) : 0;

    let running = false;
    if (input.restart !== false) {
      const client: TeamsClient = quit.clients[0] ?? (ctx.platform === 'linux' ? 'community' : 'new');
      const started = await startTeams(ctx, client, quit.restart);
      running = started.started && (await waitFor(ctx, 15_000, async () => (await findTeams(ctx)).length > 0));
    }
    const count = report.moved.length + report.deleted.length;
    const sentences = [say(running || input.restart === false ? t.cleared : t.clearedStartYourself, ctx.lang, { count })];
    if (report.refused.length > 0) sentences.push(say(t.refused, ctx.lang));
    if (report.failed.length > 0) sentences.push(say(t.inUse, ctx.lang));
    const problem =
      report.refused.length > 0
        ? ('cache-outside-profile' as const)
        : report.failed.length > 0
          ? ('cache-in-use' as const)
          : running || input.restart === false
            ? ('none' as const)
            : ('teams-did-not-restart' as const);
    return {
      // Not restarting is left to the next step (start Teams, then check it runs); the clean-up itself succeeded.
      ok: problem === 'none' || problem === 'teams-did-not-restart',
      finding: sentences.join(' '),
      quit: quit.outcome,
      stillRunning: false,
      problem,
      ...report,
      pruned,
      running,
    };
  },
});

export const teamsStartAction = defineAction({
  name: 'teams.start',
  input: () => z.object({ client: clientSchema.optional() }).strict(),
  result: () => z.object({ ok: z.boolean(), finding: z.string(), running: z.boolean() }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: true,
  describe: (_input, lang) => say(t.describeStart, lang),
  async run(input, ctx) {
    if ((await findTeams(ctx)).length > 0) return { ok: true, finding: say(t.started, ctx.lang), running: true };
    const s = await status(ctx);
    const client = input.client ?? s.clients[0] ?? (ctx.platform === 'linux' ? 'community' : 'new');
    const started = await startTeams(ctx, client, []);
    const running = started.started && (await waitFor(ctx, 15_000, async () => (await findTeams(ctx)).length > 0));
    return { ok: running, finding: say(running ? t.started : t.notStarted, ctx.lang), running };
  },
});

export const teamsActions = [teamsStatusAction, teamsClearCacheAction, teamsStartAction];
