/** The disk-space actions: status (read-only), clean (temp files and caches of closed apps) and empty the trash. */
import { readdir } from 'node:fs/promises';
import { z } from 'zod';
import { defineAction, type ActionContext } from '../../engine/action.ts';
import { runArgv } from '../shared/exec.ts';
import { say } from '../shared/text.ts';
import { findCommand, parseTasklist } from '../teams/process.ts';
import { clearPlaces, measurePlaces, type AppState } from './clean.ts';
import { cleanupPlaces, cleanupRoots, firefoxProfilesDir, placeIds, volumeOf, type Place } from './places.ts';
import { isLow, readSpace, type Space } from './space.ts';
import { emptyTrash, readTrash } from './trash.ts';
import { diskTexts as t, formatBytes, placeNames } from './texts.ts';

const placeSize = z.object({ id: z.enum(placeIds), bytes: z.number() });

async function places(ctx: ActionContext): Promise<Place[]> {
  const firefox = firefoxProfilesDir(ctx.platform, ctx.env);
  const profiles = firefox ? await readdir(firefox.dir).catch(() => [] as string[]) : [];
  return cleanupPlaces(ctx.platform, ctx.env, profiles);
}

/** Is one of these apps open for this user? Unknown (no user, no tool) counts as open: its cache is then left alone. */
export async function appState(ctx: ActionContext, names: readonly string[]): Promise<AppState> {
  for (const name of names) {
    const command = findCommand(ctx, name);
    if (!command) return 'unknown';
    const result = await runArgv(ctx, command.file, command.args, { timeoutMs: 5000, locale: ctx.platform === 'win32' ? 'keep' : 'c' });
    if (result.notFound || result.timedOut) return 'unknown';
    if (ctx.platform === 'win32') {
      if (parseTasklist(result.stdout).some((row) => row.name.toLowerCase() === name.toLowerCase())) return 'running';
    } else if (result.exitCode === 0 && result.stdout.trim() !== '') return 'running';
    else if (result.exitCode !== 1) return 'unknown'; // pgrep: 1 = no match, anything else = could not look
  }
  return 'closed';
}

const sizes = (space: Space, lang: ActionContext['lang']) => ({ free: formatBytes(space.freeBytes, lang), total: formatBytes(space.totalBytes, lang), percent: String(space.freePercent) });

export const diskStatusAction = defineAction({
  name: 'disk.status',
  input: () =>
    z
      .object({
        minFreeGB: z.number().min(0).max(1000).default(5),
        minFreePercent: z.number().min(0).max(100).default(10),
      })
      .strict(),
  result: () =>
    z.object({
      ok: z.boolean(),
      finding: z.string(),
      problem: z.enum(['none', 'low-space', 'unreadable']),
      low: z.boolean(),
      freeBytes: z.number(),
      totalBytes: z.number(),
      freePercent: z.number(),
      /** What clearing would free per kind of place, largest first. */
      places: z.array(placeSize),
      /** `unknown` when the OS would not say (macOS without permission to ask Finder). */
      trash: z.enum(['empty', 'has-items', 'unknown']),
      trashItems: z.number().int(),
    }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: false,
  describe: (_input, lang) => say(t.describeStatus, lang),
  async run(input, ctx) {
    const volume = volumeOf(ctx.platform, ctx.env);
    const space = volume ? await readSpace(volume) : undefined;
    const trash = await readTrash(ctx).catch(() => ({ available: false, items: 0 }));
    const trashState = !trash.available ? ('unknown' as const) : trash.items > 0 ? ('has-items' as const) : ('empty' as const);
    if (!space)
      return {
        ok: false,
        finding: say(t.unreadable, ctx.lang),
        problem: 'unreadable' as const,
        low: false,
        freeBytes: 0,
        totalBytes: 0,
        freePercent: 0,
        places: [],
        trash: trashState,
        trashItems: trash.items,
      };
    const low = isLow(space, input.minFreeGB ?? 5, input.minFreePercent ?? 10);
    const measured = (await measurePlaces(ctx.platform, cleanupRoots(ctx.platform, ctx.env), await places(ctx), ctx.now())).filter((p) => p.bytes > 0);
    const sentences = [say(low ? t.low : t.enough, ctx.lang, sizes(space, ctx.lang))];
    if (low && measured.length > 0) sentences.push(say(t.canClear, ctx.lang, { places: measured.map((p) => `${placeNames[p.id][ctx.lang]} ${formatBytes(p.bytes, ctx.lang)}`).join(', ') }));
    if (low && trash.items > 0) sentences.push(say(t.trashItems, ctx.lang, { count: trash.items }));
    return {
      ok: !low,
      finding: sentences.join(' '),
      problem: low ? ('low-space' as const) : ('none' as const),
      low,
      ...space,
      places: measured,
      trash: trashState,
      trashItems: trash.items,
    };
  },
});

export const diskCleanAction = defineAction({
  name: 'disk.clean',
  input: () => z.object({}).strict(),
  result: () =>
    z.object({
      ok: z.boolean(),
      finding: z.string(),
      problem: z.enum(['none', 'nothing-to-clear', 'unreadable', 'outside-profile']),
      /** Free space after minus before, as the file system reports it (what the employee gains). */
      freedBytes: z.number(),
      cleared: z.array(placeSize),
      /** Places left alone because their app was open. */
      skipped: z.array(z.enum(placeIds)),
      refused: z.array(z.string()),
      failed: z.array(z.string()),
    }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: true,
  describe: (_input, lang) => say(t.describeClean, lang),
  async run(_input, ctx) {
    const volume = volumeOf(ctx.platform, ctx.env);
    const before = volume ? await readSpace(volume) : undefined;
    const roots = cleanupRoots(ctx.platform, ctx.env);
    if (!before || roots.length === 0) return { ok: false, finding: say(t.unreadable, ctx.lang), problem: 'unreadable' as const, freedBytes: 0, cleared: [], skipped: [], refused: [], failed: [] };
    const report = await clearPlaces(ctx.platform, roots, await places(ctx), ctx.now(), (names) => appState(ctx, names));
    const after = (await readSpace(volume as string)) ?? before;
    const freedBytes = Math.max(0, after.freeBytes - before.freeBytes);
    const clearedBytes = report.cleared.reduce((sum, c) => sum + c.bytes, 0);
    const sentences = [
      clearedBytes > 0
        ? say(t.cleaned, ctx.lang, { cleared: formatBytes(clearedBytes, ctx.lang), before: formatBytes(before.freeBytes, ctx.lang), after: formatBytes(after.freeBytes, ctx.lang) })
        : say(t.nothingCleared, ctx.lang),
    ];
    if (report.skipped.length > 0) sentences.push(say(t.appsOpen, ctx.lang, { apps: report.skipped.map((id) => placeNames[id][ctx.lang]).join(', ') }));
    if (report.refused.length > 0) sentences.push(say(t.refused, ctx.lang));
    if (report.failed.length > 0) sentences.push(say(t.inUse, ctx.lang));
    const problem = report.refused.length > 0 ? ('outside-profile' as const) : clearedBytes > 0 ? ('none' as const) : ('nothing-to-clear' as const);
    // The re-check of free space is what verifies; this says only whether the clean-up itself did its part.
    return { ok: problem === 'none', finding: sentences.join(' '), problem, freedBytes, ...report };
  },
});

export const diskEmptyTrashAction = defineAction({
  name: 'disk.empty-trash',
  input: () => z.object({}).strict(),
  result: () => z.object({ ok: z.boolean(), finding: z.string(), freedBytes: z.number(), error: z.string().optional() }),
  platforms: ['win32', 'darwin', 'linux'],
  changesMachine: true,
  describe: (_input, lang) => say(t.describeTrash, lang),
  async run(_input, ctx) {
    const volume = volumeOf(ctx.platform, ctx.env);
    const before = volume ? await readSpace(volume) : undefined;
    const state = await readTrash(ctx);
    if (state.available && state.items === 0 && ctx.platform !== 'linux') return { ok: true, finding: say(t.trashAlreadyEmpty, ctx.lang), freedBytes: 0 };
    const emptied = await emptyTrash(ctx);
    if (!emptied.ok) return { ok: false, finding: say(t.trashFailed, ctx.lang, { reason: emptied.error ?? '' }), freedBytes: 0, ...(emptied.error ? { error: emptied.error } : {}) };
    const after = volume ? await readSpace(volume) : undefined;
    const freedBytes = before && after ? Math.max(0, after.freeBytes - before.freeBytes) : 0;
    const finding =
      before && after ? say(t.trashEmptied, ctx.lang, { before: formatBytes(before.freeBytes, ctx.lang), after: formatBytes(after.freeBytes, ctx.lang) }) : say(t.trashEmptiedPlain, ctx.lang);
    return { ok: true, finding, freedBytes };
  },
});

export const diskActions = [diskStatusAction, diskCleanAction, diskEmptyTrashAction];
