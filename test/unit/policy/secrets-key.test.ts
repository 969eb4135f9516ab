/** The machine policy sources also carry helpdesk credentials (core/secrets/provision.ts); policy itself must not treat them as a setting. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../core/policy/load.ts';
import { recordedExec } from './recorded-exec.ts';

const hklmStdout = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Firstline',
  '    autostart    REG_DWORD    0x0',
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Firstline\\Secrets',
  '    topdesk    REG_SZ    svc:pa55',
  '',
].join('\r\n');

describe('the Secrets key in machine policy', () => {
  it('is not a policy setting on Windows: no "unknown setting" issue, and HKCU still reports it', async () => {
    const exec = recordedExec({
      'reg query HKLM\\SOFTWARE\\Policies\\Firstline /s': { stdout: hklmStdout },
      'reg query HKCU\\SOFTWARE\\Policies\\Firstline /s': { stdout: hklmStdout.replaceAll('HKEY_LOCAL_MACHINE', 'HKEY_CURRENT_USER') },
    });
    const policy = await loadPolicy({ platform: 'win32', exec, env: {} });
    expect(policy.values.autostart).toBe(false);
    // The employee can write HKCU, so secrets there are never used — that is worth a warning.
    expect(policy.issues).toEqual([{ key: 'Secrets', source: 'hkcu', message: 'unknown setting (ignored)' }]);
  });

  it('is not a policy setting in the machine managed preferences on macOS', async () => {
    const dir = '/Library/Managed Preferences';
    const plist = path.join(dir, 'com.firstline.app.plist');
    const exec = recordedExec({ [`plutil -convert json -o - ${plist}`]: { stdout: readFileSync(path.join(import.meta.dirname, '../../fixtures/secrets/plutil-managed.json'), 'utf8') } });
    const policy = await loadPolicy({ platform: 'darwin', exec, env: {}, fileExists: (f) => f === plist });
    expect(policy.values.autostart).toBe(false);
    expect(policy.issues).toEqual([]);
  });
});
