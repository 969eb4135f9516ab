/**
 * Moving Teams cache folders into a dated backup, confined to the real cache folders (#11): a base
 * that is a symlink, is not a folder, or whose real path is not exactly where Teams keeps it (a
 * symlinked parent such as `Containers` or `.config`) is refused whole; every entry is walked
 * segment by segment with lstat, so a symlinked `Partitions` or `Library` is refused too, and a
 * symlink entry is refused unless it points inside the base (then the link itself moves, never
 * its target). A `*` base that holds folders like Documents or Desktop is refused: it is not a
 * cache. Renames within one disk cost no space; across disks we copy only when the free space
 * allows it, else delete (the cache is rebuilt by Teams anyway).
 */
import { cp, lstat, mkdir, readdir, readlink, realpath, rename, rm, statfs } from 'node:fs/promises';
import nodePath from 'node:path';
import type { Platform } from '../../kernel/platform.ts';
import type { CacheLocation } from './paths.ts';

/**
 * The two file-system calls whose answer decides how an entry moves: `rename` (EXDEV when the
 * backup is on another disk) and `statfs` (room for a copy). Injectable so a test can make a
 * rename cross disks or a disk full without mounting anything; everything else is node:fs.
 */
export type MoveFs = { rename(from: string, to: string): Promise<void>; statfs(path: string): Promise<{ bavail: number; bsize: number }> };
const nodeMoveFs: MoveFs = { rename, statfs };

/** `failed`: entries that could not be moved (typically files still held open by a Teams helper process). */
export type ClearReport = { moved: string[]; deleted: string[]; kept: string[]; refused: string[]; failed: string[]; backupDir?: string | undefined };

const pathFor = (platform: Platform) => (platform === 'win32' ? nodePath.win32 : nodePath.posix);

/** NTFS and APFS (by default) ignore case; a real path may differ from the expected one only in case there. */
const samePath = (platform: Platform, a: string, b: string) => (platform === 'linux' ? a === b : a.toLowerCase() === b.toLowerCase());

/** Strictly inside: `candidate` is below `root`, never `root` itself. */
function strictlyInside(p: typeof nodePath.posix, root: string, candidate: string): boolean {
  const rel = p.relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !p.isAbsolute(rel);
}

async function exists(target: string): Promise<boolean> {
  return lstat(target).then(
    () => true,
    () => false,
  );
}

/**
 * Folders that only a person keeps (any case): a `*` base holding one of them is somebody's
 * profile or documents, not a cache, whatever its name says.
 */
export const userFolderNames = [
  'documents',
  'my documents',
  'desktop',
  'downloads',
  'pictures',
  'my pictures',
  'music',
  'my music',
  'videos',
  'my videos',
  'movies',
  'onedrive',
  'dropbox',
  'google drive',
  'icloud drive',
  'public',
  'favorites',
  'contacts',
  'applications',
  'library',
  'appdata',
  '.ssh',
  '.gnupg',
  '.config',
  '.local',
  'documenten',
  'bureaublad',
  'afbeeldingen',
  'muziek',
  "video's",
  'bureau',
  'téléchargements',
  'dokumente',
  'bilder',
  'schreibtisch',
];

export type BaseCheck = { real: string } | { refused: string } | undefined;

/**
 * A base is used only when it is a real folder (not a symlink, not a file) whose real path is
 * exactly its expected place: the real path of the profile root it was built from, plus the same
 * relative path. `undefined` when it does not exist (nothing to clear).
 */
export async function checkBase(platform: Platform, roots: readonly string[], location: CacheLocation): Promise<BaseCheck> {
  const p = pathFor(platform);
  const base = location.base;
  const stat = await lstat(base).catch(() => undefined);
  if (!stat) return undefined;
  if (stat.isSymbolicLink() || !stat.isDirectory()) return { refused: base };
  const root = roots.filter((r) => strictlyInside(p, r, base)).sort((a, b) => b.length - a.length)[0];
  const rootReal = root === undefined ? undefined : await realpath(root).catch(() => undefined);
  const real = await realpath(base).catch(() => undefined);
  if (root === undefined || !rootReal || !real || !samePath(platform, real, p.join(rootReal, p.relative(root, base)))) return { refused: base };
  if (location.clear === '*') {
    const names = await readdir(real).catch(() => undefined);
    if (!names || names.some((n) => userFolderNames.includes(n.toLowerCase()))) return { refused: base };
  }
  return { real };
}

/**
 * Resolves `relative` under the real base without following any symlink on the way: every
 * intermediate segment must be a real folder; the entry itself may be a symlink only when it
 * points inside the base (the link itself is then what moves). `undefined`: nothing there.
 */
export async function confined(platform: Platform, realBase: string, base: string, relative: string): Promise<{ path: string } | { refused: string } | undefined> {
  const p = pathFor(platform);
  const segments = relative.split(/[\\/]/);
  const shown = p.join(base, relative);
  if (p.isAbsolute(relative) || segments.some((s) => s === '' || s === '.' || s === '..')) return { refused: shown };
  let current = realBase;
  for (const [i, segment] of segments.entries()) {
    current = p.join(current, segment);
    const stat = await lstat(current).catch(() => undefined);
    if (!stat) return undefined;
    const last = i === segments.length - 1;
    if (stat.isSymbolicLink()) {
      if (!last) return { refused: shown };
      const lexical = p.resolve(p.dirname(current), await readlink(current).catch(() => ''));
      const target = await realpath(current).catch(() => undefined);
      if (!strictlyInside(p, realBase, lexical) || (target !== undefined && !strictlyInside(p, realBase, target))) return { refused: shown };
    } else if (!last && !stat.isDirectory()) return undefined;
  }
  return strictlyInside(p, realBase, current) ? { path: current } : { refused: shown };
}

export async function sizeOf(target: string, budget = { entries: 20_000 }): Promise<number> {
  const stat = await lstat(target).catch(() => undefined);
  if (!stat || budget.entries-- <= 0) return 0;
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const name of await readdir(target).catch(() => [] as string[])) total += await sizeOf(nodePath.join(target, name), budget);
  return total;
}

async function move(fs: MoveFs, from: string, to: string): Promise<'moved' | 'deleted'> {
  await mkdir(nodePath.dirname(to), { recursive: true });
  try {
    await fs.rename(from, to);
    return 'moved';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
  }
  const free = await fs.statfs(nodePath.dirname(to)).then(
    (s) => s.bavail * s.bsize,
    () => 0,
  );
  if ((await sizeOf(from)) < free * 0.5) {
    await cp(from, to, { recursive: true, verbatimSymlinks: true });
    await rm(from, { recursive: true, force: true });
    return 'moved';
  }
  await rm(from, { recursive: true, force: true });
  return 'deleted';
}

const isKept = (keep: readonly string[], rel: string) => keep.some((k) => rel === k || rel.startsWith(`${k}/`) || k.startsWith(`${rel}/`));

export async function clearLocations(platform: Platform, roots: readonly string[], locations: readonly CacheLocation[], backupDir: string, fs: MoveFs = nodeMoveFs): Promise<ClearReport> {
  const p = pathFor(platform);
  const report: ClearReport = { moved: [], deleted: [], kept: [], refused: [], failed: [] };
  for (const [index, location] of locations.entries()) {
    const checked = await checkBase(platform, roots, location);
    if (!checked) continue;
    if ('refused' in checked) {
      report.refused.push(checked.refused);
      continue;
    }
    const entries = location.clear === '*' ? await readdir(checked.real) : location.clear;
    for (const rel of entries) {
      if (isKept(location.keep, rel)) continue;
      const target = await confined(platform, checked.real, location.base, rel);
      if (!target) continue;
      if ('refused' in target) {
        report.refused.push(target.refused);
        continue;
      }
      const shown = p.join(location.base, rel);
      const dest = p.join(backupDir, `${index}-${location.client}-${p.basename(location.base)}`, rel);
      try {
        const how = await move(fs, target.path, dest);
        (how === 'moved' ? report.moved : report.deleted).push(shown);
        if (how === 'moved') report.backupDir = backupDir;
      } catch {
        // In use (Windows locks files of running WebView2 helpers) or no room: leave it, report it.
        report.failed.push(shown);
      }
    }
    for (const rel of location.keep) if (await exists(p.join(location.base, rel))) report.kept.push(p.join(location.base, rel));
  }
  return report;
}

/** Cache entries currently present (what a clean-up would move); a base the clearing would refuse counts nothing. */
export async function countCacheEntries(platform: Platform, locations: readonly CacheLocation[], roots: readonly string[]): Promise<{ entries: number; bases: string[] }> {
  let entries = 0;
  const bases: string[] = [];
  for (const location of locations) {
    const checked = await checkBase(platform, roots, location);
    if (!checked || 'refused' in checked) continue;
    bases.push(location.base);
    const names = location.clear === '*' ? await readdir(checked.real).catch(() => [] as string[]) : location.clear;
    for (const rel of names) {
      if (isKept(location.keep, rel)) continue;
      const target = await confined(platform, checked.real, location.base, rel);
      if (target && 'path' in target) entries++;
    }
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
  return now
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/:/g, '-');
}
