/**
 * Loads troubleshooter YAML. Errors are values: every problem found (YAML syntax, schema, unknown
 * action, bad action input, bad `when:`, duplicate ids, missing English text) comes back together,
 * each located at file:line:column, with a sentence an IT author can act on. It never throws on
 * bad input; only programming errors escape.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { ActionRegistry } from './registry.ts';
import { troubleshooterSchema, type Troubleshooter } from './schema.ts';
import { checkSemantics } from './semantics.ts';

export type Severity = 'error' | 'warning';
export type Diagnostic = { file: string; line: number; column: number; message: string; severity: Severity };
export type PathKey = string | number;

export type LoadResult =
  | { ok: true; troubleshooter: Troubleshooter; diagnostics: Diagnostic[] }
  | { ok: false; troubleshooter?: undefined; diagnostics: Diagnostic[] };

/** Maps a path in the data to a position in the source. */
export type Locator = {
  /** Position of the value at `path`, or of its nearest existing parent. */
  at(path: readonly PathKey[], offset?: number): { line: number; column: number };
  /** Position of the key `key` inside the mapping at `path` (for unknown keys). */
  key(path: readonly PathKey[], key: string): { line: number; column: number };
};

function createLocator(doc: Document, counter: LineCounter): Locator {
  const pos = (offset: number) => {
    const p = counter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const nodeAt = (p: readonly PathKey[]) => {
    for (let n = p.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(p.slice(0, n), true);
      if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) return node as { range: [number, number, number] };
    }
    return undefined;
  };
  return {
    at(p, offset) {
      const node = nodeAt(p);
      if (!node) return { line: 1, column: 1 };
      // Quoted scalars start at the quote; an offset into the value skips it.
      const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') ? 1 : 0;
      return pos(node.range[0] + (offset === undefined ? 0 : offset + quoted));
    },
    key(p, key) {
      const parent = doc.getIn(p, true) ?? (p.length === 0 ? doc.contents : undefined);
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
        if (pair && isScalar(pair.key) && pair.key.range) return pos(pair.key.range[0]);
      }
      return this.at(p);
    },
  };
}

export function describePath(p: readonly PathKey[], data: unknown): string {
  if (p[0] === 'steps' && typeof p[1] === 'number') {
    const steps = (data as { steps?: unknown[] } | null)?.steps;
    const id = (steps?.[p[1]] as { id?: unknown } | undefined)?.id;
    const where = typeof id === 'string' ? `step "${id}"` : `step ${p[1] + 1}`;
    const rest = p.slice(2).join('.');
    return rest ? `${where}, ${rest}` : where;
  }
  return p.join('.') || 'top level';
}

export function valueAt(data: unknown, p: readonly PathKey[]): unknown {
  let v = data;
  for (const k of p) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<PathKey, unknown>)[k];
  }
  return v;
}

const localizedLangs = new Set(['en', 'nl', 'fr', 'de']);

function explainIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const where = describePath(issue.path as PathKey[], data);
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      // zod 4 leaves `input` out of issues by default; read the value from the data instead.
      const value = valueAt(data, issue.path as PathKey[]);
      if (value === undefined) {
        if (last === 'en') return `${where}: the English text ("en") is missing; English is required and shown when a translation is missing.`;
        return `${where}: "${String(last)}" is required.`;
      }
      const found = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
      if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        return `${where}: expected text, found ${found}; put the value in quotes (YAML reads 1.0 as a number and yes as true).`;
      }
      return `${where}: expected ${issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : issue.expected}, found ${found}.`;
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      const parent = issue.path.length ? `${where}: ` : '';
      if (issue.keys.every((k) => k.length === 2) && issue.keys.some((k) => !localizedLangs.has(k))) {
        return `${parent}unknown language ${keys}; use en, nl, fr or de.`;
      }
      return `${parent}unknown key ${keys}; check the spelling (allowed keys are in troubleshooters/schema.json).`;
    }
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator === 'type') {
        return `${describePath(issue.path.slice(0, -1) as PathKey[], data)}: unknown step type; use check, ask, info, link or escalate.`;
      }
      return `${where}: ${issue.message}.`;
    case 'invalid_value':
      return `${where}: must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'too_small':
      return `${where}: ${issue.origin === 'array' ? `needs at least ${String(issue.minimum)} item(s)` : 'must not be empty'}.`;
    default:
      return `${where}: ${issue.message.replace(/\.?$/, '.')}`;
  }
}

/** Where zod reports an issue: unknown keys at the key itself, missing keys at their parent. */
export function issueLocation(issue: z.core.$ZodIssue, locator: Locator) {
  const p = issue.path as PathKey[];
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) return locator.key(p, issue.keys[0]);
  return locator.at(p);
}

export type ParsedYaml =
  | { ok: true; data: Record<string, unknown>; locator: Locator; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parses one YAML document keeping positions. Returns syntax errors as diagnostics; `ok` only
 * when the document parsed and is a mapping. Shared by troubleshooters and author tests.
 */
export function parseYamlMapping(text: string, file: string, what: string): ParsedYaml {
  const diagnostics: Diagnostic[] = [];
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true, strict: true });
  const add = (severity: Severity, where: { line: number; column: number }, message: string) =>
    diagnostics.push({ file, line: where.line, column: where.column, message, severity });

  for (const error of doc.errors) {
    const p = counter.linePos(error.pos[0]);
    add('error', { line: p.line, column: p.col }, `YAML syntax: ${error.message.split('\n')[0]}`);
  }
  if (doc.errors.length > 0) return { ok: false, diagnostics };
  for (const warning of doc.warnings) {
    const p = counter.linePos(warning.pos[0]);
    add('warning', { line: p.line, column: p.col }, `YAML: ${warning.message.split('\n')[0]}`);
  }
  let data: unknown;
  try {
    // A bounded alias count stops "billion laughs" documents.
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    add('error', { line: 1, column: 1 }, `YAML: ${(error as Error).message}`);
    return { ok: false, diagnostics };
  }
  const locator = createLocator(doc, counter);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    add('error', locator.at([]), `${what} must be a mapping.`);
    return { ok: false, diagnostics };
  }
  return { ok: true, data: data as Record<string, unknown>, locator, diagnostics };
}

/** Turns schema issues into located diagnostics with author-friendly sentences. */
export function schemaDiagnostics(issues: readonly z.core.$ZodIssue[], data: unknown, locator: Locator, file: string): Diagnostic[] {
  return issues.map((issue) => ({ file, ...issueLocation(issue, locator), severity: 'error' as const, message: explainIssue(issue, data) }));
}

/** `options.baseDir`: folder the troubleshooter lives in; when given, referenced catalog files must exist. */
export function loadTroubleshooterText(text: string, file: string, registry: ActionRegistry, options: { baseDir?: string } = {}): LoadResult {
  const yaml = parseYamlMapping(text, file, 'A troubleshooter file (id, version, title, summary, platforms, category, steps)');
  if (!yaml.ok) return { ok: false, diagnostics: yaml.diagnostics };
  const { data, locator, diagnostics } = yaml;
  const parsed = troubleshooterSchema.safeParse(data);
  if (!parsed.success) diagnostics.push(...schemaDiagnostics(parsed.error.issues, data, locator, file));
  diagnostics.push(...checkSemantics(data, registry, locator, file, options.baseDir));

  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  if (parsed.success && !diagnostics.some((d) => d.severity === 'error')) {
    return { ok: true, troubleshooter: parsed.data, diagnostics };
  }
  return { ok: false, diagnostics };
}

export async function loadTroubleshooterFile(file: string, registry: ActionRegistry): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, diagnostics: [{ file, line: 1, column: 1, severity: 'error', message: `Cannot read the file: ${(error as Error).message}` }] };
  }
  return loadTroubleshooterText(text, file, registry, { baseDir: path.dirname(file) });
}

export { isAuthorTestFile, isTroubleshooterFile } from './catalog-dir.ts';

/** Expands files and directories (recursively) into the YAML files matching `filter`, sorted. */
export async function expandPaths(paths: readonly string[], filter: (name: string) => boolean): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string): Promise<void> => {
    const info = await stat(p);
    if (info.isDirectory()) {
      const entries = await readdir(p, { withFileTypes: true });
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const child = path.join(p, entry.name);
        if (entry.isDirectory()) await walk(child);
        else if (entry.isFile() && filter(entry.name)) out.push(child);
      }
    } else if (filter(path.basename(p))) {
      out.push(p);
    }
  };
  for (const p of paths) await walk(p);
  return out;
}

export { loadCatalog, type Catalog, type CatalogEntry } from './catalog-dir.ts';
