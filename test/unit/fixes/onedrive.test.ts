/**
 * OneDrive fix: the exact argv per OS through a fake exec, on recorded outputs (`tasklist` as
 * published, `reg query` modelled on its documented layout; see test/fixtures/fixes/README.md) and a
 * temporary home for the macOS account folders. There is no OneDrive client on Linux to run live.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExecPort } from '../../../core/engine/ports.ts';
import { oneDriveResetAction, oneDriveStartAction, oneDriveStatusAction } from '../../../core/fixes/onedrive/actions.ts';
import { parseAccounts } from '../../../core/fixes/onedrive/commands.ts';
import { fakeExec, makeContext, type Reply } from './context.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/fixes/${name}`, import.meta.url), 'utf8');
const env = { LOCALAPPDATA: 'C:\\Users\\jan\\AppData\\Local', ProgramFiles: 'C:\\Program Files' };
const perUser = 'C:\\Users\\jan\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe';
const perMachine = 'C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fake exec that can also launch (records what it started; `missing` files fail like ENOENT). */
function withLauncher(exec: ReturnType<typeof fakeExec>, missing: string[] = []): ExecPort & { launched: string[]; calls: ReturnType<typeof fakeExec>['calls']; lines(): string[] } {
  const launched: string[] = [];
  return Object.assign(exec, {
    launched,
    launch: async (file: string, args: readonly string[]) => {
      launched.push([file, ...args].join(' '));
      return missing.includes(file) ? { started: false, error: 'ENOENT' } : { started: true, pid: 4242 };
    },
  });
}

describe('OneDrive on Windows (argv)', () => {
  it('account names with an address, never the address; none at all is an empty list', () => {
    expect(parseAccounts(fixture('reg-query-onedrive-accounts.txt'))).toEqual(['Business1']);
    expect(parseAccounts(fixture('reg-query-onedrive-accounts.none.txt'))).toEqual([]);
  });

  it('running for this user (tasklist filtered by user) and signed in', async () => {
    const exec = fakeExec({ tasklist: { stdout: fixture('tasklist-csv.onedrive.txt') }, 'reg query': { stdout: fixture('reg-query-onedrive-accounts.txt') } });
    const status = await oneDriveStatusAction.run({}, makeContext({ exec, platform: 'win32', env }));
    expect(status).toEqual({ ok: true, finding: 'OneDrive is running and signed in.', problem: 'none', running: true, signedIn: true, accounts: ['Business1'] });
    expect(JSON.stringify(status)).not.toContain('@');
    const [tasklist, reg] = exec.calls;
    expect(tasklist?.args.slice(0, 2)).toEqual(['/FI', 'IMAGENAME eq OneDrive.exe']);
    expect(tasklist?.args).toContain('/FI');
    expect(tasklist?.args.some((a) => a.startsWith('USERNAME eq '))).toBe(true);
    expect(reg?.args).toEqual(['query', 'HKCU\\Software\\Microsoft\\OneDrive\\Accounts', '/s', '/v', 'UserEmail']);
  });

  it('not running, then not signed in (reg exit 1), are named in that order', async () => {
    const none = fixture('real/tasklist-csv.none.txt');
    const exec = fakeExec({ tasklist: { stdout: none }, 'reg query': { exitCode: 1, stdout: fixture('reg-query-onedrive-accounts.none.txt') } });
    expect(await oneDriveStatusAction.run({}, makeContext({ exec, platform: 'win32', env }))).toMatchObject({ problem: 'not-running', running: false, signedIn: false });
    const running = fakeExec({ tasklist: { stdout: fixture('tasklist-csv.onedrive.txt') }, 'reg query': { exitCode: 1 } });
    expect(await oneDriveStatusAction.run({}, makeContext({ exec: running, platform: 'win32', env }))).toMatchObject({ problem: 'not-signed-in', ok: false });
  });

  it('starts the per-user OneDrive.exe detached, falls back to Program Files, and says started only once it runs', async () => {
    const exec = withLauncher(fakeExec({ tasklist: [{ stdout: fixture('real/tasklist-csv.none.txt') }, { stdout: fixture('tasklist-csv.onedrive.txt') }] }), [perUser]);
    expect(await oneDriveStartAction.run({ waitSeconds: 5 }, makeContext({ exec, platform: 'win32', env }))).toMatchObject({ ok: true, finding: 'OneDrive was started.' });
    expect(exec.launched).toEqual([`${perUser} /background`, `${perMachine} /background`]);
  });

  it('without a way to launch programs the employee is asked to start it', async () => {
    const exec = fakeExec({ tasklist: { stdout: fixture('real/tasklist-csv.none.txt') } });
    expect(await oneDriveStartAction.run({ waitSeconds: 1 }, makeContext({ exec, platform: 'win32', env }))).toMatchObject({ ok: false, available: false });
  });

  it('reset: OneDrive.exe /reset (the first one that exists), then waits until it runs again', async () => {
    const replies: Record<string, Reply | Reply[]> = { [`${perMachine} /reset`]: {}, tasklist: { stdout: fixture('tasklist-csv.onedrive.txt') } };
    const exec = withLauncher(fakeExec(replies));
    expect(await oneDriveResetAction.run({ waitSeconds: 5 }, makeContext({ exec, platform: 'win32', env }))).toMatchObject({ ok: true, finding: 'OneDrive was reset and is running again.' });
    expect(exec.lines().filter((l) => l.endsWith('/reset'))).toEqual([`${perUser} /reset`, `${perMachine} /reset`]);
    expect(exec.launched).toEqual([]);
  });

  it('a reset after which OneDrive does not run is a failure, after trying to start it', async () => {
    const exec = withLauncher(fakeExec({ [`${perUser} /reset`]: {}, tasklist: { stdout: fixture('real/tasklist-csv.none.txt') } }));
    expect(await oneDriveResetAction.run({ waitSeconds: 1 }, makeContext({ exec, platform: 'win32', env }))).toMatchObject({
      ok: false,
      available: true,
      finding: 'OneDrive was reset but did not start again.',
    });
    expect(exec.launched).toEqual([`${perUser} /background`]);
  });

  it('no OneDrive.exe anywhere is "not available", not a failed reset', async () => {
    const exec = withLauncher(fakeExec({}));
    expect(await oneDriveResetAction.run({ waitSeconds: 1 }, makeContext({ exec, platform: 'win32', env }))).toMatchObject({ ok: false, available: false });
  });
});

describe('OneDrive on macOS (argv)', () => {
  const home = mkdtempSync(path.join(tmpdir(), 'fl-onedrive-'));
  dirs.push(home);

  it('running per user (pgrep -u), signed in when an account folder has its settings file', async () => {
    const settings = path.join(home, 'Library/Application Support/OneDrive/settings');
    mkdirSync(path.join(settings, 'Business1'), { recursive: true });
    mkdirSync(path.join(settings, 'Personal'), { recursive: true });
    const exec = fakeExec({ pgrep: { stdout: '812\n' } });
    // An empty Personal folder is not an account.
    expect(await oneDriveStatusAction.run({}, makeContext({ exec, platform: 'darwin', env: { HOME: home } }))).toMatchObject({ problem: 'not-signed-in', accounts: [] });
    writeFileSync(path.join(settings, 'Business1', '3b1a2c.ini'), 'library = …');
    expect(await oneDriveStatusAction.run({}, makeContext({ exec, platform: 'darwin', env: { HOME: home } }))).toMatchObject({ ok: true, accounts: ['Business1'] });
    expect(exec.lines()[0]).toMatch(/^pgrep -u \d+ -x OneDrive$/);
  });

  it('reset: quit OneDrive, open the standalone reset script, else the App Store one, then wait until it runs', async () => {
    const exec = fakeExec({
      osascript: {},
      'open /Applications/OneDrive.app/Contents/Resources/ResetOneDriveAppStandalone.command': {
        exitCode: 1,
        stderr: 'The file /Applications/OneDrive.app/Contents/Resources/ResetOneDriveAppStandalone.command does not exist.',
      },
      'open /Applications/OneDrive.app/Contents/Resources/ResetOneDriveApp.command': {},
      pgrep: { stdout: '901\n' },
    });
    expect(await oneDriveResetAction.run({ waitSeconds: 5 }, makeContext({ exec, platform: 'darwin', env: { HOME: home } }))).toMatchObject({ ok: true });
    expect(exec.lines().slice(0, 3)).toEqual([
      'osascript -e tell application "OneDrive" to quit',
      'open /Applications/OneDrive.app/Contents/Resources/ResetOneDriveAppStandalone.command',
      'open /Applications/OneDrive.app/Contents/Resources/ResetOneDriveApp.command',
    ]);
  });

  it('not coming back after the reset: started with open -a, and still a failure when it does not run', async () => {
    const exec = fakeExec({ osascript: {}, open: {}, pgrep: { exitCode: 1 } });
    expect(await oneDriveResetAction.run({ waitSeconds: 1 }, makeContext({ exec, platform: 'darwin', env: { HOME: home } }))).toMatchObject({ ok: false, available: true });
    expect(exec.lines()).toContain('open -a /Applications/OneDrive.app');
  });
});
