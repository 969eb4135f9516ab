/**
 * i18next with ICU messages. Locale files hold `{ key: { message, description? } }`; only the
 * message reaches i18next, the description is for translators.
 */
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';

type LocaleFile = Record<string, { message: string }>;
const files = import.meta.glob<LocaleFile>('../../locales/*/app.json', { eager: true, import: 'default' });

export const supportedLangs = ['en', 'nl', 'fr', 'de'] as const;
export type UiLang = (typeof supportedLangs)[number];

function resources() {
  const out: Record<string, { translation: Record<string, string> }> = {};
  for (const [file, content] of Object.entries(files)) {
    const lang = /locales\/([a-z]{2})\//.exec(file)?.[1];
    if (!lang) continue;
    out[lang] = { translation: Object.fromEntries(Object.entries(content).map(([k, v]) => [k, v.message])) };
  }
  return out;
}

export async function initI18n(lang: UiLang): Promise<typeof i18next> {
  await i18next
    .use(ICU)
    .use(initReactI18next)
    .init({ resources: resources(), lng: lang, fallbackLng: 'en', keySeparator: false, nsSeparator: false, interpolation: { escapeValue: false } });
  document.documentElement.lang = lang;
  return i18next;
}

/** Switches the whole window (and the texts the core sends from now on) to `lang`. */
export async function applyLanguage(lang: UiLang): Promise<void> {
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}
