import { describe, expect, it } from 'vitest';
import { backupRoot, profileRoots, teamsLocations } from '../../../core/fixes/teams/paths.ts';
import { currentUser, findCommand, parseTasklist, quitCommands, startTeams } from '../../../core/fixes/teams/process.ts';
import { teamsStartAction } from '../../../core/fixes/teams/actions.ts';
import { fakeExec, makeContext } from './context.ts';

const windowsEnv = { USERPROFILE: 'C:\\Users\\jdupont', LOCALAPPDATA: 'C:\\Users\\jdupont\\AppData\\Local', APPDATA: 'C:\\Users\\jdupont\\AppData\\Roaming', HOME: '/ignored' };

describe('Teams cache locations', () => {
  it('resolves new and classic Teams on Windows from LOCALAPPDATA and APPDATA only', () => {
    const locations = teamsLocations('win32', windowsEnv);
    expect(locations.map((l) => [l.client, l.base])).toEqual([
      ['new', 'C:\\Users\\jdupont\\AppData\\Local\\Packages\\MSTeams_8wekyb3d8bbwe\\LocalCache\\Microsoft\\MSTeams'],
      ['classic', 'C:\\Users\\jdupont\\AppData\\Roaming\\Microsoft\\Teams'],
    ]);
    expect(locations.every((l) => l.keep.includes('Backgrounds') && l.clear !== '*' && !l.clear.includes('Backgrounds'))).toBe(true);
    expect(backupRoot('win32', windowsEnv)).toBe('C:\\Users\\jdupont\\AppData\\Local\\Firstline\\teams-cache-backup');
  });

  it('resolves the macOS containers under HOME', () => {
    const bases = teamsLocations('darwin', { HOME: '/Users/jdupont' }).map((l) => l.base);
    expect(bases).toContain('/Users/jdupont/Library/Group Containers/UBF8T346G9.com.microsoft.teams');
    expect(bases).toContain('/Users/jdupont/Library/Containers/com.microsoft.teams2/Data/Library/Caches');
    expect(bases).toContain('/Users/jdupont/Library/Application Support/Microsoft/Teams');
    expect(bases).toContain('/Users/jdupont/Library/Caches/com.microsoft.teams');
    expect(backupRoot('darwin', { HOME: '/Users/jdupont' })).toBe('/Users/jdupont/Library/Caches/Firstline/teams-cache-backup');
  });

  it('refuses profile roots that are relative or contain ".."', () => {
    expect(profileRoots('win32', { LOCALAPPDATA: 'C:\\Users\\x\\..\\..\\Windows', APPDATA: 'AppData', USERPROFILE: 'C:\\Users\\x' })).toEqual(['C:\\Users\\x']);
    expect(teamsLocations('win32', { LOCALAPPDATA: 'C:\\Users\\x\\..\\..\\Windows' })).toEqual([]);
    expect(teamsLocations('linux', { HOME: '/home/x/../../etc' })).toEqual([]);
    expect(teamsLocations('darwin', {})).toEqual([]);
    expect(backupRoot('linux', { HOME: 'relative/home' })).toBeUndefined();
  });
});

describe('Teams processes', () => {
  it('finds Teams per user with argv, never a shell; the user comes from the OS, not the environment', () => {
    expect(findCommand({ platform: 'linux' }, 'teams-for-linux', { uid: 1000, name: 'jdupont' })).toEqual({ file: 'pgrep', args: ['-u', '1000', '-x', 'teams-for-linux'] });
    expect(findCommand({ platform: 'darwin' }, 'Microsoft Teams', { uid: 501 })).toEqual({ file: 'pgrep', args: ['-u', '501', '-x', 'Microsoft Teams'] });
    // Root is a user like any other: scoped to uid 0, never to everyone.
    expect(findCommand({ platform: 'linux' }, 'teams-for-linux', { uid: 0 })?.args).toEqual(['-u', '0', '-x', 'teams-for-linux']);
    // No known user: no lookup at all (nothing found, nothing ended).
    expect(findCommand({ platform: 'linux' }, 'teams-for-linux', {})).toBeUndefined();
    expect(findCommand({ platform: 'win32' }, 'ms-teams.exe', {})).toBeUndefined();
    expect(findCommand({ platform: 'win32' }, 'ms-teams.exe', { name: 'jdupont' })?.args).toEqual(['/FI', 'IMAGENAME eq ms-teams.exe', '/FI', 'USERNAME eq jdupont', '/FO', 'CSV', '/NH']);
    expect(findCommand({ platform: 'win32' }, 'ms-teams.exe', { name: 'x" /FI "y' })).toBeUndefined();
    // Accented account names keep the user filter (an ASCII-only check used to drop it).
    expect(findCommand({ platform: 'win32' }, 'ms-teams.exe', { name: 'Frédéric' })?.args).toContain('USERNAME eq Frédéric');
  });

  it('takes the current user from the OS even when USER and LOGNAME say otherwise', () => {
    const saved = { USER: process.env.USER, LOGNAME: process.env.LOGNAME };
    process.env.USER = 'someone-else';
    delete process.env.LOGNAME;
    try {
      expect(currentUser().uid).toBe(process.getuid?.());
      expect(findCommand({ platform: 'linux' }, 'teams-for-linux')?.args).toEqual(['-u', String(process.getuid?.()), '-x', 'teams-for-linux']);
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  });

  it('parses tasklist CSV and its "no tasks" message', () => {
    const csv = '"ms-teams.exe","12345","Console","1","245,312 K"\r\n"ms-teams.exe","12402","Console","1","98,004 K"\r\n';
    expect(parseTasklist(csv)).toEqual([
      { name: 'ms-teams.exe', pid: 12345 },
      { name: 'ms-teams.exe', pid: 12402 },
    ]);
    expect(parseTasklist('INFO: No tasks are running which match the specified criteria.\r\n')).toEqual([]);
  });

  it('quits gracefully first and forcefully only when asked, per OS', () => {
    const procs = [
      { client: 'new' as const, name: 'ms-teams.exe', pid: 1 },
      { client: 'new' as const, name: 'ms-teams.exe', pid: 2 },
    ];
    // Only the processes found for this user, by PID: never every ms-teams.exe on the machine.
    expect(quitCommands({ platform: 'win32' }, procs, false)).toEqual([{ file: 'taskkill', args: ['/PID', '1', '/PID', '2'] }]);
    expect(quitCommands({ platform: 'win32' }, procs, true)).toEqual([{ file: 'taskkill', args: ['/F', '/PID', '1', '/PID', '2'] }]);
    const mac = [{ client: 'new' as const, name: 'MSTeams', pid: 501 }];
    expect(quitCommands({ platform: 'darwin' }, mac, false)).toEqual([{ file: 'osascript', args: ['-e', 'tell application id "com.microsoft.teams2" to quit'] }]);
    expect(quitCommands({ platform: 'darwin' }, mac, true)).toEqual([{ file: 'kill', args: ['-KILL', '501'] }]);
    expect(quitCommands({ platform: 'linux' }, [{ client: 'community', name: 'teams-for-linux', pid: 77 }], false)).toEqual([{ file: 'kill', args: ['-TERM', '77'] }]);
  });

  it('starts new Teams through its app id on Windows and by bundle id on macOS', async () => {
    const win = fakeExec({ 'explorer.exe': { exitCode: 1 } });
    expect(await startTeams(makeContext({ exec: win, platform: 'win32', env: windowsEnv }), 'new', [])).toEqual({ started: true });
    expect(win.lines()).toEqual(['explorer.exe shell:AppsFolder\\MSTeams_8wekyb3d8bbwe!MSTeams']);
    const classic = fakeExec({ 'C:\\Users\\jdupont\\AppData\\Local\\Microsoft\\Teams\\Update.exe': {} });
    await startTeams(makeContext({ exec: classic, platform: 'win32', env: windowsEnv }), 'classic', []);
    expect(classic.calls[0]?.args).toEqual(['--processStart', 'Teams.exe']);
    const mac = fakeExec({ open: {} });
    await startTeams(makeContext({ exec: mac, platform: 'darwin', env: { HOME: '/Users/x' } }), 'new', []);
    expect(mac.lines()).toEqual(['open -b com.microsoft.teams2']);
  });

  it('asks the employee to start Teams when the exec port cannot launch apps', async () => {
    const exec = fakeExec({ pgrep: { exitCode: 1 } });
    const result = await teamsStartAction.run({}, makeContext({ exec, platform: 'linux', env: { HOME: '/nonexistent', USER: 'x' }, lang: 'nl' }));
    expect(result).toEqual({ ok: false, running: false, finding: 'Teams kon niet worden gestart. Start het zelf.' });
  });
});

describe('Teams on a shared Windows machine', () => {
  it('acts on nothing when the signed-in user cannot be named safely', async () => {
    const { findTeams } = await import('../../../core/fixes/teams/process.ts');
    const calls: string[][] = [];
    const ctx = {
      platform: 'win32' as const,
      env: { USERNAME: 'jdupont' },
      exec: {
        exec: async (file: string, args: readonly string[]) => (
          calls.push([file, ...args]),
          { exitCode: 0, stdout: '"ms-teams.exe","7","Console","1","1 K"', stderr: '', timedOut: false, notFound: false, cancelled: false, durationMs: 1 }
        ),
      },
      signal: new AbortController().signal,
      timeoutMs: 5000,
      policy: {},
      catalogDir: '/',
      lang: 'en' as const,
      now: () => new Date(),
    };
    // The OS names the account (USERNAME in the environment is not trusted either way).
    await expect(findTeams(ctx, { name: 'evil" /FI "x' })).resolves.toEqual([]);
    await expect(findTeams(ctx, {})).resolves.toEqual([]);
    expect(calls).toEqual([]);
  });
});
