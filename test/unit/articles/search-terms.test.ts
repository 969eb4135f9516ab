import { describe, expect, it } from 'vitest';
import { normalizeSearch } from '../../../core/report/search-terms.ts';

describe('normalizing a search that found nothing', () => {
  it('keeps lower-case words without accents and drops filler words', () => {
    expect(normalizeSearch('Mijn scanner werkt niet')).toBe('scanner');
    expect(normalizeSearch('le scanner ne répond pas')).toBe('scanner repond');
  });

  it('drops digits, e-mail addresses, URLs, paths and names', () => {
    expect(normalizeSearch('scanner of Jan Peeters 0475 12 34 56 jan.peeters@example.com https://x.example/a C:\\Users\\jan')).toBe('scanner');
    expect(normalizeSearch('ticket INC123456 laptop PC-0042')).toBe('ticket laptop');
  });

  it('keeps acronyms and capitalised words the catalog itself uses', () => {
    expect(normalizeSearch('Outlook crashes VPN', { vocabulary: new Set(['outlook']) })).toBe('outlook crashes vpn');
    expect(normalizeSearch('Outlook crashes')).toBe('crashes');
  });

  it('applies the organisation redaction patterns before anything else', () => {
    expect(normalizeSearch('badge emp-abcdef kapot', { redactionPatterns: [/emp-[a-z]+/gi] })).toBe('badge kapot');
  });

  it('returns null when nothing countable is left, and caps the number of words', () => {
    expect(normalizeSearch('Jan 0475 a@b.be')).toBeNull();
    expect(normalizeSearch('one two three four five six seven eight')?.split(' ')).toHaveLength(6);
  });
});
