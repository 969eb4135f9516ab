/**
 * Every locale file besides the renderer's app.json (today: shell.json, the tray and start-up
 * error texts) must have the same keys and ICU arguments in en, nl, fr and de, and an English
 * description per key for translators.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..', 'locales');
const langs = ['en', 'nl', 'fr', 'de'] as const;
type LocaleFile = Record<string, { message: string; description?: string }>;
const read = (lang: string, file: string) => JSON.parse(readFileSync(path.join(root, lang, file), 'utf8')) as LocaleFile;
const argNames = (message: string) =>
  parse(message)
    .flatMap((el) => ('value' in el && typeof el.value === 'string' && el.type !== 0 ? [el.value] : []))
    .sort();
const others = readdirSync(path.join(root, 'en')).filter((f) => f.endsWith('.json') && f !== 'app.json');

describe.each(others)('locales/*/%s', (file) => {
  const en = read('en', file);
  it('has every key, with the same arguments, in every language', () => {
    for (const lang of langs) {
      const other = read(lang, file);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) expect({ key, lang, args: argNames(other[key]!.message) }).toEqual({ key, lang, args: argNames(en[key]!.message) });
    }
  });
  it('describes every English key for translators', () => {
    expect(
      Object.entries(en)
        .filter(([, v]) => !v.description?.trim())
        .map(([k]) => k),
    ).toEqual([]);
  });
});
