import MiniSearch from 'minisearch';
import { describe, expect, it, vi } from 'vitest';
import type { TroubleshooterSummary } from '../../../contract/index.ts';
import { createRankedSearch, createSearch, orderTiles } from '../../../renderer/src/search.ts';

function item(id: string, texts: Record<'en' | 'nl' | 'fr' | 'de', string>): TroubleshooterSummary {
  return { id, title: texts.en, summary: '', keywords: [], category: 'general', searchText: texts };
}

const catalog = [
  item('wifi', { en: 'Wi-Fi does not work wireless internet', nl: 'De wifi werkt niet draadloos', fr: 'Le Wi-Fi ne fonctionne pas réseau sans fil', de: 'Das WLAN funktioniert nicht' }),
  item('printer', { en: 'The printer does not print paper queue', nl: 'De printer drukt niet af afdrukken wachtrij', fr: "L'imprimante n'imprime pas", de: 'Der Drucker druckt nicht Warteschlange' }),
  item('password', { en: 'I forgot my password login', nl: 'Ik ben mijn wachtwoord vergeten', fr: "J'ai oublié mon mot de passe", de: 'Ich habe mein Passwort vergessen' }),
];
const ids = (list: TroubleshooterSummary[]) => list.map((t) => t.id);

describe('"What\'s wrong?" search', () => {
  const search = createSearch(catalog);

  it('finds a fix by a word in any of the four languages', () => {
    expect(ids(search('afdrukken'))[0]).toBe('printer');
    expect(ids(search('imprimante'))[0]).toBe('printer');
    expect(ids(search('Passwort'))[0]).toBe('password');
    expect(ids(search('wireless'))[0]).toBe('wifi');
  });

  it('tolerates typos, missing accents and half-typed words', () => {
    expect(ids(search('printr'))[0]).toBe('printer');
    expect(ids(search('wachtwort'))[0]).toBe('password');
    expect(ids(search('reseau'))[0]).toBe('wifi');
    expect(ids(search('pass'))[0]).toBe('password');
  });

  it('still finds something when one of several words matches nothing', () => {
    expect(ids(search('printer xyzzy'))).toContain('printer');
  });

  it('returns nothing for an empty query or unrelated words', () => {
    expect(search('   ')).toEqual([]);
    expect(search('zzqqxx')).toEqual([]);
  });
});

describe('home tiles', () => {
  it('put the policy order first, then what this employee ran most, then the catalog order', () => {
    const counts = new Map([
      ['password', 5],
      ['wifi', 1],
    ]);
    expect(ids(orderTiles(catalog, ['printer'], counts))).toEqual(['printer', 'password', 'wifi']);
    expect(ids(orderTiles(catalog, [], new Map()))).toEqual(['wifi', 'printer', 'password']);
    expect(ids(orderTiles(catalog, ['password', 'wifi'], counts))).toEqual(['password', 'wifi', 'printer']);
  });
});

describe('a clear winner for Enter', () => {
  it('is the only hit, or far ahead of the second; two equal hits are not', () => {
    const ranked = createRankedSearch([
      item('teams', { en: 'Teams is slow', nl: 'Teams is traag', fr: 'Teams est lent', de: 'Teams ist langsam' }),
      item('network', { en: 'The network is slow', nl: 'Het netwerk is traag', fr: 'Le réseau est lent', de: 'Das Netzwerk ist langsam' }),
    ]);
    expect(ranked('teams')).toMatchObject({ clearWinner: true });
    expect(ranked('slow').items).toHaveLength(2);
    expect(ranked('slow').clearWinner).toBe(false);
  });

  it('ignores filler words and finds colloquial ones', () => {
    const search = createSearch(catalog);
    expect(ids(search('je ne peux pas imprimer'))[0]).toBe('printer');
    expect(ids(search('ik kan niet inloggen'))[0]).toBe('password');
    expect(ids(search('wlan geht nicht'))[0]).toBe('wifi');
  });
});

describe('ranking a fix against a how-to article', () => {
  const howTo = (id: string, texts: Record<'en' | 'nl' | 'fr' | 'de', string>): TroubleshooterSummary => ({ ...item(id, texts), kind: 'article' });
  const ranked = createRankedSearch([
    item('queue', {
      en: 'My document does not print stuck jobs printer',
      nl: 'Mijn document wordt niet afgedrukt printer',
      fr: 'Mon document ne s’imprime pas imprimante',
      de: 'Mein Dokument wird nicht gedruckt Drucker',
    }),
    howTo('other-site', {
      en: 'Print at another office add the printer printer printer',
      nl: 'Afdrukken op een ander kantoor printer toevoegen printer',
      fr: 'Imprimer dans un autre site imprimante imprimante',
      de: 'An einem anderen Standort drucken Drucker hinzufügen Drucker des Standorts',
    }),
    item('slow', { en: 'Computer is slow freezes', nl: 'Computer traag loopt vast', fr: 'Ordinateur lent se fige', de: 'Rechner langsam Rechner friert ein' }),
    item('teams', { en: 'Teams misbehaves', nl: 'Teams doet raar', fr: 'Teams plante', de: 'Teams stürzt ab' }),
  ]);
  const first = (query: string) => ranked(query).items[0]?.id;

  it('puts the fix first when the words say something is failing, in every language', () => {
    expect(first('Drucker geht nicht')).toBe('queue');
    expect(first('Papierstau')).toBe('queue');
    expect(first('printer is broken')).toBe('queue');
    expect(first('afdrukken werkt niet')).toBe('queue');
    expect(first("l'imprimante est en panne")).toBe('queue');
  });

  it('still puts the how-to first for its own words, and for the bare device', () => {
    expect(first('drucken anderer Standort')).toBe('other-site');
    expect(first('print at another office')).toBe('other-site');
    expect(ranked('Drucker anderer Standort geht nicht').items.map((hit) => hit.id)).toContain('other-site');
  });

  it('treats a colloquial synonym as an alternative to the word, not as a second required word', () => {
    // "friert" also means Teams freezing (synonym → teams); the computer that freezes still wins on "Rechner".
    expect(first('Rechner friert ein')).toBe('slow');
    expect(first('Teams friert ein')).toBe('teams');
  });
});

describe('the search index', () => {
  it('is built by the first search, once, not when the fixes arrive', () => {
    const addAll = vi.spyOn(MiniSearch.prototype, 'addAll');
    try {
      const ranked = createRankedSearch(catalog);
      expect(ranked('  ').items).toEqual([]);
      expect(addAll).not.toHaveBeenCalled();
      expect(ids(ranked('printr').items)[0]).toBe('printer');
      expect(ids(ranked('wachtwort').items)[0]).toBe('password');
      expect(addAll).toHaveBeenCalledTimes(1);
    } finally {
      addAll.mockRestore();
    }
  });
});
