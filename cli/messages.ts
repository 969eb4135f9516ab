/** The CLI's own words for IT staff (the dry-run plan's framing), from locales/<lang>/cli.json. */
import de from '../locales/de/cli.json' with { type: 'json' };
import en from '../locales/en/cli.json' with { type: 'json' };
import fr from '../locales/fr/cli.json' with { type: 'json' };
import nl from '../locales/nl/cli.json' with { type: 'json' };
import type { Lang } from '../core/kernel/lang.ts';

export type CliMessageKey = keyof typeof en;
const tables: Record<Lang, Record<CliMessageKey, { message: string }>> = { en, nl, fr, de };

/** `{name}` arguments only (no plurals needed here); a missing translation falls back to English. */
export function cliText(lang: Lang, key: CliMessageKey, args: Record<string, string | number> = {}): string {
  const message = tables[lang][key].message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}
