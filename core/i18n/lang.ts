/** The employee's language: their own choice, else the policy default, else the OS locale, else English. */
import type { Lang } from '../engine/action.ts';

export const langs: readonly Lang[] = ['en', 'nl', 'fr', 'de'];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (langs as readonly string[]).includes(value);
}

/** `nl-BE` → `nl`, `fr_BE.UTF-8` → `fr`, `de-CH` → `de`; anything else → undefined. */
export function langFromLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  const primary = locale.trim().toLowerCase().split(/[-_.@]/)[0];
  return isLang(primary) ? primary : undefined;
}

export function chooseLang(options: { user?: string | undefined; policy?: string | undefined; osLocale?: string | undefined }): Lang {
  if (isLang(options.user)) return options.user;
  if (isLang(options.policy)) return options.policy;
  return langFromLocale(options.osLocale) ?? 'en';
}
