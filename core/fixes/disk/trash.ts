/**
 * The recycle bin / trash, per OS. Linux: the freedesktop.org trash folder in the profile, read and
 * emptied with file operations under the same confinement as the other places. Windows: fixed
 * PowerShell text (no value is spliced in) over the Shell's Recycle Bin folder and
 * `Clear-RecycleBin`, which on an empty bin fails, so it runs only when there is something in it.
 * macOS: ~/.Trash cannot be read without Full Disk Access, so Finder counts and empties it
 * (the first time macOS asks the employee to let Firstline control Finder).
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ActionContext } from '../../engine/action.ts';
import type { Platform } from '../../kernel/platform.ts';
import { briefError, runArgv, succeeded } from '../shared/exec.ts';
import { checkBase, confined, sizeOf } from '../teams/cache.ts';
import { profileRoots, type CacheLocation, type ProfileEnv } from '../teams/paths.ts';

export type Argv = { file: string; args: string[] };
export type TrashState = { available: boolean; items: number; bytes?: number | undefined; error?: string | undefined };

const powershell = (script: string): Argv => ({ file: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', script] });
const osascript = (line: string): Argv => ({ file: 'osascript', args: ['-e', line] });

export const trashCommands = {
  win32: {
    // Size is the Shell's per-item size: files count fully, a deleted folder counts 0 (the free-space re-check is what verifies).
    read: powershell(
      '$b = (New-Object -ComObject Shell.Application).NameSpace(10); $n = 0; [int64]$s = 0; ' +
        'foreach ($i in @($b.Items())) { $n++; $s += [int64]$i.Size }; [pscustomobject]@{ items = $n; bytes = $s } | ConvertTo-Json -Compress',
    ),
    empty: powershell('Clear-RecycleBin -Force -ErrorAction Stop'),
  },
  darwin: {
    read: osascript('tell application "Finder" to count items of trash'),
    empty: osascript('tell application "Finder" to empty trash'),
  },
} as const;

/** `{"items":3,"bytes":1048576}` (a UTF-8 BOM may lead). */
export function parseRecycleBin(text: string): { items: number; bytes: number } | undefined {
  try {
    const value = JSON.parse(text.replace(/^\uFEFF/, '').trim()) as { items?: unknown; bytes?: unknown };
    return typeof value.items === 'number' && typeof value.bytes === 'number' ? { items: value.items, bytes: value.bytes } : undefined;
  } catch {
    return undefined;
  }
}

/** Finder prints the count as a bare number. */
export function parseFinderCount(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** The freedesktop.org trash of this user: $XDG_DATA_HOME/Trash when that is in the profile, else ~/.local/share/Trash. */
export function linuxTrash(env: ProfileEnv): CacheLocation | undefined {
  const home = profileRoots('linux', env)[0];
  if (!home) return undefined;
  const data =
    env.XDG_DATA_HOME && path.posix.isAbsolute(env.XDG_DATA_HOME) && !env.XDG_DATA_HOME.split('/').includes('..') ? path.posix.normalize(env.XDG_DATA_HOME) : path.posix.join(home, '.local', 'share');
  return { client: 'new', base: path.posix.join(data, 'Trash'), clear: ['files', 'info', 'expunged'], keep: [] };
}

async function linuxEntries(env: ProfileEnv): Promise<{ entries: string[]; refused: boolean }> {
  const loc = linuxTrash(env);
  if (!loc || loc.clear === '*') return { entries: [], refused: false };
  const roots = profileRoots('linux', env);
  const checked = await checkBase('linux', roots, loc);
  if (!checked) return { entries: [], refused: false };
  if ('refused' in checked) return { entries: [], refused: true };
  const entries: string[] = [];
  for (const rel of loc.clear) {
    const target = await confined('linux', checked.real, loc.base, rel);
    if (target && 'refused' in target) return { entries: [], refused: true };
    if (target) entries.push(target.path);
  }
  return { entries, refused: false };
}

export async function readTrash(ctx: ActionContext): Promise<TrashState> {
  switch (ctx.platform) {
    case 'linux': {
      const { entries, refused } = await linuxEntries(ctx.env);
      if (refused) return { available: false, items: 0, error: 'trash folder leads outside the profile' };
      const files = entries.find((e) => e.endsWith('/files'));
      const items = files ? (await readdir(files).catch(() => [] as string[])).length : 0;
      let bytes = 0;
      for (const entry of entries) bytes += await sizeOf(entry);
      return { available: true, items, bytes };
    }
    case 'win32': {
      const result = await runArgv(ctx, trashCommands.win32.read.file, trashCommands.win32.read.args, { timeoutMs: 20_000 });
      const parsed = succeeded(result) ? parseRecycleBin(result.stdout) : undefined;
      return parsed ? { available: true, ...parsed } : { available: false, items: 0, error: briefError(result) };
    }
    case 'darwin': {
      const result = await runArgv(ctx, trashCommands.darwin.read.file, trashCommands.darwin.read.args, { timeoutMs: 20_000 });
      const items = succeeded(result) ? parseFinderCount(result.stdout) : undefined;
      return items === undefined ? { available: false, items: 0, error: briefError(result) } : { available: true, items };
    }
  }
}

export async function emptyTrash(ctx: ActionContext, platform: Platform = ctx.platform): Promise<{ ok: boolean; error?: string }> {
  if (platform === 'linux') {
    const { entries, refused } = await linuxEntries(ctx.env);
    if (refused) return { ok: false, error: 'trash folder leads outside the profile' };
    try {
      for (const entry of entries) await rm(entry, { recursive: true, force: true });
      const loc = linuxTrash(ctx.env);
      // Desktops expect both folders to exist.
      if (loc) for (const name of ['files', 'info']) await mkdir(path.posix.join(loc.base, name), { recursive: true, mode: 0o700 });
      return { ok: true };
    } catch (error) {
      return { ok: false, error: (error as Error).message.slice(0, 200) };
    }
  }
  const command = platform === 'win32' ? trashCommands.win32.empty : trashCommands.darwin.empty;
  const result = await runArgv(ctx, command.file, command.args, { timeoutMs: 60_000 });
  return succeeded(result) ? { ok: true } : { ok: false, error: `${command.file}: ${briefError(result)}` };
}
