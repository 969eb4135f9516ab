/**
 * Moving Teams cache folders into a dated backup, confined to the profile roots: a location or
 * entry whose real path (after following symlinks) leaves every root is refused, and so is any
 * relative entry with "..". Renames within one disk cost no space; across disks we copy only
 * when the free space allows it, else delete (the cache is rebuilt by Teams anyway).
 */
import { cp, lstat, mkdir, readdir, realpath, rename, rm, statfs } from 'node:fs/promises';
import nodePath from 'node:path';
import type { Platform } from '../../engine/action.ts';
import type { CacheLocation } from './paths.ts';

/** `failed`: entries that could not be moved (typically files still held open by a Teams helper process). */
export type ClearReport = { moved: string[]; deleted: string[]; kept: string[]; refused: string[]; failed: string[]; backupDir?: string | undefined };

const pathFor = (platform: Platform) => (platform === 'win32' ? nodePath.win32 : nodePath.posix);

function inside(p: typeof nodePath.posix, root: string, candidate: string): boolean {
  const rel = p.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !p.isAbsolute(rel));
}

async function exists(target: string): Promise<boolean> {
  return lstat(target).then(() => true, () => false);
}

/** Real paths of the roots (a root that does not exist confines nothing). */
export async function realRoots(roots: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const root of roots) {
    const real = await realpath(root).catch(() => undefined);
    if (real) out.push(real);
  }
  return out;
}

/**
 * Resolves `relative` under `base` and proves it stays inside a root: no "..", the parent's real
 * path inside a root, and a symlink entry only when its target is inside too.
 */
export async function confined(platform: Platform, roots: readonly string[], base: string, relative: string): Promise<{ path: string } | { refused: string } | undefined> {
  const p = pathFor(platform);
  if (relative.split(/[\\/]/).includes('..') || p.isAbsolute(relative)) return { refused: relative };
  const candidate = p.join(base, relative);
  if (!(await exists(candidate))) return undefined;
  const parent = await realpath(p.dirname(candidate)).catch(() => undefined);
  if (!parent || !roots.some((r) => inside(p, r, parent))) return { refused: candidate };
  const stat = await lstat(candidate);
  if (stat.isSymbolicLink()) {
    const target = await realpath(candidate).catch(() => undefined);
    if (!target || !roots.some((r) => inside(p, r, target))) return { refused: candidate };
  }
  return { path: candidate };
}

async function sizeOf(target: string, budget = { entries: 20_000 }): Promise<number> {
  const stat = await lstat(target).catch(() => undefined);
  if (!stat || budget.entries-- <= 0) return 0;
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const name of await readdir(target).catch(() => [] as string[])) total += await sizeOf(nodePath.join(target, name), budget);
  return total;
}

async function move(from: string, to: string): Promise<'moved' | 'deleted'> {
  await mkdir(nodePath.dirname(to), { recursive: true });
  try {
    await rename(from, to);
    return 'moved';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
  }
  const free = await statfs(nodePath.dirname(to)).then((s) => s.bavail * s.bsize, () => 0);
  if ((await sizeOf(from)) < free * 0.5) {
    await cp(from, to, { recursive: true, verbatimSymlinks: true });
    await rm(from, { recursive: true, force: true });
    return 'moved';
  }
  await rm(from, { recursive: true, force: true });
  return 'deleted';
}

const isKept = (keep: readonly string[], rel: string) => keep.some((k) => rel === k || rel.startsWith(`${k}/`) || k.startsWith(`${rel}/`));

export async function clearLocations(platform: Platform, roots: readonly string[], locations: readonly CacheLocation[], backupDir: string): Promise<ClearReport> {
  const p = pathFor(platform);
  const report: ClearReport = { moved: [], deleted: [], kept: [], refused: [], failed: [] };
  const real = await realRoots(roots);
  for (const [index, location] of locations.entries()) {
    if (!(await exists(location.base))) continue;
    const baseReal = await realpath(location.base).catch(() => undefined);
    if (!baseReal || !real.some((r) => inside(p, r, baseReal))) {
      report.refused.push(location.base);
      continue;
    }
    const entries = location.clear === '*' ? await readdir(location.base) : location.clear;
    for (const rel of entries) {
      if (isKept(location.keep, rel)) continue;
      const target = await confined(platform, real, location.base, rel);
      if (!target) continue;
      if ('refused' in target) {
        report.refused.push(target.refused);
        continue;
      }
      const dest = p.join(backupDir, `${index}-${location.client}-${p.basename(location.base)}`, rel);
      try {
        const how = await move(target.path, dest);
        (how === 'moved' ? report.moved : report.deleted).push(target.path);
        if (how === 'moved') report.backupDir = backupDir;
      } catch {
        // In use (Windows locks files of running WebView2 helpers) or no room: leave it, report it.
        report.failed.push(target.path);
      }
    }
    for (const rel of location.keep) if (await exists(p.join(location.base, rel))) report.kept.push(p.join(location.base, rel));
  }
  return report;
}

/** Cache entries currently present (what a clean-up would move). */
export async function countCacheEntries(platform: Platform, locations: readonly CacheLocation[]): Promise<{ entries: number; bases: string[] }> {
  const p = pathFor(platform);
  let entries = 0;
  const bases: string[] = [];
  for (const location of locations) {
    if (!(await exists(location.base))) continue;
    bases.push(location.base);
    const names = location.clear === '*' ? await readdir(location.base).catch(() => [] as string[]) : location.clear;
    for (const rel of names) if (!isKept(location.keep, rel) && (await exists(p.join(location.base, rel)))) entries++;
  }
  return { entries, bases };
}

/** Keeps the newest `keep` dated backups and removes the rest. */
export async function pruneBackups(root: string, keep: number): Promise<number> {
  const names = (await readdir(root).catch(() => [] as string[])).filter((n) => /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}/.test(n)).sort();
  const old = names.slice(0, Math.max(0, names.length - keep));
  for (const name of old) await rm(nodePath.join(root, name), { recursive: true, force: true });
  return old.length;
}

export function stamp(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, '').replace(/:/g, '-');
}
