/**
 * Loads troubleshooter YAML. Errors are values: every problem found (YAML syntax, schema, unknown
 * action, bad action input, bad `when:`, duplicate ids, missing English text) comes back together,
 * each located at file:line:column, with a sentence an IT author can act on. It never throws on
 * bad input; only programming errors escape.
 */
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { Diagnostic, Severity } from '../kernel/diagnostics.ts';
import type { ActionRegistry } from './registry.ts';
import { troubleshooterSchema } from './schema.ts';
import { checkSemantics } from './semantics.ts';
import { schemaDiagnostics, type EntryLoadResult, type LoadResult, type Locator, type PathKey } from './source-diagnostics.ts';
import { articleSchema } from './article-schema.ts';
import { checkArticle } from './article-lint.ts';
import { maxCatalogFileBytes, readCatalogFile, tooLargeDiagnostic } from './read-catalog-file.ts';
import { plainYamlError } from './yaml-errors.ts';
import { coded, type Coded } from './lint-messages.ts';

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

export type ParsedYaml = { ok: true; data: Record<string, unknown>; locator: Locator; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parses one YAML document keeping positions. Returns syntax errors as diagnostics; `ok` only
 * when the document parsed and is a mapping. Shared by troubleshooters and author tests.
 */
export function parseYamlMapping(text: string, file: string, what: 'file.troubleshooterNotMapping' | 'file.testNotMapping'): ParsedYaml {
  const diagnostics: Diagnostic[] = [];
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true, strict: true });
  const add = (severity: Severity, where: { line: number; column: number }, finding: Coded) => diagnostics.push({ file, line: where.line, column: where.column, severity, ...finding });

  for (const error of doc.errors) {
    const p = counter.linePos(error.pos[0]);
    // The yaml package turns a stack overflow on deeply nested lists/mappings into an error; say what it means.
    const first = error.message.split('\n')[0] ?? '';
    const plain = /call stack/i.test(error.message) ? coded('yaml.tooDeep') : plainYamlError({ code: error.code, message: first, line: p.line }, text.split(/\r?\n/)[p.line - 1] ?? '');
    diagnostics.push({ file, line: p.line, column: p.col, severity: 'error', ...plain });
  }
  if (doc.errors.length > 0) return { ok: false, diagnostics };
  for (const warning of doc.warnings) {
    const p = counter.linePos(warning.pos[0]);
    const parser = warning.message.split('\n')[0] ?? '';
    add('warning', { line: p.line, column: p.col }, coded(warning.code === 'TAG_RESOLVE_FAILED' ? 'yaml.unknownTag' : 'yaml.warning', { parser }));
  }
  let data: unknown;
  try {
    // A bounded alias count stops "billion laughs" documents.
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    const parser = (error as Error).message;
    const code = /excessive alias/i.test(parser) ? 'yaml.tooManyAliases' : /unresolved alias/i.test(parser) ? 'yaml.unknownAlias' : 'yaml.convert';
    add('error', { line: 1, column: 1 }, coded(code, { parser }));
    return { ok: false, diagnostics };
  }
  const locator = createLocator(doc, counter);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    add('error', locator.at([]), coded(what));
    return { ok: false, diagnostics };
  }
  return { ok: true, data: data as Record<string, unknown>, locator, diagnostics };
}

/** `options.baseDir`: folder the troubleshooter lives in; when given, referenced catalog files must exist. */
export function loadTroubleshooterText(text: string, file: string, registry: ActionRegistry, options: { baseDir?: string } = {}): LoadResult {
  const result = loadEntryText(text, file, registry, options);
  if (!result.article) return result;
  return { ok: false, diagnostics: [{ file, line: 1, column: 1, severity: 'error', ...coded('file.isArticle') }] };
}

/** Loads either kind of catalog entry; `kind: article` selects the article format. */
export function loadEntryText(text: string, file: string, registry: ActionRegistry, options: { baseDir?: string } = {}): EntryLoadResult {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxCatalogFileBytes) return { ok: false, diagnostics: [tooLargeDiagnostic(file, bytes)] };
  const yaml = parseYamlMapping(text, file, 'file.troubleshooterNotMapping');
  if (!yaml.ok) return { ok: false, diagnostics: yaml.diagnostics };
  const { data, locator, diagnostics } = yaml;
  if (data.kind === 'article') {
    const article = articleSchema.safeParse(data);
    if (!article.success) diagnostics.push(...schemaDiagnostics(article.error.issues, data, locator, file));
    diagnostics.push(...checkArticle(data, locator, file, options.baseDir));
    diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
    if (article.success && !diagnostics.some((d) => d.severity === 'error')) return { ok: true, article: article.data, diagnostics };
    return { ok: false, diagnostics };
  }
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
  await registry.load();
  const read = await readCatalogFile(file);
  if (!read.ok) return { ok: false, diagnostics: [read.diagnostic] };
  return loadTroubleshooterText(read.text, file, registry, { baseDir: path.dirname(file) });
}

export async function loadEntryFile(file: string, registry: ActionRegistry): Promise<EntryLoadResult> {
  // Checking a file reads the input schema of every action it names: load their modules first.
  await registry.load();
  const read = await readCatalogFile(file);
  if (!read.ok) return { ok: false, diagnostics: [read.diagnostic] };
  return loadEntryText(read.text, file, registry, { baseDir: path.dirname(file) });
}
