/**
 * The broker's own reading of machine policy. It reads only machine-wide sources an employee
 * cannot write (HKLM, the machine managed-preferences plist, /etc/firstline/policy.json) and only
 * its two keys, on every request, so an admin's change applies without a restart. A policy that
 * exists but cannot be read turns the broker off: it fails closed.
 */
import { readFile } from 'node:fs/promises';
import type { Platform } from '../core/kernel/platform.ts';
import { isOpName, opNames, type OpName } from './op-argv.ts';
import type { CommandRunner } from './run-command.ts';

export type BrokerPolicy = { enabled: boolean; operations: readonly OpName[]; source: string; problem?: string };

export const machinePolicyLocations = {
  linux: '/etc/firstline/policy.json',
  darwin: '/Library/Managed Preferences/com.firstline.app.plist',
  win32: 'HKLM\\SOFTWARE\\Policies\\Firstline',
} as const;

const off = (source: string, problem: string): BrokerPolicy => ({ enabled: false, operations: [], source, problem });

/** Applies the two keys; anything malformed is refused rather than guessed. */
export function brokerPolicyFrom(values: Record<string, unknown>, source: string): BrokerPolicy {
  const enabled = values.brokerEnabled;
  const operations = values.brokerOperations;
  if (enabled !== undefined && typeof enabled !== 'boolean') return off(source, 'brokerEnabled is not true or false');
  if (operations !== undefined && !(Array.isArray(operations) && operations.every((o) => typeof o === 'string'))) return off(source, 'brokerOperations is not a list of operation names');
  const unknown = ((operations as string[] | undefined) ?? []).filter((o) => !isOpName(o));
  if (unknown.length > 0) return off(source, `brokerOperations names unknown operations: ${unknown.slice(0, 5).join(', ')}`);
  return { enabled: enabled ?? true, operations: operations ? (operations as OpName[]) : [...opNames], source };
}

/**
 * `reg query HKLM\SOFTWARE\Policies\Firstline /s`, reduced to the broker's two keys. Every way an
 * administrator may have written them is read: the ADMX list (a `brokerOperations` subkey with
 * values 1, 2, 3…), REG_MULTI_SZ, a REG_SZ JSON array or a comma/space-separated REG_SZ, and
 * brokerEnabled as REG_DWORD or REG_SZ. Other subkeys are ignored.
 */
export function parseRegValues(stdout: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const listed: string[] = [];
  let section: 'root' | 'operations' | 'other' = 'root';
  let seenKey = false;
  for (const line of stdout.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    if (!line.startsWith(' ')) {
      // The first key line is the root itself; later ones are its subkeys.
      section = !seenKey ? 'root' : /\\brokerOperations$/i.test(line.trim()) ? 'operations' : 'other';
      seenKey = true;
      continue;
    }
    const match = /^ {4}(.*?) {4}(REG_DWORD|REG_MULTI_SZ|REG_SZ|REG_EXPAND_SZ|REG_QWORD) {4}(.*)$/.exec(line);
    if (!match) continue;
    const [, name = '', type, data = ''] = match;
    if (section === 'operations') {
      if (/^\d+$/.test(name) && type === 'REG_SZ') listed.push(data.trim());
      continue;
    }
    if (section !== 'root' || (name !== 'brokerEnabled' && name !== 'brokerOperations')) continue;
    if (name === 'brokerEnabled')
      values[name] = type === 'REG_DWORD' || type === 'REG_QWORD' ? Number.parseInt(data, 16) !== 0 : data === 'true' || data === '1' ? true : data === 'false' || data === '0' ? false : data;
    else if (type === 'REG_MULTI_SZ') values[name] = data.split('\\0').filter(Boolean);
    else if (data.trim().startsWith('[')) values[name] = parseJsonList(data);
    else values[name] = data.split(/[,\s]+/).filter(Boolean);
  }
  if (listed.length > 0 && values.brokerOperations === undefined) values.brokerOperations = listed;
  return values;
}

/** A JSON list as written in a REG_SZ; anything else is kept as is so brokerPolicyFrom refuses it. */
function parseJsonList(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

export type PolicyReader = () => Promise<BrokerPolicy>;

export function createPolicyReader(platform: Platform, run: CommandRunner, linuxFile: string = machinePolicyLocations.linux): PolicyReader {
  return async () => {
    if (platform === 'win32') {
      const key = machinePolicyLocations.win32;
      const result = await run({ file: 'reg', args: ['query', key, '/s'] }, 10_000);
      if (result.exitCode !== 0) return /unable to find/i.test(result.stderr + result.stdout) ? brokerPolicyFrom({}, key) : off(key, 'reg query failed');
      return brokerPolicyFrom(parseRegValues(result.stdout), key);
    }
    const file = platform === 'darwin' ? machinePolicyLocations.darwin : linuxFile;
    let text: string;
    try {
      if (platform === 'darwin') {
        const result = await run({ file: 'plutil', args: ['-convert', 'json', '-o', '-', file] }, 10_000);
        if (result.exitCode !== 0) return /No such file|does not exist/i.test(result.stderr + result.stdout) ? brokerPolicyFrom({}, file) : off(file, 'plutil could not read it');
        text = result.stdout;
      } else {
        text = await readFile(file, 'utf8');
      }
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? brokerPolicyFrom({}, file) : off(file, 'it cannot be read');
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return off(file, 'it is not a JSON object');
      return brokerPolicyFrom(parsed as Record<string, unknown>, file);
    } catch {
      return off(file, 'it is not valid JSON');
    }
  };
}
