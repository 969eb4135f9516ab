/**
 * Issue 14, words: the fixes' sentences use real plurals (ICU `plural` with each language's CLDR
 * rules) and the language's number format, never "day(s)" / "dag(en)" / "jour(s)".
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { say } from '../../../core/fixes/shared/text.ts';
import { printerTexts as printer } from '../../../core/fixes/printer/texts.ts';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const days = {
  en: 'in {days, plural, =0 {no time} one {# day} other {# days}} on {host}',
  nl: 'over {days, plural, one {# dag} other {# dagen}} op {host}',
  fr: 'dans {days, plural, one {# jour} other {# jours}} sur {host}',
  de: 'in {days, plural, one {# Tag} other {# Tagen}} auf {host}',
} as const;

describe('say: plurals and numbers', () => {
  it('chooses the plural form by language, fills placeholders inside the chosen form', () => {
    expect(say(days, 'en', { days: 1, host: 'pc' })).toBe('in 1 day on pc');
    expect(say(days, 'en', { days: 0, host: 'pc' })).toBe('in no time on pc');
    expect(say(days, 'nl', { days: 2, host: 'pc' })).toBe('over 2 dagen op pc');
    // French: 0 and 1 are singular (CLDR "one").
    expect(say(days, 'fr', { days: 0, host: 'pc' })).toBe('dans 0 jour sur pc');
    expect(say(days, 'de', { days: 1, host: 'pc' })).toBe('in 1 Tag auf pc');
    expect(say(printer.stuck, 'nl', { count: 1, printer: 'HP-2' })).toBe('Er zit 1 document vast dat niet afdrukt op HP-2.');
    expect(say(printer.stuck, 'de', { count: 3, printer: 'HP-2' })).toBe('3 Dokumente hängen fest und werden auf HP-2 nicht gedruckt.');
  });

  it('formats numbers per language and leaves unknown placeholders as written', () => {
    expect(say(days, 'de', { days: 1200, host: 'pc' })).toBe('in 1.200 Tagen auf pc');
    expect(say(days, 'fr', { days: 1200, host: 'pc' })).toMatch(/^dans 1\s200 jours sur pc$/u);
    expect(say({ en: '{a} and {b}', nl: '', fr: '', de: '' }, 'en', { a: 'x' })).toBe('x and {b}');
  });

  // Troubleshooter YAML has no counts to choose by (static text, some for IT), so only the fixes' texts.
  it('no fix text writes a fake plural', () => {
    const fakePlural = /\p{L}\((?:s|en|e|n|x|er|es|pen)\)(?!\p{L})/u;
    const fixes = path.join(root, 'core', 'fixes');
    const files = readdirSync(fixes, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) =>
        readdirSync(path.join(fixes, d.name))
          .filter((f) => f === 'texts.ts')
          .map((f) => path.join(fixes, d.name, f)),
      );
    expect(files.length).toBeGreaterThan(8);
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !line.trim().startsWith('#') && !line.trim().startsWith('//') && !line.trim().startsWith('*') && fakePlural.test(line))
        .map((line) => `${path.relative(root, file)}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });

  it('keeps the review’s word fixes (issue 14, "Words")', () => {
    const sources = ['core/fixes/password/texts.ts', 'troubleshooters/printer-queue.yaml', 'troubleshooters/teams-cache.yaml', 'locales/nl/app.json', 'locales/fr/app.json', 'locales/de/app.json'].map(
      (f) => readFileSync(path.join(root, f), 'utf8'),
    );
    const all = sources.join('\n');
    for (const gone of [
      'Sie setzt es für Sie',
      'Zal Firstline',
      'Firstline doit-il',
      'Zwangsweise',
      'Refusé par vous',
      'Door jou niet toegestaan',
      'kon niet afronden',
      'gekend',
      'contacteren',
      'In wacht',
    ]) {
      expect(all, gone).not.toContain(gone);
    }
    for (const kept of [
      'sie setzt es für Sie',
      'Wil je dat Firstline',
      'Voulez-vous que Firstline',
      'Schließen erzwingen?',
      'Vous avez refusé',
      'Je hebt dit geweigerd',
      'Noch einmal versuchen',
      'Nog eens proberen',
    ]) {
      expect(all, kept).toContain(kept);
    }
  });
});
