/**
 * `firstline policy check|export` — for admins before a rollout.
 * check: reads a policy document (policy.json, .mobileconfig/.plist, .reg) or this machine's policy
 * (`--machine`: registry, managed preferences, /etc/firstline/policy.json, FIRSTLINE_POLICY_FILE)
 * with the app's own resolver, prints each key's effective value and source, and the problems.
 * Exit 1 on errors (unknown keys, invalid values, a dropped helpdesk setting); warnings exit 0.
 * export: writes a given policy as a .mobileconfig (fresh PayloadUUIDs), a .reg file, or policy.json;
 * `--admx <dir>` writes the ADMX/ADML templates (they define settings; values go in the GPO).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Platform } from '../../core/kernel/platform.ts';
import { loadCatalog } from '../../core/engine/catalog-dir.ts';
import { createNodeExecPort } from '../../core/platform/node-exec.ts';
import { checkPolicy, type PolicyCheck } from '../../core/policy/check.ts';
import { readPolicyDocument } from '../../core/policy/files/read.ts';
import { policyToReg } from '../../core/policy/files/reg-file.ts';
import { loadPolicy, linuxPolicyFile, policyFileEnv } from '../../core/policy/load.ts';
import { resolvePolicy, type EffectivePolicy, type PolicyLayer } from '../../core/policy/resolve.ts';
import { isPolicyKey, policyFields, policyKeys } from '../../core/policy/schema.ts';
import { coerce, fieldShape } from '../../core/policy/shape.ts';
import { admlCultures, generateAdml, generateAdmx } from '../../core/policy/templates/admx.ts';
import { englishExplain } from '../../core/policy/templates/index.ts';
import { generateMobileconfig } from '../../core/policy/templates/mobileconfig.ts';
import { langs } from '../../core/kernel/lang.ts';
import type { CommandIo } from '../command.ts';
import { countOf } from './shared.ts';
import { cliRegistry, defaultCatalogDir } from '../registry.ts';

export const policyUsage = `Usage:
  firstline policy check <policy.json|.mobileconfig|.plist|.reg> [--catalog <dir>]... [--json]
  firstline policy check --machine [--catalog <dir>]... [--json]
      validate as the app would: each key's value and source; exit 1 on errors
      (troubleshooter ids are looked up in the built-in catalog plus every --catalog folder)
  firstline policy export <policy file> --mobileconfig|--reg|--json [--out <file>] [--organisation <name>]
      the same policy for another channel (a fresh PayloadUUID per export); refuses an invalid policy
  firstline policy export --admx <dir>
      the ADMX and en/nl/fr/de ADML templates for Group Policy / Intune`;

const options = {
  machine: { type: 'boolean' },
  catalog: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  mobileconfig: { type: 'boolean' },
  reg: { type: 'boolean' },
  admx: { type: 'string' },
  out: { type: 'string' },
  organisation: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof options }>>['values'];

export async function policyCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options });
  const [verb, file, ...extra] = positionals;
  if (values.help) {
    io.out(policyUsage);
    return 0;
  }
  if (extra.length > 0 || (verb !== 'check' && verb !== 'export')) {
    io.err(policyUsage);
    return 2;
  }
  return verb === 'check' ? check(file, values, io) : exportPolicy(file, values, io);
}

async function catalogIds(dirs: readonly string[]): Promise<Set<string>> {
  const ids = new Set<string>();
  const registry = cliRegistry();
  for (const dir of [defaultCatalogDir, ...dirs]) {
    for (const entry of (await loadCatalog(dir, registry)).entries) ids.add(entry.troubleshooter.id);
  }
  return ids;
}

function readLayer(file: string, io: CommandIo): PolicyLayer | undefined {
  try {
    return readPolicyDocument(file);
  } catch (error) {
    io.err(`Cannot read ${file}: ${(error as Error).message}`);
    return undefined;
  }
}

function toPlatform(p: NodeJS.Platform): Platform {
  return p === 'win32' || p === 'darwin' ? p : 'linux';
}

async function check(file: string | undefined, values: Values, io: CommandIo): Promise<number> {
  if (Boolean(file) === Boolean(values.machine)) {
    io.err(`Give either a policy file or --machine.\n${policyUsage}`);
    return 2;
  }
  let effective: EffectivePolicy;
  let heading: string;
  if (file) {
    const layer = readLayer(file, io);
    if (!layer) return 1;
    effective = resolvePolicy([layer]);
    heading = `Policy ${file} (read as the app reads ${layer.source === 'hklm' ? 'HKLM\\SOFTWARE\\Policies\\Firstline' : layer.source === 'mac-machine' ? 'managed preferences' : linuxPolicyFile}):`;
  } else {
    const platform = toPlatform(process.platform);
    effective = await loadPolicy({ platform, exec: createNodeExecPort(), env: process.env, ...(platform === 'darwin' ? { userName: process.env.USER } : {}) });
    const where = effective.layers.map((l) => `${l.source} ${l.location}`);
    heading = `Policy on this machine (${where.length ? where.join('; ') : `nothing set${platform === 'linux' ? `: no ${process.env[policyFileEnv] ?? linuxPolicyFile}` : ''}`}):`;
  }
  const result = checkPolicy(
    effective,
    await catalogIds(values.catalog ?? []),
    values.catalog?.length ? 'the built-in catalog or the --catalog folders' : 'the built-in catalog (add --catalog <dir> for your own)',
  );
  if (values.json) io.out(JSON.stringify({ settings: result.rows, findings: result.findings }, null, 2));
  else printCheck(heading, result, io);
  return result.errors > 0 ? 1 : 0;
}

function printCheck(heading: string, result: PolicyCheck, io: CommandIo): void {
  io.out(heading);
  const width = Math.max(...policyKeys.map((k) => k.length));
  for (const row of result.rows) {
    const text = row.value === undefined ? '(not set)' : JSON.stringify(row.value);
    const shown = text.length > 70 ? `${text.slice(0, 69)}…` : text;
    io.out(`  ${row.key.padEnd(width)}  ${shown}  [${row.source}${row.location ? ` ${row.location}` : ''}]`);
  }
  for (const f of result.findings) io.out(`${f.severity}: ${f.key} (${f.source}): ${f.message}`);
  io.out(`${countOf(result.errors, 'error')}, ${countOf(result.warnings, 'warning')}.${result.errors > 0 ? ' The app would not use the values marked as errors.' : ''}`);
}

/** The keys the document sets, in the schema's shape (what the app would use), without defaults. */
function setValues(layer: PolicyLayer): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of Object.entries(layer.values)) {
    const key = policyKeys.find((k) => k.toLowerCase() === rawKey.toLowerCase());
    if (key && isPolicyKey(key)) out[key] = coerce(fieldShape(policyFields[key]), value);
  }
  return out;
}

async function exportPolicy(file: string | undefined, values: Values, io: CommandIo): Promise<number> {
  if (values.admx !== undefined) {
    if (file) {
      io.err('--admx writes templates and takes no policy file: ADMX defines the settings, the values are set in the GPO (or use --reg).');
      return 2;
    }
    const files: Record<string, string> = { 'firstline.admx': generateAdmx() };
    for (const lang of langs) files[`${admlCultures[lang]}/firstline.adml`] = generateAdml(lang, englishExplain);
    for (const [rel, content] of Object.entries(files)) {
      const target = path.join(values.admx, rel);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
      io.out(`wrote ${target}`);
    }
    return 0;
  }
  const formats = [values.mobileconfig && 'mobileconfig', values.reg && 'reg', values.json && 'json'].filter(Boolean);
  if (!file || formats.length !== 1) {
    io.err(`Give a policy file and exactly one of --mobileconfig, --reg, --json (or --admx <dir>).\n${policyUsage}`);
    return 2;
  }
  const layer = readLayer(file, io);
  if (!layer) return 1;
  const result = checkPolicy(resolvePolicy([layer]), await catalogIds(values.catalog ?? []));
  if (result.errors > 0) {
    for (const f of result.findings.filter((x) => x.severity === 'error')) io.err(`error: ${f.key}: ${f.message}`);
    io.err(`Not exported: fix the ${countOf(result.errors, 'error')} first (firstline policy check ${file}).`);
    return 1;
  }
  const settings = setValues(layer);
  const content =
    formats[0] === 'mobileconfig'
      ? generateMobileconfig(settings, {
          uuid: () => randomUUID().toUpperCase(),
          generatedBy: `Generated by firstline policy export from ${path.basename(file)}.`,
          description: 'Firstline settings. Upload to your MDM (Jamf Pro, Intune).',
          ...(values.organisation ? { organisation: values.organisation } : {}),
        })
      : formats[0] === 'reg'
        ? policyToReg(settings)
        : JSON.stringify(settings, null, 2) + '\n';
  if (values.out) {
    writeFileSync(values.out, content);
    io.err(`wrote ${values.out}`);
  } else io.out(content.trimEnd());
  return 0;
}
