import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildMailtoUrl } from '../../../core/tickets/connectors/mailto.ts';
import { checkMailtoUrl, MAILTO_URL_LIMIT } from '../../../core/security/mailto-url.ts';
import type { TicketDraft } from '../../../core/tickets/types.ts';

function draft(title: string, userText: string, details: string): TicketDraft {
  const clientId = 'c0ffee00-1111-4222-8333-444455556666';
  return { clientId, title, userText, details: `${details}\nReference: ${clientId}`, urgency: 'normal', attachments: [], createdAt: '2026-11-24T20:00:00.000Z' };
}

/** Characters that grow the most when percent-encoded (€ is 9 characters), plus the URL's own delimiters. */
const unit = fc.constantFrom('a', 'é', 'ß', 'ë', '€', ' ', '\n', '\r', '\t', '&', '=', '?', '%', '#', '/');

describe('mailto links handed to the mail program', () => {
  it('accepts the link core builds for a ticket, body line breaks included', () => {
    const url = buildMailtoUrl('servicedesk@example.com', draft('Imprimante bloquée', 'Ça ne marche toujours pas.\nMerci !', 'Vérifié : file d’attente\nRésultat : échec'));
    expect(checkMailtoUrl(url)).toEqual({ allowed: true, url });
  });

  it('accepts every link core builds, whatever the employee typed, up to the longest body', () => {
    fc.assert(
      // Titles are one line of at most 80 characters for mail (the title field is a single-line input).
      fc.property(
        fc.string({ maxLength: 80, unit: unit.filter((c) => !/\s/.test(c) || c === ' ') }),
        fc.string({ maxLength: 3000, unit }),
        fc.string({ maxLength: 3000, unit }),
        (title, text, details) => {
          const url = buildMailtoUrl('servicedesk@example.com', draft(title, text, details));
          expect(checkMailtoUrl(url)).toEqual({ allowed: true, url });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("accepts the longest link core can build (core keeps it under Windows' limit)", () => {
    const url = buildMailtoUrl('servicedesk@example.com', draft('€'.repeat(80), '€'.repeat(8000), '€'.repeat(4000)));
    expect(url.length).toBeGreaterThan(1_800);
    expect(url.length).toBeLessThanOrEqual(2_000);
    expect(checkMailtoUrl(url).allowed).toBe(true);
  });

  it('refuses other schemes, even when they look like mail', () => {
    expect(checkMailtoUrl('https://example.com/?mailto:x@y')).toEqual({ allowed: false, reason: 'not-mailto' });
    expect(checkMailtoUrl('javascript:alert(1)//mailto:x@y')).toEqual({ allowed: false, reason: 'not-mailto' });
    expect(checkMailtoUrl(' mailto:x@example.com')).toEqual({ allowed: false, reason: 'not-mailto' });
    expect(checkMailtoUrl('ms-msdt:/id PCWDiagnostic')).toEqual({ allowed: false, reason: 'not-mailto' });
    expect(checkMailtoUrl('not a url')).toEqual({ allowed: false, reason: 'malformed' });
  });

  it('refuses raw CR/LF anywhere and encoded line breaks outside the body (header injection)', () => {
    expect(checkMailtoUrl('mailto:it@example.com?subject=Hi\r\nBcc: spy@evil.test')).toMatchObject({ allowed: false, reason: 'control-characters' });
    expect(checkMailtoUrl('mailto:it@example.com?subject=Hi%0D%0ABcc:%20spy@evil.test')).toMatchObject({ allowed: false, reason: 'control-characters' });
    expect(checkMailtoUrl('mailto:it@example.com%0ABcc:spy@evil.test')).toMatchObject({ allowed: false, reason: 'control-characters' });
    expect(checkMailtoUrl('mailto:it@example.com?subject=%E0%A4%A')).toMatchObject({ allowed: false, reason: 'control-characters' });
  });

  it('refuses links longer than the cap', () => {
    const url = `mailto:it@example.com?body=${'a'.repeat(MAILTO_URL_LIMIT)}`;
    expect(checkMailtoUrl(url)).toEqual({ allowed: false, reason: 'too-long' });
  });
});
