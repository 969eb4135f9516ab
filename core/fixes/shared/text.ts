/**
 * Localized sentences for the fixes. Each message is a `Record<Lang, string>` so the compiler
 * refuses a missing translation: the fixes' texts live next to the code that decides them
 * (they are results, not UI chrome), and every one exists in en, nl, fr and de.
 */
import type { Lang } from '../../kernel/lang.ts';

export type Texts = Readonly<Record<Lang, string>>;

/** Picks the language and fills `{name}` placeholders (values are data, shown as-is). */
export function say(text: Texts, lang: Lang, values: Readonly<Record<string, string | number>> = {}): string {
  return text[lang].replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    return value === undefined ? whole : String(value);
  });
}
