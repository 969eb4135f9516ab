/**
 * "What's wrong?" search: matches titles, summaries and keywords in all four languages, so an
 * employee who types in Dutch finds a fix while the window is in French. MiniSearch gives typo
 * tolerance (fuzzy) and search-as-you-type (prefix) in a few KB.
 */
import MiniSearch from 'minisearch';
import type { TroubleshooterSummary } from '../../contract/index.ts';
import { langs, type Lang } from '../../contract/langs.ts';
import { expandQueryTerm } from './search-language.ts';

type Doc = { id: string; title: string } & Record<Lang, string>;

/** "Réseau" and "reseau" are the same word to someone typing fast. */
function normalize(term: string): string {
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export type Search = (query: string) => TroubleshooterSummary[];
/** The hits, and whether the first is a clear winner (Enter may start it; issue 14). */
export type RankedSearch = (query: string) => { items: TroubleshooterSummary[]; clearWinner: boolean };

/** Score factor of knowledge articles against troubleshooters. */
const articleWeight = 0.5;

/** A first hit at least this many times the second's score is a clear winner. */
const clearMargin = 1.5;

export function createSearch(items: readonly TroubleshooterSummary[]): Search {
  const ranked = createRankedSearch(items);
  return (query) => ranked(query).items;
}

export function createRankedSearch(items: readonly TroubleshooterSummary[]): RankedSearch {
  const index = new MiniSearch<Doc>({
    fields: ['title', ...langs],
    processTerm: (term) => normalize(term),
    searchOptions: { fuzzy: 0.25, prefix: true, boost: { title: 3 }, combineWith: 'AND' },
  });
  index.addAll(
    items.map((item) => ({
      id: item.id,
      title: item.title,
      ...(Object.fromEntries(langs.map((lang) => [lang, item.searchText[lang] ?? ''])) as Record<Lang, string>),
    })),
  );
  const byId = new Map(items.map((item) => [item.id, item]));
  // Filler words dropped, colloquial words widened (search-language.ts); a query of filler only
  // is searched as typed, so "it" still finds something while typing "it is slow".
  const queryTerm = (term: string) => expandQueryTerm(normalize(term));
  return (query) => {
    const q = query.trim();
    if (!q) return { items: [], clearWinner: false };
    const meaningful = index.search(q, { processTerm: queryTerm }).length > 0 || index.search(q, { processTerm: queryTerm, combineWith: 'OR' }).length > 0;
    const processTerm = meaningful ? queryTerm : normalize;
    let hits = index.search(q, { processTerm });
    // "printer stuck paper" should still find something when one word matches nothing.
    if (hits.length === 0) hits = index.search(q, { processTerm, combineWith: 'OR' });
    // A fix that runs beats a how-to to read for the same words (knowledge articles, issue #15).
    hits = hits.map((hit) => (byId.get(String(hit.id))?.kind === 'article' ? { ...hit, score: hit.score * articleWeight } : hit)).sort((a, b) => b.score - a.score);
    const found = hits.map((hit) => byId.get(String(hit.id))).filter((item): item is TroubleshooterSummary => item !== undefined);
    const [first, second] = hits;
    const clearWinner = first !== undefined && (second === undefined || first.score >= second.score * clearMargin);
    return { items: found, clearWinner };
  };
}

/**
 * Tiles: the organisation's order first (policy `tileOrder`), then what this employee ran most,
 * then the catalog order.
 */
export function orderTiles(items: readonly TroubleshooterSummary[], tileOrder: readonly string[], runCounts: ReadonlyMap<string, number>): TroubleshooterSummary[] {
  const pinned = (id: string) => {
    const at = tileOrder.indexOf(id);
    return at === -1 ? Number.POSITIVE_INFINITY : at;
  };
  return items
    .map((item, position) => ({ item, position }))
    .sort((a, b) => pinned(a.item.id) - pinned(b.item.id) || (runCounts.get(b.item.id) ?? 0) - (runCounts.get(a.item.id) ?? 0) || a.position - b.position)
    .map(({ item }) => item);
}
