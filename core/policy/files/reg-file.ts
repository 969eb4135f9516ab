/**
 * `.reg` files for Windows policy: written by `firstline policy export --reg` (import with
 * `reg import`, or push with Intune/SCCM) and read by `firstline policy check`. The layout is the
 * one the registry reader expects and Group Policy writes (docs/admin.md, "Registry layout"):
 * scalars as values, booleans as DWORD, lists as a subkey with values 1, 2, 3…, scalar-only
 * objects as a subkey with one value per field, everything else as a JSON string.
 */
import { isPolicyKey, policyFields } from '../schema.ts';
import { fieldShape, isPlainObject, type FieldShape } from '../shape.ts';
import { registryRoots } from '../sources/registry.ts';

export const regRoot = `HKEY_LOCAL_MACHINE${registryRoots.hklm.slice('HKLM'.length)}`;

const quote = (s: string) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

function scalarLine(name: string, value: unknown, shape: FieldShape): string {
  if (shape.kind === 'boolean' && typeof value === 'boolean') return `${quote(name)}=dword:${value ? '00000001' : '00000000'}`;
  return `${quote(name)}=${quote(typeof value === 'string' ? value : JSON.stringify(value))}`;
}

/** A .reg document (CRLF, as regedit writes) that sets exactly the keys present in `settings`. */
export function policyToReg(settings: Record<string, unknown>, root = regRoot): string {
  const main: string[] = [];
  const subkeys: string[][] = [];
  for (const [key, value] of Object.entries(settings)) {
    if (!isPolicyKey(key) || value === undefined) continue;
    const shape = fieldShape(policyFields[key]);
    if (shape.kind === 'list' && Array.isArray(value)) {
      // Delete first so items removed from the list do not survive a re-import.
      subkeys.push([`[-${root}\\${key}]`, '', `[${root}\\${key}]`, ...value.map((v, i) => scalarLine(String(i + 1), v, { kind: 'string' }))]);
    } else if (shape.kind === 'object' && isPlainObject(value)) {
      subkeys.push([`[-${root}\\${key}]`, '', `[${root}\\${key}]`, ...Object.entries(value).map(([f, v]) => scalarLine(f, v, shape.fields[f] ?? { kind: 'string' }))]);
    } else {
      main.push(scalarLine(key, value, shape));
    }
  }
  const blocks = [['Windows Registry Editor Version 5.00'], [`[${root}]`, ...main], ...subkeys];
  return blocks.map((b) => b.join('\r\n')).join('\r\n\r\n') + '\r\n';
}

function unquote(text: string): { value: string; rest: string } | undefined {
  if (!text.startsWith('"')) return undefined;
  let out = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') out += text[++i] ?? '';
    else if (c === '"') return { value: out, rest: text.slice(i + 1) };
    else out += c;
  }
  return undefined;
}

/** Reads the values under `root` (any hive spelling) into the nested object the registry reader produces. */
export function parseRegFile(text: string, root = regRoot): Record<string, unknown> {
  const lower = root.toLowerCase().replace(/^hklm\\/, 'hkey_local_machine\\');
  const out: Record<string, unknown> = {};
  let target: Record<string, unknown> | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || /^(Windows Registry Editor|REGEDIT4)/.test(line)) continue;
    if (line.startsWith('[')) {
      const key = line.slice(1, -1);
      if (key.startsWith('-')) {
        target = undefined;
        continue;
      }
      const k = key
        .toLowerCase()
        .replace(/^hklm\\/, 'hkey_local_machine\\')
        .replace(/^hkcu\\/, 'hkey_current_user\\');
      // The hive may be abbreviated; only the prefix differs, so the subkey path keeps its case.
      const rel = k === lower ? '' : k.startsWith(lower + '\\') ? key.slice(key.length - (k.length - lower.length - 1)) : undefined;
      if (rel === undefined) {
        target = undefined;
        continue;
      }
      let node: Record<string, unknown> = out;
      for (const part of rel.split('\\').filter(Boolean)) {
        const existing: unknown = node[part];
        const child: Record<string, unknown> = isPlainObject(existing) ? existing : {};
        node[part] = child;
        node = child;
      }
      target = node;
      continue;
    }
    if (!target) continue;
    const name = unquote(line);
    if (!name || !name.rest.startsWith('=')) throw new Error(`line ${index + 1}: expected "name"=value`);
    const data = name.rest.slice(1);
    const str = unquote(data);
    if (str) target[name.value] = str.value;
    else if (/^dword:[0-9a-f]{8}$/i.test(data)) target[name.value] = Number.parseInt(data.slice(6), 16);
    else if (data === '-') delete target[name.value];
    else throw new Error(`line ${index + 1}: only string and dword values are read (got ${data.slice(0, 20)})`);
  }
  return out;
}
