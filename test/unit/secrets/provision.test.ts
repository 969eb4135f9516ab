/**
 * Machine-delivered helpdesk credentials reach the app's SecretStore: recorded `reg query` and
 * `plutil` output for Windows and macOS, a real file with real ownership and modes for Linux.
 */
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { provisionSecrets, readMachineSecrets, registrySecretsKey } from '../../../core/secrets/provision.ts';
import { createFileSecretStore, createMemorySecretStore, type SecretStore } from '../../../core/secrets/secret-store.ts';
import { recordedExec } from '../policy/recorded-exec.ts';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../../fixtures/secrets', name), 'utf8');
const noExec = recordedExec({});
const uid = process.getuid?.() ?? 0;
const isRoot = uid === 0;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
/** `<tmp>/etc-firstline/secrets.json` with the given mode, in a folder only its owner can write. */
function secretsFile(content: string, mode: number): string {
  const root = mkdtempSync(path.join(tmpdir(), 'firstline-provision-'));
  dirs.push(root);
  const dir = path.join(root, 'etc-firstline');
  mkdirSync(dir, { mode: 0o755 });
  chmodSync(dir, 0o755);
  const file = path.join(dir, 'secrets.json');
  writeFileSync(file, content);
  chmodSync(file, mode);
  return file;
}

describe('Windows: HKLM\\SOFTWARE\\Policies\\Firstline\\Secrets', () => {
  it('imports the REG_SZ values and names the ones it ignored', async () => {
    const exec = recordedExec({ [`reg query ${registrySecretsKey} /s`]: { stdout: fixture('reg-query-secrets.txt') } });
    const store = createMemorySecretStore();
    const result = await provisionSecrets(store, { platform: 'win32', exec });
    expect(result).toEqual({
      source: registrySecretsKey,
      imported: ['topdesk-api', 'zammad-token'],
      unchanged: [],
      issues: [`${registrySecretsKey}: "retries" is not a non-empty text value (ignored)`],
    });
    expect(await store.get('topdesk-api')).toBe('svc-firstline:abcd-1234-efgh');
    expect(await store.get('zammad-token')).toBe('zt_9f8e7d6c');
    // Read through reg.exe with argv only, never HKCU (which the employee can write).
    expect(exec.calls).toEqual(['reg query HKLM\\SOFTWARE\\Policies\\Firstline\\Secrets /s']);
  });

  it('does nothing when the key does not exist', async () => {
    const exec = recordedExec({ [`reg query ${registrySecretsKey} /s`]: { exitCode: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' } });
    expect(await provisionSecrets(createMemorySecretStore(), { platform: 'win32', exec })).toEqual({ source: undefined, imported: [], unchanged: [], issues: [] });
  });
});

describe('macOS: Secrets in the managed preferences plist', () => {
  it('imports the Secrets dictionary and nothing else from the profile', async () => {
    const plist = '/Library/Managed Preferences/com.firstline.app.plist';
    const exec = recordedExec({ [`plutil -convert json -o - ${plist}`]: { stdout: fixture('plutil-managed.json') } });
    const store = createMemorySecretStore();
    const result = await provisionSecrets(store, { platform: 'darwin', exec, fileExists: (f) => f === plist });
    expect(result.imported).toEqual(['jira-api']);
    expect(result.issues).toEqual([`${plist} Secrets: "empty" is not a non-empty text value (ignored)`]);
    expect(await store.names()).toEqual(['jira-api']);
    expect(await store.get('jira-api')).toBe('firstline@example.com:ATATT3xFf');
  });

  it('never quotes plutil output in an issue (it holds the secrets)', async () => {
    const plist = '/Library/Managed Preferences/com.firstline.app.plist';
    const exec = recordedExec({ [`plutil -convert json -o - ${plist}`]: { stdout: '{"Secrets":{"jira-api":"ATATT3xFf"' } });
    const result = await provisionSecrets(createMemorySecretStore(), { platform: 'darwin', exec, fileExists: () => true });
    expect(result.issues).toHaveLength(1);
    expect(result.issues.join()).not.toContain('ATATT3xFf');
  });
});

describe('Linux: /etc/firstline/secrets.json', () => {
  it('imports a root-owned file that only its owner can write, into the file store', async () => {
    const file = secretsFile(JSON.stringify({ 'servicenow-api': 'svc:pa55' }), 0o644);
    const dataDir = path.dirname(path.dirname(file));
    const store = createFileSecretStore(path.join(dataDir, 'secrets.json'));
    expect(await provisionSecrets(store, { platform: 'linux', exec: noExec, linuxFile: file, trustedUid: uid })).toEqual({ source: file, imported: ['servicenow-api'], unchanged: [], issues: [] });
    // A fresh store over the same file sees it: the app reads it on the next start too.
    expect(await createFileSecretStore(path.join(dataDir, 'secrets.json')).get('servicenow-api')).toBe('svc:pa55');
    // Unchanged values are not rewritten on every start.
    expect(await provisionSecrets(store, { platform: 'linux', exec: noExec, linuxFile: file, trustedUid: uid })).toMatchObject({ imported: [], unchanged: ['servicenow-api'] });
  });

  it('refuses a world-writable file and imports nothing', async () => {
    const file = secretsFile(JSON.stringify({ 'servicenow-api': 'attacker-value' }), 0o666);
    const store = createMemorySecretStore();
    const result = await provisionSecrets(store, { platform: 'linux', exec: noExec, linuxFile: file, trustedUid: uid });
    expect(result).toEqual({ source: undefined, imported: [], unchanged: [], issues: [`refused ${file}: ${file} is writable by group or others (mode 666)`] });
    expect(await store.names()).toEqual([]);
  });

  it('refuses a group-writable file and one in a folder others can write', async () => {
    const groupWritable = secretsFile('{"a":"b"}', 0o664);
    expect((await readMachineSecrets({ platform: 'linux', exec: noExec, linuxFile: groupWritable, trustedUid: uid })).issues[0]).toMatch(/writable by group or others \(mode 664\)$/);
    const inOpenFolder = secretsFile('{"a":"b"}', 0o644);
    chmodSync(path.dirname(inOpenFolder), 0o777);
    expect((await readMachineSecrets({ platform: 'linux', exec: noExec, linuxFile: inOpenFolder, trustedUid: uid })).issues[0]).toMatch(/etc-firstline is writable by group or others \(mode 777\)$/);
  });

  it.skipIf(!isRoot)('refuses a file not owned by root (default owner check)', async () => {
    const file = secretsFile('{"a":"b"}', 0o644);
    chownSync(file, 65534, 65534);
    const result = await readMachineSecrets({ platform: 'linux', exec: noExec, linuxFile: file });
    expect(result.values).toEqual({});
    expect(result.issues).toEqual([`refused ${file}: ${file} is owned by uid 65534, not root`]);
  });
  if (!isRoot) console.log('provision: the default root-owner check needs root to chown a file; skipped');

  it('reports a file that is not JSON without quoting it, and is silent when there is no file', async () => {
    const file = secretsFile('{"servicenow-api": svc:pa55}', 0o644);
    const result = await readMachineSecrets({ platform: 'linux', exec: noExec, linuxFile: file, trustedUid: uid });
    expect(result.issues).toEqual([`could not read ${file}: it is not valid JSON`]);
    expect(await readMachineSecrets({ platform: 'linux', exec: noExec, linuxFile: path.join(tmpdir(), 'firstline-none', 'secrets.json') })).toEqual({ source: undefined, values: {}, issues: [] });
  });
});

describe('storing', () => {
  it('reports a store that refuses (no OS keychain) by name only and keeps going', async () => {
    const refusing: SecretStore = { ...createMemorySecretStore(), set: () => Promise.reject(new Error('No OS keychain is available to protect secrets on this machine.')) };
    const file = secretsFile(JSON.stringify({ one: 'v1' }), 0o600);
    const result = await provisionSecrets(refusing, { platform: 'linux', exec: noExec, linuxFile: file, trustedUid: uid });
    expect(result.imported).toEqual([]);
    expect(result.issues).toEqual(['could not store "one": No OS keychain is available to protect secrets on this machine.']);
  });
});
