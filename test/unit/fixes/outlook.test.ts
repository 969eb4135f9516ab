/**
 * Outlook fix: parsers on recorded outputs (`cmdkey /list` in English and German, `reg query`,
 * `tasklist`: modelled on their documented layouts, see test/fixtures/fixes/README.md) and the exact
 * argv per OS through a fake exec. There is no Outlook on Linux to run live.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExecPort } from '../../../core/engine/ports.ts';
import { outlookClearCredentialsAction, outlookSafeModeAction, outlookStatusAction } from '../../../core/fixes/outlook/actions.ts';
import { countProfiles, deleteCredential, officeTargets, parseNewOutlook } from '../../../core/fixes/outlook/commands.ts';
import { fakeExec, makeContext } from './context.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/fixes/${name}`, import.meta.url), 'utf8');
const env = { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' };
const outlook64 = 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE';
const none = fixture('real/tasklist-csv.none.txt');
const running = fixture('tasklist-csv.outlook.txt');

function withLauncher(exec: ReturnType<typeof fakeExec>, missing: string[] = []): ExecPort & { launched: string[]; lines(): string[] } {
  const launched: string[] = [];
  return Object.assign(exec, {
    launched,
    launch: async (file: string, args: readonly string[]) => {
      launched.push([file, ...args].join(' '));
      return missing.includes(file) ? { started: false, error: 'ENOENT' } : { started: true, pid: 7 };
    },
  });
}

describe('Outlook parsers on recorded outputs', () => {
  it('only Office targets from cmdkey, whatever the label language; profiles counted; new or legacy Outlook on a Mac', () => {
    expect(officeTargets(fixture('cmdkey-list.office.txt'))).toEqual([
      'LegacyGeneric:target=MicrosoftOffice16_Data:SSPI:jan.peeters@example.be',
      'LegacyGeneric:target=MicrosoftOffice16_Data:orgid:jan.peeters@example.be',
    ]);
    expect(officeTargets(fixture('cmdkey-list.de.txt'))).toHaveLength(1);
    expect(officeTargets(fixture('cmdkey-list.no-office.txt'))).toEqual([]);
    expect(countProfiles(fixture('reg-query-outlook-profiles.txt'))).toBe(1);
    expect(() => deleteCredential('Domain:target=fileserver.corp.example')).toThrow();
    expect(deleteCredential('MicrosoftOffice16_Data:SSPI:a@b.c')).toEqual({ file: 'cmdkey', args: ['/delete:MicrosoftOffice16_Data:SSPI:a@b.c'] });
    expect([parseNewOutlook('1\n', 0), parseNewOutlook('0\n', 0), parseNewOutlook('', 1)]).toEqual(['new', 'legacy', 'unknown']);
  });
});

describe('Outlook on Windows (argv)', () => {
  it('status: running for this user, not responding (tasklist STATUS filter), profiles and a count of saved Office sign-ins — no address', async () => {
    const exec = fakeExec({
      tasklist: (call) => ({ stdout: call.args.includes('STATUS eq NOT RESPONDING') ? running : running }),
      'reg query': { stdout: fixture('reg-query-outlook-profiles.txt') },
      'cmdkey /list': { stdout: fixture('cmdkey-list.office.txt') },
    });
    const status = await outlookStatusAction.run({}, makeContext({ exec, platform: 'win32', env }));
    expect(status).toMatchObject({ problem: 'not-responding', running: true, hung: true, profiles: 1, officeCredentials: 2, client: 'classic' });
    expect(JSON.stringify(status)).not.toContain('@');
    expect(exec.lines().filter((l) => l.startsWith('reg'))).toEqual(['reg query HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles']);
    expect(exec.calls.find((c) => c.args.includes('STATUS eq NOT RESPONDING'))?.args.some((a) => a.startsWith('USERNAME eq '))).toBe(true);
  });

  it('no Profiles key is "no-profile"', async () => {
    const exec = fakeExec({ tasklist: { stdout: none }, 'reg query': { exitCode: 1 }, 'cmdkey /list': { stdout: fixture('cmdkey-list.no-office.txt') } });
    expect(await outlookStatusAction.run({}, makeContext({ exec, platform: 'win32', env }))).toMatchObject({ problem: 'no-profile', profiles: 0, running: false });
  });

  it('removes only the Office sign-ins, one argv element each, and reads back', async () => {
    const exec = fakeExec({ 'cmdkey /list': [{ stdout: fixture('cmdkey-list.office.txt') }, { stdout: fixture('cmdkey-list.no-office.txt') }], 'cmdkey /delete': {} });
    expect(await outlookClearCredentialsAction.run({}, makeContext({ exec, platform: 'win32', env }))).toMatchObject({ ok: true, removed: 2 });
    expect(exec.calls.filter((c) => c.args[0]?.startsWith('/delete')).map((c) => c.args)).toEqual([
      ['/delete:LegacyGeneric:target=MicrosoftOffice16_Data:SSPI:jan.peeters@example.be'],
      ['/delete:LegacyGeneric:target=MicrosoftOffice16_Data:orgid:jan.peeters@example.be'],
    ]);
    expect(exec.lines().some((l) => l.includes('fileserver'))).toBe(false);
  });

  it('a sign-in still listed after deleting is a failure', async () => {
    const exec = fakeExec({ 'cmdkey /list': { stdout: fixture('cmdkey-list.de.txt') }, 'cmdkey /delete': { exitCode: 1 } });
    expect(await outlookClearCredentialsAction.run({}, makeContext({ exec, platform: 'win32', env }))).toMatchObject({ ok: false, removed: 0 });
  });

  it('safe mode: a hung Outlook of this user is ended by PID, then OUTLOOK.EXE /safe starts and responds', async () => {
    let killed = false;
    const exec = withLauncher(
      fakeExec({
        tasklist: (call) => {
          const hungQuery = call.args.includes('STATUS eq NOT RESPONDING');
          if (!killed) return { stdout: running };
          return { stdout: hungQuery ? none : exec.launched.length > 0 ? running : none };
        },
        taskkill: () => ((killed = true), {}),
      }),
    );
    expect(await outlookSafeModeAction.run({ waitSeconds: 5 }, makeContext({ exec, platform: 'win32', env }))).toMatchObject({ ok: true, finding: 'Outlook was started in safe mode.' });
    expect(exec.lines().filter((l) => l.startsWith('taskkill'))).toEqual(['taskkill /F /PID 7720']);
    expect(exec.launched).toEqual([`${outlook64} /safe`]);
  });

  it('an Outlook that responds is never closed', async () => {
    const exec = withLauncher(fakeExec({ tasklist: (call) => ({ stdout: call.args.includes('STATUS eq NOT RESPONDING') ? none : running }) }));
    expect(await outlookSafeModeAction.run({ waitSeconds: 1 }, makeContext({ exec, platform: 'win32', env }))).toMatchObject({ ok: true, finding: 'Outlook is already open and responding.' });
    expect(exec.lines().some((l) => l.startsWith('taskkill'))).toBe(false);
    expect(exec.launched).toEqual([]);
  });

  it('not installed under Program Files is "not available"', async () => {
    const exec = withLauncher(fakeExec({ tasklist: { stdout: none } }), [outlook64, 'C:\\Program Files (x86)\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE']);
    expect(await outlookSafeModeAction.run({ waitSeconds: 1 }, makeContext({ exec, platform: 'win32', env }))).toMatchObject({ ok: false, available: false });
  });
});

describe('Outlook on macOS (argv)', () => {
  it('running per user and new or legacy Outlook; nothing is changed (keychain untouched)', async () => {
    const exec = fakeExec({ pgrep: { stdout: '512\n' }, 'defaults read com.microsoft.Outlook IsRunningNewOutlook': { stdout: '1\n' } });
    expect(await outlookStatusAction.run({}, makeContext({ exec, platform: 'darwin' }))).toMatchObject({ ok: true, running: true, client: 'new' });
    expect(exec.lines()[0]).toMatch(/^pgrep -u \d+ -x Microsoft Outlook$/);
    expect(await outlookClearCredentialsAction.run({}, makeContext({ exec, platform: 'darwin' }))).toMatchObject({ ok: false, available: false });
    expect(await outlookSafeModeAction.run({ waitSeconds: 1 }, makeContext({ exec, platform: 'darwin' }))).toMatchObject({ ok: false, available: false });
    expect(exec.lines().every((l) => l.startsWith('pgrep') || l.startsWith('defaults read'))).toBe(true);
  });
});
