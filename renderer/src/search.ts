/**
 * "What's wrong?" search: matches titles, summaries and keywords in all four languages, so an
 * employee who types in Dutch finds a fix while the window is in French. MiniSearch gives typo
 * tolerance (fuzzy) and search-as-you-type (prefix) in a few KB.
 */
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { TroubleshooterSummary } from '../../contract/index.ts';
import { langs, type Lang } from '../../contract/langs.ts';
import { expandQueryTerm, isSymptom } from './search-language.ts';

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
/**
 * When the words say something is failing ("drucken geht nicht", "printer jammed"), the employee
 * wants it repaired, not a how-to: articles weigh less still. An article stays first when the
 * words are its own (a fix does not match "another office" at all).
 */
const symptomArticleWeight = 0.2;

/** MiniSearch's own word splitting (its default tokenizer), so the query tree sees the same words. */
const wordSplit = /[\n\r\p{Z}\p{P}]+/u;

/** Per typed word, the word and its colloquial synonyms (filler words dropped). */
function wordGroups(words: readonly string[]): string[][] {
  return words.map((word) => expandQueryTerm(word)).filter((group): group is string[] => group !== null && group.length > 0);
}

/**
 * One group per typed word (the word or one of its synonyms), any group may match; byCoverage
 * ranks by how many matched. Passing the expansions to processTerm instead would AND a word
 * with its own synonyms ("friert" would need "teams" too).
 */
function queryTree(groups: readonly string[][]): Query {
  return { combineWith: 'OR', queries: groups.map((group) => (group.length === 1 ? (group[0] as string) : { combineWith: 'OR', queries: group })) };
}

/** Hits scoring below this share of the best are noise (one weak fuzzy word), not alternatives. */
const noiseShare = 0.1;
/** A first hit at least this many times the second's score is a clear winner. */
const clearMargin = 1.5;

export function createSearch(items: readonly TroubleshooterSummary[]): Search {
  const ranked = createRankedSearch(items);
  return (query) => ranked(query).items;
}

/** MiniSearch's index of the items: titles and every language's words, typo-tolerant. */
function buildIndex(items: readonly TroubleshooterSummary[]): MiniSearch<Doc> {
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
  return index;
}

/**
 * The index is built by the first search, not when the items arrive: the home screen shows its
 * tiles without it, so its first render does not wait for a search nobody has typed yet.
 */
export function createRankedSearch(items: readonly TroubleshooterSummary[]): RankedSearch {
  let built: MiniSearch<Doc> | undefined;
  const indexed = (): MiniSearch<Doc> => (built ??= buildIndex(items));
  const byId = new Map(items.map((item) => [item.id, item]));
  // Every typed word that matched counts: a fix matching both "wifi" and "disconnects" weakly
  // must not beat one matching "wifi" strongly (AND would drop the latter entirely), and a fix
  // matching one of two words scores half.
  const byCoverage = (hits: readonly SearchResult[], groups: readonly string[][]): SearchResult[] => {
    const scored = hits.map((hit) => ({ ...hit, score: (hit.score * groups.filter((group) => group.some((term) => hit.queryTerms.includes(term))).length) / groups.length }));
    const best = Math.max(0, ...scored.map((hit) => hit.score));
    return scored.filter((hit) => hit.score >= best * noiseShare);
  };
  // Filler words dropped, colloquial words widened (search-language.ts); a query of filler only
  // is searched as typed, so "it" still finds something while typing "it is slow".
  return (query) => {
    const q = query.trim();
    if (!q) return { items: [], clearWinner: false };
    const words = q
      .split(wordSplit)
      .map(normalize)
      .filter((word) => word.length > 0);
    const groups = wordGroups(words);
    const index = indexed();
    const typed = (combineWith: 'AND' | 'OR') => index.search(q, { processTerm: normalize, combineWith });
    let hits = groups.length ? byCoverage(index.search(queryTree(groups), { processTerm: normalize }), groups) : [];
    if (hits.length === 0) hits = typed('AND');
    if (hits.length === 0) hits = typed('OR');
    // A fix that runs beats a how-to to read for the same words (knowledge articles, issue #15).
    const weight = words.some(isSymptom) ? symptomArticleWeight : articleWeight;
    hits = hits.map((hit) => (byId.get(String(hit.id))?.kind === 'article' ? { ...hit, score: hit.score * weight } : hit)).sort((a, b) => b.score - a.score);
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
