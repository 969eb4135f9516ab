/**
 * The languages Firstline speaks. `langs` is the one list: every enum, schema and loop over
 * languages derives from it, so adding a language is one edit here plus its translations
 * (checklist in CONTRIBUTING.md).
 *
 * The employee's language: their own choice, else the policy default, else the OS locale, else English.
 */
export const langs = ['en', 'nl', 'fr', 'de'] as const;
export type Lang = (typeof langs)[number];

/** English is required in every text and shown when a translation is missing. */
export const defaultLang: Lang = 'en';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (langs as readonly string[]).includes(value);
}

/** `nl-BE` → `nl`, `fr_BE.UTF-8` → `fr`, `de-CH` → `de`; anything else → undefined. */
export function langFromLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  const primary = locale
    .trim()
    .toLowerCase()
    .split(/[-_.@]/)[0];
  return isLang(primary) ? primary : undefined;
}

export function chooseLang(options: { user?: string | undefined; policy?: string | undefined; osLocale?: string | undefined }): Lang {
  if (isLang(options.user)) return options.user;
  if (isLang(options.policy)) return options.policy;
  return langFromLocale(options.osLocale) ?? defaultLang;
}
