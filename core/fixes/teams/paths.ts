/**
 * Where Teams keeps its cache, per OS and client, resolved only from the profile roots in
 * `ctx.env` (HOME, USERPROFILE, LOCALAPPDATA, APPDATA). Pure path arithmetic — Windows paths are
 * computed with path.win32 so they are testable here; the file-system checks live in confine.ts.
 */
import path from 'node:path';
import type { Platform } from '../../kernel/platform.ts';

export type TeamsClient = 'new' | 'classic' | 'community';

export type CacheLocation = {
  client: TeamsClient;
  /** Absolute folder holding the cache entries. */
  base: string;
  /** Entries (relative to base) that are cache and may be moved away; `*` = every entry not kept. */
  clear: readonly string[] | '*';
  /** Entries that are never touched: custom backgrounds and settings. */
  keep: readonly string[];
};

/** Chromium/Electron/WebView2 cache folders; everything else (settings, backgrounds) stays. */
const chromiumCaches = [
  'Application Cache',
  'blob_storage',
  'Cache',
  'Code Cache',
  'databases',
  'DawnCache',
  'GPUCache',
  'IndexedDB',
  'Local Storage',
  'Service Worker',
  'Session Storage',
  'WebStorage',
  'tmp',
];
const keepCommon = ['Backgrounds', 'app_settings.json', 'desktop-config.json', 'settings.json', 'storage.json', 'config.json', 'Preferences'];

export type ProfileEnv = Readonly<Record<string, string | undefined>>;

/** The profile roots this user owns; a value containing ".." is refused rather than normalized. */
export function profileRoots(platform: Platform, env: ProfileEnv): string[] {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const keys = platform === 'win32' ? ['USERPROFILE', 'LOCALAPPDATA', 'APPDATA'] : ['HOME'];
  const roots: string[] = [];
  for (const key of keys) {
    const value = env[key];
    if (!value || !p.isAbsolute(value) || value.split(/[\\/]/).includes('..')) continue;
    roots.push(p.normalize(value));
  }
  return roots;
}

export function teamsLocations(platform: Platform, env: ProfileEnv): CacheLocation[] {
  const roots = profileRoots(platform, env);
  const has = (key: string) => {
    const value = env[key];
    return value !== undefined && roots.includes((platform === 'win32' ? path.win32 : path.posix).normalize(value));
  };
  if (platform === 'win32') {
    const j = path.win32.join;
    const out: CacheLocation[] = [];
    if (has('LOCALAPPDATA')) {
      out.push({
        client: 'new',
        base: j(env.LOCALAPPDATA as string, 'Packages', 'MSTeams_8wekyb3d8bbwe', 'LocalCache', 'Microsoft', 'MSTeams'),
        clear: [...chromiumCaches, 'EBWebView', 'Logs'],
        keep: keepCommon,
      });
    }
    if (has('APPDATA')) out.push({ client: 'classic', base: j(env.APPDATA as string, 'Microsoft', 'Teams'), clear: chromiumCaches, keep: keepCommon });
    return out;
  }
  if (!has('HOME')) return [];
  const home = env.HOME as string;
  const j = path.posix.join;
  if (platform === 'darwin') {
    return [
      {
        client: 'new',
        base: j(home, 'Library', 'Containers', 'com.microsoft.teams2', 'Data', 'Library', 'Application Support', 'Microsoft', 'MSTeams'),
        clear: [...chromiumCaches, 'EBWebView', 'Logs'],
        keep: keepCommon,
      },
      { client: 'new', base: j(home, 'Library', 'Containers', 'com.microsoft.teams2', 'Data', 'Library', 'Caches'), clear: '*', keep: [] },
      { client: 'new', base: j(home, 'Library', 'Group Containers', 'UBF8T346G9.com.microsoft.teams'), clear: ['Library/Caches', 'Library/Application Support/Logs'], keep: keepCommon },
      { client: 'classic', base: j(home, 'Library', 'Application Support', 'Microsoft', 'Teams'), clear: chromiumCaches, keep: keepCommon },
      { client: 'classic', base: j(home, 'Library', 'Caches', 'com.microsoft.teams'), clear: '*', keep: [] },
    ];
  }
  // Linux: Microsoft's native client ended in 2022; the community client is an Electron app whose
  // web session lives in a partition.
  const base = j(home, '.config', 'teams-for-linux');
  const partition = (name: string) => `Partitions/teams-4-linux/${name}`;
  return [{ client: 'community', base, clear: [...chromiumCaches, ...chromiumCaches.map(partition)], keep: [...keepCommon, 'Partitions/teams-4-linux/Preferences'] }];
}

/** Where moved cache folders go: a dated folder under the user's own cache directory. */
export function backupRoot(platform: Platform, env: ProfileEnv): string | undefined {
  const roots = profileRoots(platform, env);
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA;
    return local && roots.includes(path.win32.normalize(local)) ? path.win32.join(local, 'Firstline', 'teams-cache-backup') : undefined;
  }
  const home = env.HOME;
  if (!home || !roots.includes(path.posix.normalize(home))) return undefined;
  return platform === 'darwin' ? path.posix.join(home, 'Library', 'Caches', 'Firstline', 'teams-cache-backup') : path.posix.join(home, '.cache', 'firstline', 'teams-cache-backup');
}

export type ProcessSpec = { client: TeamsClient; name: string };

/** Process names per OS: new Teams `ms-teams`, classic `Teams`, macOS app executables, the Linux community client. */
export function teamsProcesses(platform: Platform): ProcessSpec[] {
  switch (platform) {
    case 'win32':
      return [
        { client: 'new', name: 'ms-teams.exe' },
        { client: 'classic', name: 'Teams.exe' },
      ];
    case 'darwin':
      // pgrep -x matches the executable name: classic Teams runs Contents/MacOS/Teams (recorded with
      // codesign and ps); "Microsoft Teams" is kept for builds that named it after the app.
      return [
        { client: 'new', name: 'MSTeams' },
        { client: 'classic', name: 'Teams' },
        { client: 'classic', name: 'Microsoft Teams' },
      ];
    case 'linux':
      return [{ client: 'community', name: 'teams-for-linux' }];
  }
}
