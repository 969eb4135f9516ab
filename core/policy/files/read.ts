/**
 * Reads a policy document an admin has on disk — `policy.json`, a `.mobileconfig` / `.plist`, or a
 * `.reg` export — into the raw layer the app's resolver takes, so `firstline policy check` judges
 * exactly what the app would read from the registry, managed preferences or the policy file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PolicyLayer, PolicySourceId } from '../resolve.ts';
import { macDomain } from '../sources/plist.ts';
import { parsePlistXml, settingsFromProfile } from './plist-xml.ts';
import { parseRegFile } from './reg-file.ts';

export type PolicyFileKind = 'json' | 'plist' | 'reg';

export function policyFileKind(file: string): PolicyFileKind {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.mobileconfig' || ext === '.plist') return 'plist';
  if (ext === '.reg') return 'reg';
  return 'json';
}

/** The source the app would report for this kind of document. */
const sourceOf: Record<PolicyFileKind, PolicySourceId> = { json: 'file', plist: 'mac-machine', reg: 'hklm' };

/** Throws with a plain message (not a stack) when the file cannot be read or parsed. */
export function readPolicyDocument(file: string): PolicyLayer {
  const kind = policyFileKind(file);
  const buffer = readFileSync(file);
  // regedit writes UTF-16LE with a BOM.
  const text = buffer[0] === 0xff && buffer[1] === 0xfe ? buffer.subarray(2).toString('utf16le') : buffer.toString('utf8');
  let values: Record<string, unknown>;
  if (kind === 'plist') values = settingsFromProfile(parsePlistXml(text), macDomain);
  else if (kind === 'reg') values = parseRegFile(text);
  else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new Error(`not valid JSON: ${(error as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('the file must contain a JSON object');
    values = parsed as Record<string, unknown>;
  }
  if (kind !== 'json') values = Object.fromEntries(Object.entries(values).filter(([k]) => k.toLowerCase() !== 'secrets'));
  return { source: sourceOf[kind], location: file, values };
}
