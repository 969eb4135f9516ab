import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicy, policyFileEnv } from '../../../core/policy/load.ts';
import { parseRegQuery } from '../../../core/policy/sources/registry.ts';
import { recordedExec } from './recorded-exec.ts';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../../fixtures/policy', name), 'utf8');
const hklm = 'reg query HKLM\\SOFTWARE\\Policies\\Firstline /s';
const hkcu = 'reg query HKCU\\SOFTWARE\\Policies\\Firstline /s';
const absent = { exitCode: 1, stderr: fixture('reg-query-absent.txt') };

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'firstline-policy-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('reg query parser', () => {
  it('decodes REG_SZ, REG_DWORD, REG_MULTI_SZ and subkeys as nested objects', () => {
    const values = parseRegQuery(fixture('reg-query-hklm.txt'), 'HKLM\\SOFTWARE\\Policies\\Firstline');
    expect(values).toMatchObject({
      passwordResetUrl: 'https://password.example.com/reset',
      autostart: 0,
      UrlAllowlist: ['intranet.example.com', '*.example.org'],
      support: { name: 'IT Service Desk', Email: 'servicedesk@example.com', phone: '+32 2 123 45 67' },
      disabledTroubleshooters: { '1': 'teams.clear-cache', '2': 'printer.clear-queue' },
    });
  });
});

describe('Windows policy', () => {
  it('prefers HKLM over HKCU key by key and reports where each value came from', async () => {
    const exec = recordedExec({ [hklm]: { stdout: fixture('reg-query-hklm.txt') }, [hkcu]: { stdout: fixture('reg-query-hkcu.txt') } });
    const policy = await loadPolicy({ platform: 'win32', exec, env: {}, userSettings: { tileOrder: ['wifi.reconnect'] } });

    expect(policy.values.passwordResetUrl).toBe('https://password.example.com/reset');
    expect(policy.sources.passwordResetUrl).toBe('hklm');
    expect(policy.values.autostart).toBe(false);
    expect(policy.sources.autostart).toBe('hklm');
    expect(policy.values.urlAllowlist).toEqual(['intranet.example.com', '*.example.org']);
    expect(policy.values.support).toEqual({ name: 'IT Service Desk', email: 'servicedesk@example.com', phone: '+32 2 123 45 67' });
    expect(policy.values.disabledTroubleshooters).toEqual(['teams.clear-cache', 'printer.clear-queue']);
    expect(policy.values.helpdesk).toMatchObject({ connector: { type: 'topdesk', baseUrl: 'https://example.topdesk.net', credentialSecret: 'topdesk' }, fallbackEmail: 'servicedesk@example.com' });
    expect(policy.values.outageFeedUrl).toBe('https://status.example.com/firstline.json');
    expect(policy.sources.outageFeedUrl).toBe('hkcu');
    expect(policy.values.telemetry).toEqual({ enabled: true, endpoint: 'https://otel.example.com:4318' });
    expect(policy.values.tileOrder).toEqual(['wifi.reconnect']);
    expect(policy.sources.tileOrder).toBe('user');
    expect(policy.sources.branding).toBe('default');
    expect(policy.locations.hklm).toBe('HKLM\\SOFTWARE\\Policies\\Firstline');
  });

  it('falls back to the next source for an invalid key and names the key, source and problem', async () => {
    const exec = recordedExec({ [hklm]: { stdout: fixture('reg-query-hklm.txt') }, [hkcu]: { stdout: fixture('reg-query-hkcu.txt') } });
    const policy = await loadPolicy({ platform: 'win32', exec, env: {} });

    // HKLM says "klingon"; HKCU's valid "nl" is used instead.
    expect(policy.values.defaultLanguage).toBe('nl');
    expect(policy.sources.defaultLanguage).toBe('hkcu');
    expect(policy.issues).toContainEqual({ key: 'defaultLanguage', source: 'hklm', message: expect.stringContaining('Invalid option') });
    expect(policy.issues).toContainEqual({ key: 'colourScheme', source: 'hkcu', message: 'unknown setting (ignored)' });
    expect(policy.issues).toHaveLength(2);
  });

  it('treats a missing policy key as "no policy", not as an error', async () => {
    const exec = recordedExec({ [hklm]: absent, [hkcu]: absent });
    const policy = await loadPolicy({ platform: 'win32', exec, env: {} });
    expect(policy.issues).toEqual([]);
    expect(Object.values(policy.sources).every((s) => s === 'default')).toBe(true);
    expect(policy.values.autostart).toBe(true);
    expect(policy.values.telemetry.enabled).toBe(false);
  });

  it('reports an unreadable registry as an issue and still starts with defaults', async () => {
    const exec = recordedExec({ [hklm]: { notFound: true }, [hkcu]: absent });
    const policy = await loadPolicy({ platform: 'win32', exec, env: {} });
    expect(policy.issues).toEqual([{ key: '*', source: 'hklm', message: expect.stringContaining('reg.exe was not found') }]);
    expect(policy.values.autostart).toBe(true);
  });
});

describe('macOS managed preferences', () => {
  it('prefers the per-user plist over the machine plist and rejects invalid keys', async () => {
    const dir = tempDir();
    const userPlist = path.join(dir, 'jdoe', 'com.firstline.app.plist');
    const machinePlist = path.join(dir, 'com.firstline.app.plist');
    mkdirSync(path.dirname(userPlist), { recursive: true });
    writeFileSync(userPlist, 'binary plist placeholder');
    writeFileSync(machinePlist, 'binary plist placeholder');
    const exec = recordedExec({
      [`plutil -convert json -o - ${userPlist}`]: { stdout: fixture('plutil-user.json') },
      [`plutil -convert json -o - ${machinePlist}`]: { stdout: fixture('plutil-machine.json') },
    });
    const policy = await loadPolicy({ platform: 'darwin', exec, env: {}, userName: 'jdoe', managedPreferencesDir: dir });

    expect(policy.values.defaultLanguage).toBe('fr');
    expect(policy.sources.defaultLanguage).toBe('mac-user');
    expect(policy.values.autostart).toBe(false);
    expect(policy.sources.autostart).toBe('mac-machine');
    expect(policy.values.branding).toEqual({ name: 'Acme Help', colour: '#1a73e8' });
    expect(policy.values.tileOrder).toEqual(['wifi.reconnect', 'printer.clear-queue']);
    // A relative folder is not a catalog source: the whole key falls back to the default.
    expect(policy.values.catalogSources).toEqual([]);
    expect(policy.issues).toEqual([{ key: 'catalogSources', source: 'mac-machine', message: expect.stringContaining('1: must be an absolute folder') }]);
  });

  it('reads nothing when no managed preferences are installed', async () => {
    const exec = recordedExec({});
    const policy = await loadPolicy({ platform: 'darwin', exec, env: {}, userName: 'jdoe', managedPreferencesDir: tempDir() });
    expect(exec.calls).toEqual([]);
    expect(policy.issues).toEqual([]);
  });
});

describe('policy file (Linux, or FIRSTLINE_POLICY_FILE anywhere)', () => {
  it('reads the file named by the environment variable and lets the employee set only their own keys', async () => {
    const file = path.join(tempDir(), 'policy.json');
    writeFileSync(file, JSON.stringify({ $schema: './policy.schema.json', defaultLanguage: 'de', urlAllowlist: ['wiki.example.com'], redactionPatterns: ['EMP-\\d{6}', '(unclosed'] }));
    const policy = await loadPolicy({
      platform: 'linux',
      exec: recordedExec({}),
      env: { [policyFileEnv]: file },
      userSettings: { defaultLanguage: 'nl', autostart: false, urlAllowlist: ['evil.example.net'] },
    });

    expect(policy.values.defaultLanguage).toBe('de');
    expect(policy.sources.defaultLanguage).toBe('file');
    expect(policy.values.autostart).toBe(false);
    expect(policy.sources.autostart).toBe('user');
    expect(policy.values.urlAllowlist).toEqual(['wiki.example.com']);
    expect(policy.values.redactionPatterns).toEqual([]);
    expect(policy.locations.file).toBe(file);
    expect(policy.issues).toEqual([
      { key: 'urlAllowlist', source: 'user', message: 'this setting can only be set by an administrator (ignored)' },
      { key: 'redactionPatterns', source: 'file', message: '1: must be a valid regular expression' },
    ]);
  });

  it('reports a file that is not JSON and starts with defaults', async () => {
    const file = path.join(tempDir(), 'policy.json');
    writeFileSync(file, '{ "autostart": false, ');
    const policy = await loadPolicy({ platform: 'linux', exec: recordedExec({}), env: { [policyFileEnv]: file } });
    expect(policy.issues).toEqual([{ key: '*', source: 'file', message: expect.stringContaining(`could not read ${file}`) }]);
    expect(policy.values.autostart).toBe(true);
  });

  it('reads /etc/firstline/policy.json on Linux when no override is set', async () => {
    const asked: string[] = [];
    const policy = await loadPolicy({
      platform: 'linux',
      exec: recordedExec({}),
      env: {},
      fileExists: (file) => (asked.push(file), file === '/etc/firstline/policy.json'),
      readTextFile: (file) => (file === '/etc/firstline/policy.json' ? '{"autostart": false}' : ''),
    });
    expect(asked).toEqual(['/etc/firstline/policy.json']);
    expect(policy.sources.autostart).toBe('file');
    expect(policy.locations.file).toBe('/etc/firstline/policy.json');
  });

  it('also applies the file on Windows, below the registry', async () => {
    const file = path.join(tempDir(), 'policy.json');
    writeFileSync(file, JSON.stringify({ passwordResetUrl: 'https://file.example.com/reset', outageFeedUrl: 'http://127.0.0.1:9/feed.json' }));
    const exec = recordedExec({ [hklm]: { stdout: fixture('reg-query-hklm.txt') }, [hkcu]: absent });
    const policy = await loadPolicy({ platform: 'win32', exec, env: { [policyFileEnv]: file } });
    expect(policy.sources.passwordResetUrl).toBe('hklm');
    expect(policy.values.outageFeedUrl).toBe('http://127.0.0.1:9/feed.json');
    expect(policy.sources.outageFeedUrl).toBe('file');
  });
});
