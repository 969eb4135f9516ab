/**
 * First-hit rate of realistic phrasings (test/fixtures/search/phrasings.json, ≥ 40 per language)
 * against the built-in catalog, printed per language. Issue 14 asks for ≥ 90%; the test fails
 * below that, and the misses are printed to extend synonyms or stop words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { TroubleshooterSummary } from '../../../contract/index.ts';
import { createRankedSearch, type RankedSearch } from '../../../renderer/src/search.ts';

const langs = ['en', 'nl', 'fr', 'de'] as const;
type Lang = (typeof langs)[number];
type Texts = Record<Lang, string>;
type Entry = { id: string; kind?: 'article'; title: Texts; summary: Texts; keywords?: Record<Lang, string[]> };
// The corpus is data so new troubleshooters and articles bring their own phrasings.
const corpusFile = Object.values(import.meta.glob('../../fixtures/search/phrasings.json', { query: '?raw', import: 'default', eager: true }))[0];
const corpus = JSON.parse(String(corpusFile)) as Record<Lang, Array<[string, string]>>;

/** The built-in catalog as the app summarizes it (app/catalog.ts: title, summary, keywords per language). */
const sources = import.meta.glob('../../../troubleshooters/*.yaml', { query: '?raw', import: 'default', eager: true });
function builtinSummaries(lang: Lang): TroubleshooterSummary[] {
  return Object.entries(sources)
    .filter(([file]) => !file.endsWith('.test.yaml'))
    .map(([, text]) => parse(String(text)) as Entry)
    .map((t) => ({
      id: t.id,
      ...(t.kind === 'article' ? { kind: 'article' as const } : {}),
      title: t.title[lang],
      summary: t.summary[lang],
      keywords: t.keywords?.[lang] ?? [],
      category: 'general',
      searchText: Object.fromEntries(langs.map((l) => [l, [t.title[l], t.summary[l], ...(t.keywords?.[l] ?? [])].join(' ')])),
    }));
}

let searches: Record<string, RankedSearch>;
beforeAll(() => {
  searches = Object.fromEntries(langs.map((lang) => [lang, createRankedSearch(builtinSummaries(lang))]));
});

describe('search phrasings per language', () => {
  for (const lang of langs) {
    it(`finds the right fix first for at least 90% of ${corpus[lang].length} ${lang} phrasings`, () => {
      expect(corpus[lang].length).toBeGreaterThanOrEqual(40);
      const misses: string[] = [];
      for (const [query, expected] of corpus[lang]) {
        const first = searches[lang]?.(query).items[0]?.id;
        if (first !== expected) misses.push(`"${query}" → ${first ?? 'nothing'} (wanted ${expected})`);
      }
      const rate = (corpus[lang].length - misses.length) / corpus[lang].length;
      console.log(
        `search first-hit rate ${lang}: ${(rate * 100).toFixed(1)}% (${corpus[lang].length - misses.length}/${corpus[lang].length})${misses.length ? `\n  misses: ${misses.join('\n          ')}` : ''}`,
      );
      expect(rate).toBeGreaterThanOrEqual(0.9);
    });
  }

  it('puts the printer fix first for a French sentence full of filler words', () => {
    const en = searches.en as RankedSearch;
    expect(en('je ne peux pas imprimer').items[0]?.id).toBe('printer-queue');
    expect(en('printer').clearWinner).toBe(true);
  });
});
