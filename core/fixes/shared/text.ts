/**
 * Localized sentences for the fixes. Each message is a `Record<Lang, string>` so the compiler
 * refuses a missing translation: the fixes' texts live next to the code that decides them
 * (they are results, not UI chrome), and every one exists in en, nl, fr and de.
 */
import type { Lang } from '../../kernel/lang.ts';

export type Texts = Readonly<Record<Lang, string>>;

/** A repair found nothing to change (the fixes that say it in these words share it). */
export const nothingNeeded: Texts = {
  en: 'Nothing needed to change.',
  nl: 'Er hoefde niets te veranderen.',
  fr: 'Rien ne devait être modifié.',
  de: 'Es musste nichts geändert werden.',
};

/** The end of the `{…}` that opens at `start` (nested braces counted), or -1. */
function closing(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `one {…} other {…}` / `=0 {…}` options of an ICU plural, by selector. */
function pluralOptions(body: string): Map<string, string> {
  const options = new Map<string, string>();
  let at = 0;
  while (at < body.length) {
    const open = body.indexOf('{', at);
    if (open === -1) break;
    const end = closing(body, open);
    if (end === -1) break;
    options.set(body.slice(at, open).trim(), body.slice(open + 1, end));
    at = end + 1;
  }
  return options;
}

/**
 * Picks the language and fills `{name}` placeholders (values are data, shown as-is; numbers in
 * the language's own format). `{name, plural, one {# day} other {# days}}` chooses by the
 * language's plural rules (ICU subset: `=N`, the CLDR categories and `#`), so no "day(s)".
 */
export function say(text: Texts, lang: Lang, values: Readonly<Record<string, string | number>> = {}): string {
  const number = new Intl.NumberFormat(lang);
  const show = (value: string | number) => (typeof value === 'number' ? number.format(value) : value);
  const fill = (message: string): string => {
    let out = '';
    let at = 0;
    while (at < message.length) {
      const open = message.indexOf('{', at);
      if (open === -1) break;
      const end = closing(message, open);
      if (end === -1) break;
      out += message.slice(at, open);
      const inner = message.slice(open + 1, end);
      const plural = /^(\w+),\s*plural,(.*)$/s.exec(inner);
      const key = plural ? (plural[1] as string) : inner.trim();
      const value = values[key];
      if (plural && typeof value === 'number') {
        const options = pluralOptions(plural[2] as string);
        const chosen = options.get(`=${value}`) ?? options.get(new Intl.PluralRules(lang).select(value)) ?? options.get('other') ?? '';
        out += fill(chosen.replace(/#/g, number.format(value)));
      } else if (/^\w+$/.test(inner) && value !== undefined) out += show(value);
      else out += message.slice(open, end + 1);
      at = end + 1;
    }
    return out + message.slice(at);
  };
  return fill(text[lang]);
}
