/** The outage service the app wires up: feed refresh, what to show now, and "I'm affected too". */
import path from 'node:path';
import type { Lang } from '../kernel/lang.ts';
import { createAffectedStore, type MarkResult } from './affected.ts';
import { createOutageClient, type RefreshResult } from './client.ts';
import type { JsonStateFileOptions } from './json-file.ts';
import { activeOutages, localizeOutage, outagesFor, type LocalizedOutage } from './feed.ts';

export type ShownOutage = LocalizedOutage & { affected: boolean };

export type OutageServiceOptions = {
  url: string | undefined;
  dataDir: string;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
  /** A state file that could not be read was moved aside (`<name>.corrupt-<timestamp>.json`); log it. */
  onReport?: JsonStateFileOptions['onReport'];
};

/** The outage banner's data: the company feed (cached) and the outages this employee said they are affected by. */
export type OutageService = {
  refresh(): Promise<RefreshResult>;
  /** Outages active now, in the employee's language. */
  active(lang: Lang): ShownOutage[];
  /** Active outages that concern this troubleshooter (by id or category). */
  forTroubleshooter(troubleshooter: { id: string; category: string }, lang: Lang): ShownOutage[];
  markAffected(outageId: string): Promise<MarkResult | { error: 'unknown-outage' }>;
};

export function createOutageService(options: OutageServiceOptions): OutageService {
  const now = options.now ?? (() => new Date());
  const shared = { now, ...(options.fetch ? { fetch: options.fetch } : {}), ...(options.onReport ? { onReport: options.onReport } : {}) };
  const client = createOutageClient({ url: options.url, cacheFile: path.join(options.dataDir, 'outage-feed.json'), ...shared });
  const affected = createAffectedStore({ file: path.join(options.dataDir, 'outage-affected.json'), ...shared });
  const show =
    (lang: Lang) =>
    (o: Parameters<typeof localizeOutage>[0]): ShownOutage => ({ ...localizeOutage(o, lang), affected: affected.isAffected(o.id) });

  return {
    refresh: (): Promise<RefreshResult> => client.refresh(),
    /** Active outages for the Home banner (from the cached feed; call refresh() periodically). */
    active: (lang: Lang): ShownOutage[] => activeOutages(client.cached(), now()).map(show(lang)),
    /** Active outages matching one troubleshooter, shown before it runs. */
    forTroubleshooter: (troubleshooter: { id: string; category: string }, lang: Lang): ShownOutage[] => outagesFor(activeOutages(client.cached(), now()), troubleshooter).map(show(lang)),
    /** Idempotent; refuses ids that are not a currently active outage. Never creates a ticket. */
    async markAffected(outageId: string): Promise<MarkResult | { error: 'unknown-outage' }> {
      const outage = activeOutages(client.cached(), now()).find((o) => o.id === outageId);
      if (!outage) return { error: 'unknown-outage' };
      return affected.markAffected(outage);
    },
  };
}
