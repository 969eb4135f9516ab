/**
 * The catalog the employee sees: the built-in troubleshooters plus verified organisation
 * catalogs (core/catalog), loaded and validated by the engine, filtered by platform and policy.
 * Invalid files are left out and logged with their file:line:column so IT can fix them.
 */
import type { TroubleshooterSummary } from '../contract/index.ts';
import type { Diagnostic } from '../core/kernel/diagnostics.ts';
import type { Lang } from '../core/kernel/lang.ts';
import type { Platform } from '../core/kernel/platform.ts';
import type { TroubleshooterCache } from '../core/engine/catalog-cache.ts';
import type { Article } from '../core/engine/article-schema.ts';
import { loadCatalog, type ArticleEntry, type CatalogEntry } from '../core/engine/catalog-dir.ts';
import { text } from '../core/engine/messages.ts';
import type { ActionRegistry } from '../core/engine/registry.ts';
import type { Troubleshooter } from '../core/engine/schema.ts';
import { langs } from '../core/kernel/lang.ts';
import type { Logger } from '../core/log.ts';

export type CatalogPolicy = { enabledTroubleshooters?: readonly string[] | undefined; disabledTroubleshooters: readonly string[] };

export type CatalogView = {
  get(id: string): CatalogEntry | undefined;
  has(id: string): boolean;
  /** Troubleshooters, then knowledge articles (`kind: 'article'`): search covers both. */
  list(lang: Lang): TroubleshooterSummary[];
  entries: readonly CatalogEntry[];
  /** Policy ids (enabled/disabled/tile order) that match no loaded troubleshooter: an admin's typo, reported on About. */
  unknownPolicyIds: readonly { key: 'enabledTroubleshooters' | 'disabledTroubleshooters'; id: string }[];
  articles: readonly ArticleEntry[];
  article(id: string): ArticleEntry | undefined;
  /** Errors of catalog files that were left out (bad YAML, schema, too large, too deeply nested): logged and shown on About (#11). */
  leftOut: readonly Diagnostic[];
};

function keywords(t: Troubleshooter | Article, lang: Lang): string[] {
  const list = t.keywords as Partial<Record<Lang, string[]>> | undefined;
  return list?.[lang] ?? list?.en ?? [];
}

export function summarize(t: Troubleshooter | Article, lang: Lang): TroubleshooterSummary {
  return {
    id: t.id,
    ...('kind' in t && t.kind === 'article' ? { kind: 'article' as const } : {}),
    title: text(t.title, lang),
    summary: text(t.summary, lang),
    keywords: keywords(t, lang),
    category: t.category,
    searchText: Object.fromEntries(langs.map((l) => [l, [text(t.title, l), text(t.summary, l), ...keywords(t, l)].join(' ')])),
  };
}

/**
 * Organisation catalogs override the built-in one for the same id. Only the built-in catalog
 * goes through the parse cache: organisation catalogs are signed, and a parsed copy in a
 * user-writable cache would escape that signature, so they are parsed from their verified files.
 */
export async function loadVisibleCatalog(options: {
  builtinDir: string;
  orgDirs: readonly string[];
  registry: ActionRegistry;
  platform: Platform;
  policy: CatalogPolicy;
  log: Logger;
  /** Serves unchanged built-in files without re-parsing them (see core/engine/catalog-cache.ts). */
  cache?: TroubleshooterCache;
}): Promise<CatalogView> {
  const byId = new Map<string, CatalogEntry>();
  const articlesById = new Map<string, ArticleEntry>();
  const leftOut: Diagnostic[] = [];
  for (const dir of [options.builtinDir, ...options.orgDirs]) {
    const useCache = options.cache && dir === options.builtinDir;
    const catalog = await loadCatalog(dir, options.registry, useCache && options.cache ? { loadFile: options.cache.loadFile } : {});
    for (const d of catalog.diagnostics.filter((x) => x.severity === 'error')) {
      options.log.warn('catalog: troubleshooter left out', { at: `${d.file}:${d.line}:${d.column}`, message: d.message });
      leftOut.push(d);
    }
    // A later catalog's entry replaces an earlier one of either kind with the same id.
    for (const entry of catalog.entries) {
      articlesById.delete(entry.troubleshooter.id);
      byId.set(entry.troubleshooter.id, entry);
    }
    for (const entry of catalog.articles) {
      byId.delete(entry.article.id);
      articlesById.set(entry.article.id, entry);
    }
  }
  try {
    await options.cache?.save();
  } catch (error) {
    options.log.warn('catalog: cache not written', { error: String(error) });
  }
  const enabled = options.policy.enabledTroubleshooters ? new Set(options.policy.enabledTroubleshooters) : null;
  const disabled = new Set(options.policy.disabledTroubleshooters);
  const unknownPolicyIds = [
    ...[...(enabled ?? [])].map((id) => ({ key: 'enabledTroubleshooters' as const, id })),
    ...[...disabled].map((id) => ({ key: 'disabledTroubleshooters' as const, id })),
  ].filter(({ id }) => !byId.has(id) && !articlesById.has(id));
  for (const unknown of unknownPolicyIds) options.log.warn('policy: troubleshooter id is in no catalog', unknown);
  const offered = (id: string, platforms: readonly Platform[] | undefined) => {
    if (platforms && !platforms.includes(options.platform)) return false;
    if (enabled && !enabled.has(id)) return false;
    return !disabled.has(id);
  };
  const entries = [...byId.values()].filter(({ troubleshooter: t }) => offered(t.id, t.platforms));
  const articles = [...articlesById.values()].filter(({ article: a }) => offered(a.id, a.platforms));
  const visible = new Map(entries.map((e) => [e.troubleshooter.id, e]));
  const visibleArticles = new Map(articles.map((e) => [e.article.id, e]));
  return {
    entries,
    unknownPolicyIds,
    articles,
    leftOut,
    get: (id) => visible.get(id),
    has: (id) => visible.has(id),
    article: (id) => visibleArticles.get(id),
    list: (lang) => [...entries.map((e) => summarize(e.troubleshooter, lang)), ...articles.map((e) => summarize(e.article, lang))],
  };
}
