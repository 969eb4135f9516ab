/**
 * Issue 14, words: English left in other languages ("(built-in)", "(not set)", "(wired)") and
 * fake plurals ("dag(en)", "jour(s)", "file(s)") must not come back; plurals are ICU messages.
 * Scans every locale file and the ticket labels.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const english = /\((?:built-in|not set|wired|wireless|default|none|unknown)\)/i;
const fakePlural = /\p{L}\((?:s|en|e|n|x|er|es)\)(?!\p{L})/u;

function messages(lang: string): Array<[string, string]> {
  const dir = path.join(root, 'locales', lang);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) =>
      Object.entries(JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, { message?: unknown }>).map(([k, v]): [string, string] => [`${lang}/${f} ${k}`, String(v.message ?? '')]),
    );
}

describe('no leftover words', () => {
  it('has no English placeholders in nl, fr or de, and no fake plurals in any language', () => {
    const problems = [
      ...['nl', 'fr', 'de'].flatMap((lang) => messages(lang).filter(([, m]) => english.test(m))),
      ...['en', 'nl', 'fr', 'de'].flatMap((lang) => messages(lang).filter(([, m]) => fakePlural.test(m))),
    ].map(([where, m]) => `${where}: ${m}`);
    expect(problems).toEqual([]);
  });

  it('keeps the ticket labels free of fake plurals too', () => {
    const source = readFileSync(path.join(root, 'core', 'tickets', 'labels.ts'), 'utf8');
    expect(source.split('\n').filter((line) => fakePlural.test(line))).toEqual([]);
  });

  it('names IT one way in French: "le service informatique", never "l’informatique", "l’IT" or "service IT"', () => {
    // Locale files, built-in troubleshooters (fr: lines) and the fixes' own texts.
    const other = /\b[lL]['’](?:[iI]nformatique|IT)\b|\b[sS]ervice IT\b/;
    const sources = [
      ...messages('fr').map(([where, m]) => [where, m] as const),
      ...['troubleshooters', 'troubleshooters/examples', 'core/fixes/password', 'core/policy/templates'].flatMap((dir) =>
        readdirSync(path.join(root, dir))
          .filter((f) => /\.(ya?ml|ts)$/.test(f))
          .map((f) => [`${dir}/${f}`, readFileSync(path.join(root, dir, f), 'utf8')] as const),
      ),
    ];
    expect(sources.filter(([, text]) => other.test(text)).map(([where]) => where)).toEqual([]);
    expect(other.test('Contactez l’informatique')).toBe(true);
    expect(other.test('Contacter l’IT')).toBe(true);
    expect(other.test('le service IT')).toBe(true);
    expect(other.test('le service informatique')).toBe(false);
  });

  it('the patterns catch what the review found', () => {
    for (const bad of ['dag(en)', 'jour(s)', 'document(en)', 'file(s)']) expect(fakePlural.test(bad)).toBe(true);
    for (const bad of ['Printer (built-in)', 'Proxy (not set)', 'eth0 (wired)']) expect(english.test(bad)).toBe(true);
    expect(fakePlural.test('{count, plural, one {# dag} other {# dagen}}')).toBe(false);
    expect(fakePlural.test('Settings (for IT)')).toBe(false);
  });
});
