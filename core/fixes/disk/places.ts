/**
 * Where disk space can be won back without touching anything a person made, per OS: the user's
 * temporary folder (only entries older than a day), the pure caches of browsers and Teams (only
 * while the app is closed), and Firstline's own Teams cache backups. Pure path arithmetic from the
 * profile roots in `ctx.env`, like teams/paths.ts; the file-system confinement is the Teams fix's
 * own (teams/cache.ts `checkBase` / `confined`), so the same folders are refused for the same
 * reasons. Documents, Desktop, Downloads… are never a place: a `*` place holding such a folder is
 * refused whole.
 */
import path from 'node:path';
import type { Platform } from '../../kernel/platform.ts';
import { backupRoot, profileRoots, teamsLocations, teamsProcesses, type CacheLocation, type ProfileEnv } from '../teams/paths.ts';

export const placeIds = ['temp', 'browser-cache', 'teams-cache', 'teams-backups'] as const;
export type PlaceId = (typeof placeIds)[number];

export type Place = {
  id: PlaceId;
  location: CacheLocation;
  /** Process names of the app that owns this cache: the place is skipped while one runs for this user. */
  app: readonly string[];
  /** Only entries not modified for this long are cleared (a running program's temp files are recent). */
  minAgeMs: number;
};

const day = 24 * 60 * 60 * 1000;

/** The HTTP and shader caches of a Chromium or Electron profile: rebuilt on the next start, no sign-in or data in them. */
const chromiumPure = ['Cache', 'Code Cache', 'GPUCache', 'DawnCache', 'DawnGraphiteCache', 'GrShaderCache'];
/** Of the Teams fix's folders, only those without sign-in state or local data (IndexedDB and Local Storage stay: the Teams fix moves those to a backup, a disk clean-up would delete them). */
const teamsPure = new Set(['Cache', 'Code Cache', 'GPUCache', 'DawnCache', 'tmp', 'Logs', 'Library/Caches', 'Library/Application Support/Logs']);

const location = (client: CacheLocation['client'], base: string, clear: readonly string[] | '*'): CacheLocation => ({ client, base, clear, keep: [] });

/** Every root a place may be under: the profile roots, plus the per-user temporary folder's parent on macOS (/var/folders/xx/yyyy/). */
export function cleanupRoots(platform: Platform, env: ProfileEnv): string[] {
  const roots = profileRoots(platform, env);
  const tmp = macUserTemp(platform, env);
  return tmp ? [...roots, path.posix.dirname(tmp)] : roots;
}

/** macOS gives every user a private TMPDIR under /var/folders; anything else (a shared /tmp) is not ours to clear. */
function macUserTemp(platform: Platform, env: ProfileEnv): string | undefined {
  const value = env.TMPDIR;
  if (platform !== 'darwin' || !value) return undefined;
  const normal = path.posix.normalize(value).replace(/\/$/, '');
  return /^\/(private\/)?var\/folders\/[^/]+\/[^/]+\/T$/.test(normal) && !normal.split('/').includes('..') ? normal : undefined;
}

function windowsTemp(env: ProfileEnv): string | undefined {
  const w = path.win32;
  const roots = profileRoots('win32', env);
  const temp = env.TEMP ?? env.TMP;
  // %TEMP% only when it is inside the profile (a machine-wide C:\Windows\Temp is not the employee's).
  if (temp && w.isAbsolute(temp) && !temp.split(/[\\/]/).includes('..')) {
    const normal = w.normalize(temp);
    if (roots.some((r) => strictlyBelow(w, r, normal))) return normal;
  }
  const local = env.LOCALAPPDATA;
  return local && roots.includes(w.normalize(local)) ? w.join(local, 'Temp') : undefined;
}

function strictlyBelow(p: typeof path.posix, root: string, candidate: string): boolean {
  const rel = p.relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !p.isAbsolute(rel);
}

function browserLocations(platform: Platform, env: ProfileEnv): Array<{ base: string; app: string[] }> {
  const roots = profileRoots(platform, env);
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA;
    if (!local || !roots.includes(path.win32.normalize(local))) return [];
    const j = path.win32.join;
    return [
      { base: j(local, 'Google', 'Chrome', 'User Data', 'Default'), app: ['chrome.exe'] },
      { base: j(local, 'Microsoft', 'Edge', 'User Data', 'Default'), app: ['msedge.exe'] },
    ];
  }
  const home = env.HOME;
  if (!home || !roots.includes(path.posix.normalize(home))) return [];
  const j = path.posix.join;
  if (platform === 'darwin') {
    return [
      { base: j(home, 'Library', 'Caches', 'Google', 'Chrome', 'Default'), app: ['Google Chrome'] },
      { base: j(home, 'Library', 'Caches', 'Microsoft Edge', 'Default'), app: ['Microsoft Edge'] },
    ];
  }
  return [
    { base: j(home, '.cache', 'google-chrome', 'Default'), app: ['chrome'] },
    { base: j(home, '.cache', 'chromium', 'Default'), app: ['chromium', 'chromium-browse'] },
    { base: j(home, '.cache', 'microsoft-edge', 'Default'), app: ['msedge'] },
  ];
}

/** Firefox keeps its disk cache in `cache2` of each profile folder (names are random): the profiles folder is listed at run time. */
export function firefoxProfilesDir(platform: Platform, env: ProfileEnv): { dir: string; app: string[] } | undefined {
  const roots = profileRoots(platform, env);
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA;
    return local && roots.includes(path.win32.normalize(local)) ? { dir: path.win32.join(local, 'Mozilla', 'Firefox', 'Profiles'), app: ['firefox.exe'] } : undefined;
  }
  const home = env.HOME;
  if (!home || !roots.includes(path.posix.normalize(home))) return undefined;
  return platform === 'darwin'
    ? { dir: path.posix.join(home, 'Library', 'Caches', 'Firefox', 'Profiles'), app: ['firefox'] }
    : { dir: path.posix.join(home, '.cache', 'mozilla', 'firefox'), app: ['firefox', 'firefox-bin', 'firefox-esr'] };
}

/** The places, in the order they are cleared (least personal first); Firefox profiles are added by the caller once listed. */
export function cleanupPlaces(platform: Platform, env: ProfileEnv, firefoxProfiles: readonly string[] = []): Place[] {
  const places: Place[] = [];
  const temp = platform === 'win32' ? windowsTemp(env) : macUserTemp(platform, env);
  if (temp) places.push({ id: 'temp', location: location('new', temp, '*'), app: [], minAgeMs: day });
  for (const b of browserLocations(platform, env)) places.push({ id: 'browser-cache', location: location('new', b.base, chromiumPure), app: b.app, minAgeMs: 0 });
  const firefox = firefoxProfilesDir(platform, env);
  const p = platform === 'win32' ? path.win32 : path.posix;
  if (firefox)
    for (const name of firefoxProfiles) places.push({ id: 'browser-cache', location: location('new', p.join(firefox.dir, name), ['cache2', 'startupCache']), app: firefox.app, minAgeMs: 0 });
  const teamsApp = teamsProcesses(platform).map((s) => s.name);
  for (const t of teamsLocations(platform, env)) {
    const clear = t.clear === '*' ? '*' : t.clear.filter((rel) => teamsPure.has(rel) || teamsPure.has(rel.split('/').pop() ?? ''));
    if (clear === '*' || clear.length > 0) places.push({ id: 'teams-cache', location: { ...t, clear }, app: teamsApp, minAgeMs: 0 });
  }
  const backups = backupRoot(platform, env);
  if (backups) places.push({ id: 'teams-backups', location: location('new', backups, '*'), app: [], minAgeMs: 0 });
  return places;
}

/** The volume whose free space counts: the system drive on Windows, the data volume on macOS, the home folder's file system on Linux. */
export function volumeOf(platform: Platform, env: ProfileEnv): string | undefined {
  if (platform === 'win32') {
    const drive = env.SystemDrive ?? env.SYSTEMDRIVE ?? 'C:';
    return /^[A-Za-z]:$/.test(drive) ? `${drive}\\` : undefined;
  }
  const home = env.HOME;
  return home && path.posix.isAbsolute(home) && !home.split('/').includes('..') ? home : undefined;
}
