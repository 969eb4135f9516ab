import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyXdgAutostart, decideAutostart } from '../../../core/policy/autostart.ts';
import { resolvePolicy } from '../../../core/policy/resolve.ts';

const policyWith = (autostart: unknown) => resolvePolicy([{ source: 'hklm', location: 'test', values: { autostart } }]);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('autostart at login', () => {
  it('registers a hidden login item on Windows and macOS when policy allows it', () => {
    expect(decideAutostart(policyWith(true), { platform: 'win32', packaged: true, execPath: 'C:\\Program Files\\Firstline\\Firstline.exe' })).toEqual({
      mechanism: 'login-item',
      enabled: true,
      loginItemSettings: { openAtLogin: true, openAsHidden: true, args: ['--hidden'] },
    });
    expect(decideAutostart(policyWith(0), { platform: 'darwin', packaged: true, execPath: '/Applications/Firstline.app' })).toMatchObject({ loginItemSettings: { openAtLogin: false } });
  });

  it('never registers an unpackaged development build', () => {
    expect(decideAutostart(policyWith(true), { platform: 'win32', packaged: false, execPath: 'electron.exe' })).toMatchObject({ mechanism: 'none' });
  });

  it('writes and removes the XDG autostart entry on Linux', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'firstline-home-'));
    dirs.push(home);
    const on = decideAutostart(policyWith(true), { platform: 'linux', packaged: true, execPath: '/opt/Firstline/firstline' });
    if (on.mechanism !== 'xdg-autostart') throw new Error('expected xdg-autostart');
    const file = applyXdgAutostart(on, { HOME: home });
    expect(file).toBe(path.join(home, '.config/autostart/firstline.desktop'));
    expect(readFileSync(file ?? '', 'utf8')).toContain('Exec="/opt/Firstline/firstline" --hidden');

    const off = decideAutostart(policyWith(false), { platform: 'linux', packaged: true, execPath: '/opt/Firstline/firstline' });
    if (off.mechanism !== 'xdg-autostart') throw new Error('expected xdg-autostart');
    applyXdgAutostart(off, { HOME: home });
    expect(existsSync(file ?? '')).toBe(false);
  });
});
