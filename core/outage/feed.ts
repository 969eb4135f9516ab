/**
 * The outage feed: a JSON document IT publishes (status page, SharePoint, any static host) so
 * employees see "known issue, IT is on it" instead of opening duplicate tickets.
 * Format documented in docs/admin.md ("Outage feed").
 */
import { z } from 'zod';
import type { Lang } from '../kernel/lang.ts';
import { isAllowedRemoteUrl } from '../policy/schema.ts';

const localized = z.object({ en: z.string().min(1), nl: z.string().optional(), fr: z.string().optional(), de: z.string().optional() }).strict();
const httpsUrl = z.string().refine(isAllowedRemoteUrl, { message: 'must be an https:// URL' });

export const outageSchema = z.object({
  /** Stable id; "I'm affected too" is recorded against it. */
  id: z.string().regex(/^[A-Za-z0-9._:-]{1,80}$/),
  title: localized,
  message: localized,
  affects: z
    .object({
      troubleshooters: z.array(z.string()).default([]),
      categories: z.array(z.string()).default([]),
    })
    .default({ troubleshooters: [], categories: [] }),
  startsAt: z.iso.datetime({ offset: true }),
  /** Omitted while the end is unknown. */
  endsAt: z.iso.datetime({ offset: true }).optional(),
  severity: z.enum(['info', 'minor', 'major']).default('minor'),
  /** Status page for details. */
  link: httpsUrl.optional(),
  /** Optional counter: "I'm affected too" POSTs `{ "outageId": … }` here once per machine, anonymously. */
  affectedCountUrl: httpsUrl.optional(),
});
export type Outage = z.infer<typeof outageSchema>;

export const outageFeedSchema = z.object({
  version: z.literal(1),
  outages: z.array(outageSchema).max(200),
});
export type OutageFeed = z.infer<typeof outageFeedSchema>;

/** Outages whose window contains `now` (startsAt inclusive, endsAt exclusive), most severe first. */
export function activeOutages(feed: OutageFeed, now: Date): Outage[] {
  const t = now.getTime();
  const rank = { major: 0, minor: 1, info: 2 } as const;
  return feed.outages
    .filter((o) => Date.parse(o.startsAt) <= t && (o.endsAt === undefined || t < Date.parse(o.endsAt)))
    .sort((a, b) => rank[a.severity] - rank[b.severity] || Date.parse(b.startsAt) - Date.parse(a.startsAt));
}

/** Active outages that concern one troubleshooter, by id or by its category. */
export function outagesFor(active: readonly Outage[], troubleshooter: { id: string; category: string }): Outage[] {
  return active.filter((o) => o.affects.troubleshooters.includes(troubleshooter.id) || o.affects.categories.includes(troubleshooter.category));
}

export type LocalizedOutage = {
  id: string;
  title: string;
  message: string;
  severity: Outage['severity'];
  startsAt: string;
  endsAt?: string;
  link?: string;
  troubleshooters: string[];
  categories: string[];
};

/** Texts in the employee's language, falling back to English where IT did not translate. */
export function localizeOutage(outage: Outage, lang: Lang): LocalizedOutage {
  return {
    id: outage.id,
    title: outage.title[lang] ?? outage.title.en,
    message: outage.message[lang] ?? outage.message.en,
    severity: outage.severity,
    startsAt: outage.startsAt,
    ...(outage.endsAt ? { endsAt: outage.endsAt } : {}),
    ...(outage.link ? { link: outage.link } : {}),
    troubleshooters: outage.affects.troubleshooters,
    categories: outage.affects.categories,
  };
}
