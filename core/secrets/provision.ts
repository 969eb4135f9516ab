/**
 * Helpdesk credentials delivered by machine policy, imported into the app's SecretStore at
 * startup (reference/ticket-apis.md "Where credentials live"). Only an administrator can write
 * the sources below; values are never returned to callers that log — results carry names only.
 *   - Windows: HKLM\SOFTWARE\Policies\Firstline\Secrets (REG_SZ values; name = secret name).
 *   - macOS:   the `Secrets` dictionary in the managed preferences plist (MDM profile).
 *   - Linux:   /etc/firstline/secrets.json, `{ "<name>": "<value>" }`, refused unless owned by
 *              root and not writable by group or others (a writable file would let any user
 *              swap the helpdesk credential).
 * The path and owner are options for tests only — never an environment variable, which the
 * employee controls.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Platform } from '../kernel/platform.ts';
import type { ExecPort } from '../engine/ports.ts';
import { managedPlistPaths, readPlistPolicy } from '../policy/sources/plist.ts';
import { readRegistryPolicy, registryRoots } from '../policy/sources/registry.ts';
import type { SecretStore } from './secret-store.ts';

export const linuxSecretsFile = '/etc/firstline/secrets.json';
export const registrySecretsKey = `${registryRoots.hklm}\\Secrets`;
/** The key holding the secrets in the managed plist; the policy loader skips it. */
export const plistSecretsKey = 'Secrets';

export type MachineSecretsOptions = {
  platform: Platform;
  exec: ExecPort;
  /** Linux; defaults to /etc/firstline/secrets.json. */
  linuxFile?: string;
  /** Linux; the owner the file and its folder must have (0 = root). Tests only. */
  trustedUid?: number;
  /** macOS; defaults to /Library/Managed Preferences. */
  managedPreferencesDir?: string;
  fileExists?: (file: string) => boolean;
};

export type MachineSecrets = {
  /** Where the values came from (for the log), undefined when this machine has no source. */
  source: string | undefined;
  values: Record<string, string>;
  /** Problems an admin can act on; never contain a value. */
  issues: string[];
};

export type ProvisionResult = { source: string | undefined; imported: string[]; unchanged: string[]; issues: string[] };

/** Refuses a file an ordinary user could have written (or swapped, through its folder). */
export function adminOnlyProblem(file: string, trustedUid = 0): string | undefined {
  for (const target of [file, path.dirname(file)]) {
    const stat = statSync(target);
    if (target === file && !stat.isFile()) return `${file} is not a regular file`;
    if (stat.uid !== trustedUid) return `${target} is owned by uid ${String(stat.uid)}, not ${trustedUid === 0 ? 'root' : `uid ${String(trustedUid)}`}`;
    if ((stat.mode & 0o022) !== 0) return `${target} is writable by group or others (mode ${(stat.mode & 0o777).toString(8)})`;
  }
  return undefined;
}

/** Keeps string values with a non-empty name; anything else is reported by name. */
function onlyStrings(raw: unknown, where: string, issues: string[]): Record<string, string> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    issues.push(`${where} is not a set of name/value pairs (ignored)`);
    return {};
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'string' && value !== '' && name.trim() !== '') values[name] = value;
    else issues.push(`${where}: "${name}" is not a non-empty text value (ignored)`);
  }
  return values;
}

function readLinux(options: MachineSecretsOptions): MachineSecrets {
  const file = options.linuxFile ?? linuxSecretsFile;
  const none = { source: undefined, values: {}, issues: [] };
  if (!(options.fileExists ?? existsSync)(file)) return none;
  try {
    const problem = adminOnlyProblem(file, options.trustedUid);
    if (problem) return { ...none, issues: [`refused ${file}: ${problem}`] };
    const text = readFileSync(file, 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // V8's parse message quotes the text around the error, which would put a secret in the log.
      return { ...none, issues: [`could not read ${file}: it is not valid JSON`] };
    }
    const issues: string[] = [];
    return { source: file, values: onlyStrings(json, file, issues), issues };
  } catch (error) {
    return { ...none, issues: [`could not read ${file}: ${(error as Error).message}`] };
  }
}

export async function readMachineSecrets(options: MachineSecretsOptions): Promise<MachineSecrets> {
  if (options.platform === 'win32') {
    const result = await readRegistryPolicy(options.exec, registrySecretsKey);
    if ('absent' in result) return { source: undefined, values: {}, issues: [] };
    if ('error' in result) return { source: undefined, values: {}, issues: [`could not read ${registrySecretsKey}: ${result.error}`] };
    const issues: string[] = [];
    return { source: registrySecretsKey, values: onlyStrings(result.values, registrySecretsKey, issues), issues };
  }
  if (options.platform === 'darwin') {
    const file = managedPlistPaths(undefined, options.managedPreferencesDir).machine;
    if (!(options.fileExists ?? existsSync)(file)) return { source: undefined, values: {}, issues: [] };
    const result = await readPlistPolicy(options.exec, file);
    if ('error' in result) {
      // A JSON parse message quotes the output, which holds the secrets: keep only its kind.
      const reason = result.error.startsWith('plutil output is not JSON') ? 'plutil output is not JSON' : result.error;
      return { source: undefined, values: {}, issues: [`could not read ${file}: ${reason}`] };
    }
    const raw = result.values[plistSecretsKey];
    if (raw === undefined) return { source: undefined, values: {}, issues: [] };
    const issues: string[] = [];
    const where = `${file} ${plistSecretsKey}`;
    return { source: where, values: onlyStrings(raw, where, issues), issues };
  }
  return readLinux(options);
}

/** Copies the machine's secrets into `store` (only those that changed). Never throws. */
export async function provisionSecrets(store: SecretStore, options: MachineSecretsOptions): Promise<ProvisionResult> {
  let machine: MachineSecrets;
  try {
    machine = await readMachineSecrets(options);
  } catch (error) {
    return { source: undefined, imported: [], unchanged: [], issues: [`could not read machine secrets: ${(error as Error).message}`] };
  }
  const result: ProvisionResult = { source: machine.source, imported: [], unchanged: [], issues: [...machine.issues] };
  for (const [name, value] of Object.entries(machine.values)) {
    try {
      if ((await store.get(name)) === value) {
        result.unchanged.push(name);
        continue;
      }
      await store.set(name, value);
      result.imported.push(name);
    } catch (error) {
      // E.g. no OS keychain (main/secrets.ts refuses to store); the connector then reports missing-secret.
      result.issues.push(`could not store "${name}": ${(error as Error).message}`);
    }
  }
  return result;
}
