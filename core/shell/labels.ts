/** Tray labels in the employee's language, from locales/<lang>/shell.json. */
import en from '../../locales/en/shell.json' with { type: 'json' };
import nl from '../../locales/nl/shell.json' with { type: 'json' };
import fr from '../../locales/fr/shell.json' with { type: 'json' };
import de from '../../locales/de/shell.json' with { type: 'json' };
import type { Lang } from '../kernel/lang.ts';

type Messages = Record<string, { message: string }>;
const all: Record<Lang, Messages> = { en, nl, fr, de };

export function shellLabels(lang: Lang) {
  const pick = (key: string) => all[lang][key]?.message ?? en[key as keyof typeof en].message;
  return {
    open: pick('tray.open'),
    contact: pick('tray.contact'),
    quit: pick('tray.quit'),
    tooltip: pick('tray.tooltip'),
    startFailed: pick('app.startFailed'),
    ticketChanged: pick('notify.ticketChanged'),
    /** Plain {ticket}/{status} placeholders only; the values are the helpdesk's own words. */
    ticketStatus: (ticket: string, status: string) => pick('notify.ticketStatus').replace('{ticket}', ticket).replace('{status}', status),
  };
}
