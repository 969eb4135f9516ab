/**
 * i18next with ICU messages. Locale files hold `{ key: { message, description? } }`; only the
 * message reaches i18next, the description is for translators. Only the language in use is
 * loaded (locale-messages.ts); the others arrive when the employee switches to them.
 */
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { IntlMessageFormat } from 'intl-messageformat';
import { initReactI18next } from 'react-i18next';
import { loadMessages, type UiLang } from './locale-messages.ts';

// intl-messageformat resolves each message's locale with Intl.NumberFormat.supportedLocalesOf,
// whose first call loads the browser's number data: 40-130 ms on the first render, for
// messages that format no number. Our four languages are always supported, so the locale is
// taken as given; the number data is loaded when the window is idle (warmNumberFormat).
IntlMessageFormat.resolveLocale = (locales) => new Intl.Locale(Array.isArray(locales) ? (locales[0] ?? 'en') : locales);

export { supportedLangs, type UiLang } from './locale-messages.ts';

/**
 * A message with no ICU syntax is its own text: no argument, plural or select needs braces, and
 * with tags ignored (as i18next-icu sets) an apostrophe only quotes next to a brace or as `''`.
 * Most of the window's messages are like that (250 of 279 in English).
 */
export function isPlainMessage(message: string): boolean {
  return !/[{}]|''/.test(message);
}

type IcuParse = (res: unknown, ...rest: unknown[]) => unknown;

/**
 * i18next-icu, except that a plain message is returned as it is instead of going through
 * IntlMessageFormat: building one per message cost ~40 ms of the first render of the home
 * screen (a dozen plain texts) on a 2-core machine (`npm run bench -- ui`).
 */
export function plainFirstIcu(): InstanceType<typeof ICU> {
  const icu = new ICU() as InstanceType<typeof ICU> & { parse: IcuParse };
  const parseIcu = icu.parse.bind(icu);
  icu.parse = (res, ...rest) => (typeof res === 'string' && isPlainMessage(res) ? res : parseIcu(res, ...rest));
  return icu;
}

let numbersWarmed = false;

/**
 * Loads the number data plural messages ("3 fixes found") need, once the window is idle, so
 * the first keystroke in the search box does not pay for it. Called once the home screen shows
 * its fixes: earlier, it could hold up the answers the first render is waiting for.
 */
export function warmNumberFormat(lang: UiLang): void {
  if (numbersWarmed) return;
  numbersWarmed = true;
  const warm = () => new Intl.NumberFormat(lang).format(0);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm, 0);
}

async function ensureLoaded(lang: UiLang): Promise<void> {
  if (i18next.hasResourceBundle(lang, 'translation')) return;
  i18next.addResourceBundle(lang, 'translation', await loadMessages(lang));
}

export async function initI18n(lang: UiLang): Promise<typeof i18next> {
  const messages = await loadMessages(lang);
  // No fallback language: test/unit/i18n proves every key exists in every language, so
  // loading English as well would only add a download.
  await i18next
    .use(plainFirstIcu())
    .use(initReactI18next)
    .init({
      resources: { [lang]: { translation: messages } },
      lng: lang,
      fallbackLng: false,
      keySeparator: false,
      nsSeparator: false,
      interpolation: { escapeValue: false },
    });
  document.documentElement.lang = lang;
  return i18next;
}

/** Switches the whole window (and the texts the core sends from now on) to `lang`. */
export async function applyLanguage(lang: UiLang): Promise<void> {
  await ensureLoaded(lang);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}
