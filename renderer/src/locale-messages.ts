/**
 * The window's messages, one language at a time: each `locales/<lang>/app.json` is its own
 * chunk, fetched only when that language is used, so the first load carries one language
 * instead of four (issue 8, 5b). The only import is the language list (four strings): the
 * start-up code loads this before React.
 */
import { langs, type Lang } from '../../contract/langs.ts';

export const supportedLangs = langs;
/** The window's language: the same set as the engine's `Lang`. */
export type UiLang = Lang;

type LocaleFile = Record<string, { message: string }>;
export type Messages = Record<string, string>;

const files = import.meta.glob<LocaleFile>('../../locales/*/app.json', { import: 'default' });
const loading = new Map<UiLang, Promise<Messages>>();

/** The messages of `lang` (descriptions are for translators and dropped), loaded once. */
export function loadMessages(lang: UiLang): Promise<Messages> {
  let messages = loading.get(lang);
  if (!messages) {
    const load = files[`../../locales/${lang}/app.json`];
    if (!load) return Promise.reject(new Error(`no messages for ${lang}`));
    messages = load().then((content) => Object.fromEntries(Object.entries(content).map(([k, v]) => [k, v.message])));
    // A failed load (connection lost) may be tried again.
    messages.catch(() => loading.delete(lang));
    loading.set(lang, messages);
  }
  return messages;
}
