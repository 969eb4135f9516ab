/**
 * Reading a catalog folder. Kept apart from the YAML loader (loader.ts) so that a start served
 * from the validated-catalog cache never loads the YAML parser: it is imported only when a file
 * has to be parsed (npm run bench: importing `yaml` alone costs ≈35 ms over a bare node). For the
 * same reason its findings carry the English sentence next to their code (locales/<lang>/lint.json)
 * instead of importing the lint tables.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { EntryLoadResult } from './source-diagnostics.ts';
import type { Diagnostic } from '../kernel/diagnostics.ts';
import type { Article } from './article-schema.ts';
import type { ActionRegistry } from './registry.ts';
import type { Troubleshooter } from './schema.ts';

export const isTroubleshooterFile = (name: string) => /\.ya?ml$/i.test(name) && !/\.test\.ya?ml$/i.test(name);
export const isAuthorTestFile = (name: string) => /\.test\.ya?ml$/i.test(name);

async function parseFile(file: string, registry: ActionRegistry): Promise<EntryLoadResult> {
  const { loadEntryFile } = await import('./loader.ts');
  return loadEntryFile(file, registry);
}

/**
 * One file that breaks the loader itself (a bug, or input nobody foresaw) is left out like an
 * invalid one: a catalog never stops the app from loading the other troubleshooters (#11).
 */
async function loadOne(load: (file: string, registry: ActionRegistry) => Promise<EntryLoadResult>, file: string, registry: ActionRegistry): Promise<EntryLoadResult> {
  try {
    return await load(file, registry);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      diagnostics: [{ file, line: 1, column: 1, severity: 'error', message: `This file could not be loaded (${message}); it was left out.`, code: 'catalog.loadFailed', args: { reason: message } }],
    };
  }
}

export type CatalogEntry = { troubleshooter: Troubleshooter; file: string; catalogDir: string };
/** A knowledge article (`kind: article`); its images resolve under `catalogDir`. */
export type ArticleEntry = { article: Article; file: string; catalogDir: string };
export type CatalogContents = { entries: CatalogEntry[]; articles: ArticleEntry[]; diagnostics: Diagnostic[] };

/** Info steps that point to an article (`article: <id>`), with the step id. */
export function articleReferences(t: Troubleshooter): { stepId: string; article: string }[] {
  return t.steps.flatMap((s) => (s.type === 'info' && s.article !== undefined ? [{ stepId: s.id, article: s.article }] : []));
}

/**
 * A catalog is the troubleshooter files directly inside `dir` (sub-folders hold scripts, tests
 * and examples). Invalid files are left out and their diagnostics returned; duplicate ids are errors.
 */
export async function loadCatalog(
  dir: string,
  registry: ActionRegistry,
  /** `loadFile` lets the app serve unchanged files from its validated-catalog cache (catalog-cache.ts). */
  options: { loadFile?: (file: string, registry: ActionRegistry) => Promise<EntryLoadResult> } = {},
): Promise<CatalogContents> {
  const entries: CatalogEntry[] = [];
  const articles: ArticleEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && isTroubleshooterFile(e.name))
      .map((e) => e.name)
      .sort();
  } catch (error) {
    const reason = (error as Error).message;
    return { entries, articles, diagnostics: [{ file: dir, line: 1, column: 1, severity: 'error', message: `Cannot read the catalog: ${reason}`, code: 'catalog.unreadable', args: { reason } }] };
  }
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = path.join(dir, name);
    const result = await loadOne(options.loadFile ?? parseFile, file, registry);
    diagnostics.push(...result.diagnostics);
    if (!result.ok) continue;
    // Articles and troubleshooters share one id space: search results and tickets name either.
    const id = result.article ? result.article.id : result.troubleshooter.id;
    const other = seen.get(id);
    if (other) {
      diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: `The id "${id}" is already used by ${other}.`, code: 'catalog.duplicateId', args: { id, other } });
      continue;
    }
    seen.set(id, file);
    if (result.article) articles.push({ article: result.article, file, catalogDir: dir });
    else entries.push({ troubleshooter: result.troubleshooter, file, catalogDir: dir });
  }
  // A step may point to an article of another catalog (the built-in one), so this is a warning here.
  const articleIds = new Set(articles.map((a) => a.article.id));
  for (const entry of entries) {
    for (const ref of articleReferences(entry.troubleshooter)) {
      if (!articleIds.has(ref.article)) {
        const args = { whereStep: ref.stepId, whereField: '', article: ref.article };
        diagnostics.push({
          file: entry.file,
          line: 1,
          column: 1,
          severity: 'warning',
          message: `step "${ref.stepId}": there is no article "${ref.article}" in this catalog.`,
          code: 'catalog.noArticle',
          args,
        });
      }
    }
  }
  return { entries, articles, diagnostics };
}

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
