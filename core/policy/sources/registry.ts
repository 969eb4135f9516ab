/**
 * Windows policy: `reg query <key> /s` parsed into a nested object. We shell out to reg.exe
 * (through the exec port, argv only) instead of a native registry module so the reader needs no
 * compiled dependency and is tested against recorded output.
 */
import type { ExecPort } from '../../engine/ports.ts';

export const registryRoots = {
  hklm: 'HKLM\\SOFTWARE\\Policies\\Firstline',
  hkcu: 'HKCU\\SOFTWARE\\Policies\\Firstline',
} as const;

export type RegistryRead = { values: Record<string, unknown> } | { error: string } | { absent: true };

export async function readRegistryPolicy(exec: ExecPort, key: string): Promise<RegistryRead> {
  const result = await exec.exec('reg', ['query', key, '/s'], { timeout: 10_000 });
  if (result.notFound) return { error: 'reg.exe was not found' };
  if (result.timedOut) return { error: 'reg query timed out' };
  // reg.exe exits 1 with "unable to find the specified registry key" when nobody set policy.
  if (result.exitCode !== 0)
    return /unable to find/i.test(result.stderr + result.stdout) ? { absent: true } : { error: (result.stderr || result.stdout).trim() || `reg query exited with ${String(result.exitCode)}` };
  return { values: parseRegQuery(result.stdout, key) };
}

const abbreviations: Record<string, string> = {
  HKLM: 'HKEY_LOCAL_MACHINE',
  HKCU: 'HKEY_CURRENT_USER',
  HKCR: 'HKEY_CLASSES_ROOT',
  HKU: 'HKEY_USERS',
};

function expandRoot(key: string): string {
  const [head = '', ...rest] = key.split('\\');
  return [abbreviations[head.toUpperCase()] ?? head, ...rest].join('\\');
}

/**
 * Output looks like:
 * ```
 * HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Firstline
 *     autostart    REG_DWORD    0x0
 *     urlAllowlist    REG_MULTI_SZ    a.example.com\0b.example.com
 *
 * HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Firstline\support
 *     name    REG_SZ    IT Service Desk
 * ```
 * Values of subkeys become nested objects named after the subkey.
 */
export function parseRegQuery(stdout: string, rootKey: string): Record<string, unknown> {
  const root = expandRoot(rootKey).toLowerCase();
  const out: Record<string, unknown> = {};
  let target: Record<string, unknown> | undefined;
  for (const line of stdout.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    if (!line.startsWith(' ')) {
      target = targetFor(out, line.trim(), root);
      continue;
    }
    const match = /^ {4}(.*?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line);
    if (!match || !target) continue;
    const [, name = '', type = '', data = ''] = match;
    if (name === '(Default)') continue;
    target[name] = decodeValue(type, data);
  }
  return out;
}

function targetFor(out: Record<string, unknown>, keyLine: string, root: string): Record<string, unknown> | undefined {
  const lower = keyLine.toLowerCase();
  if (lower === root) return out;
  if (!lower.startsWith(root + '\\')) return undefined;
  let node = out;
  for (const part of keyLine.slice(root.length + 1).split('\\')) {
    const existing = node[part];
    const next = typeof existing === 'object' && existing !== null && !Array.isArray(existing) ? (existing as Record<string, unknown>) : {};
    node[part] = next;
    node = next;
  }
  return node;
}

function decodeValue(type: string, data: string): unknown {
  switch (type) {
    case 'REG_DWORD':
    case 'REG_QWORD':
      return Number.parseInt(data, 16);
    case 'REG_MULTI_SZ':
      return data === '' ? [] : data.split('\\0').filter((s) => s !== '');
    default:
      return data;
  }
}
