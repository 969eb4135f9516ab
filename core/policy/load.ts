/**
 * Read every policy source for this platform, highest first, and resolve them.
 * Windows: HKLM then HKCU policy keys. macOS: per-user then machine managed preferences.
 * Linux: /etc/firstline/policy.json. FIRSTLINE_POLICY_FILE names an extra (or, on Linux,
 * replacement) policy file on every platform — used by tests and by admins without an MDM.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Platform } from '../kernel/platform.ts';
import type { ExecPort } from '../engine/ports.ts';
import { resolvePolicy, type EffectivePolicy, type PolicyIssue, type PolicyLayer } from './resolve.ts';
import { readPlistPolicy, managedPlistPaths } from './sources/plist.ts';
import { readRegistryPolicy, registryRoots } from './sources/registry.ts';

export const linuxPolicyFile = '/etc/firstline/policy.json';
export const policyFileEnv = 'FIRSTLINE_POLICY_FILE';

/**
 * The environment the installed app reads policy with. The override file is for tests and
 * development only: in a packaged app any employee could set it and fill every key the admin
 * left unset (helpdesk, catalog sources, URL allowlist), so it is dropped there.
 */
export function policyEnvironment(env: NodeJS.ProcessEnv, packaged: boolean): Record<string, string | undefined> {
  if (!packaged) return { ...env };
  const { [policyFileEnv]: _ignored, ...rest } = env;
  return rest;
}

export type LoadPolicyOptions = {
  platform: Platform;
  exec: ExecPort;
  env: Readonly<Record<string, string | undefined>>;
  /** macOS account name for per-user managed preferences. */
  userName?: string;
  userSettings?: Record<string, unknown>;
  /** Overridable for tests; defaults to /Library/Managed Preferences. */
  managedPreferencesDir?: string;
  fileExists?: (file: string) => boolean;
  readTextFile?: (file: string) => string;
};

/**
 * HKLM and the machine plist also hold helpdesk credentials under `Secrets`, which
 * core/secrets/provision.ts imports; they are not a setting (and must not linger in policy values).
 * provision.ts never reads them from HKCU (the employee can write it) or the per-user plist, so
 * there they stay reported as an unknown setting.
 */
function withoutSecrets(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => key.toLowerCase() !== 'secrets'));
}

export async function loadPolicy(options: LoadPolicyOptions): Promise<EffectivePolicy> {
  const exists = options.fileExists ?? existsSync;
  const read = options.readTextFile ?? ((file: string) => readFileSync(file, 'utf8'));
  const layers: PolicyLayer[] = [];
  const issues: PolicyIssue[] = [];

  if (options.platform === 'win32') {
    for (const source of ['hklm', 'hkcu'] as const) {
      const key = registryRoots[source];
      const result = await readRegistryPolicy(options.exec, key);
      if ('values' in result) layers.push({ source, location: key, values: source === 'hklm' ? withoutSecrets(result.values) : result.values });
      else if ('error' in result) issues.push({ key: '*', source, message: `could not read ${key}: ${result.error}` });
    }
  }

  if (options.platform === 'darwin') {
    const paths = managedPlistPaths(options.userName, options.managedPreferencesDir);
    const candidates = [
      ['mac-user', paths.user],
      ['mac-machine', paths.machine],
    ] as const;
    for (const [source, file] of candidates) {
      if (file === undefined || !exists(file)) continue;
      const result = await readPlistPolicy(options.exec, file);
      if ('values' in result) layers.push({ source, location: file, values: source === 'mac-machine' ? withoutSecrets(result.values) : result.values });
      else issues.push({ key: '*', source, message: `could not read ${file}: ${result.error}` });
    }
  }

  const file = options.env[policyFileEnv] || (options.platform === 'linux' ? linuxPolicyFile : undefined);
  if (file !== undefined && exists(file)) {
    const result = readJsonPolicy(read, file);
    if ('values' in result) layers.push({ source: 'file', location: file, values: result.values });
    else issues.push({ key: '*', source: 'file', message: `could not read ${file}: ${result.error}` });
  }

  return resolvePolicy(layers, options.userSettings ?? {}, issues);
}

function readJsonPolicy(read: (file: string) => string, file: string): { values: Record<string, unknown> } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(read(file));
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { error: 'the file must contain a JSON object' };
  return { values: parsed as Record<string, unknown> };
}
