import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResult } from '../../../contract/index.ts';
import { call } from '../api.ts';
import { callEarly, earlyAnswer } from '../early-calls.ts';
import type { UiLang } from '../i18n.ts';

type Outage = ChannelResult<'outage:list'>[number];

/**
 * Known issues the organisation already works on ("Printing on the 3rd floor is down"), shown
 * above everything so employees do not open duplicate tickets. "I'm affected too" is counted once
 * and never creates a ticket. Renders nothing when all is well or the feed is unavailable.
 */
export function OutageBanner({ troubleshooterId }: { troubleshooterId?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as UiLang;
  // Home's list may already be here from the window's start (early-calls.ts).
  const [outages, setOutages] = useState<Outage[]>(() => (troubleshooterId ? undefined : earlyAnswer('outage:list', { lang })) ?? []);

  useEffect(() => {
    // On Home every active outage; in a run only those that may explain this problem.
    const request = troubleshooterId ? call('outage:for', { troubleshooterId, lang }) : callEarly('outage:list', { lang });
    request.then(setOutages, () => setOutages([]));
  }, [lang, troubleshooterId]);

  const markAffected = (outageId: string) => {
    // Shown at once; the core records it once per outage, whatever happens to this click.
    setOutages((list) => list.map((o) => (o.id === outageId ? { ...o, affected: true } : o)));
    call('outage:affected', { outageId }).catch(() => undefined);
  };

  if (outages.length === 0) return null;
  // Home's banner comes before the screen heading; in a run it sits under the run's title.
  const Heading = troubleshooterId ? 'h3' : 'h2';
  return (
    <section className="banner" aria-labelledby="outage-heading">
      <Heading id="outage-heading" className="banner-heading">
        {troubleshooterId ? t('outage.related', { count: outages.length }) : t('outage.heading', { count: outages.length })}
      </Heading>
      <ul className="banner-list">
        {outages.map((o) => (
          <li key={o.id} className="banner-item">
            <strong>{o.title}</strong>
            {o.message && <span>{o.message}</span>}
            {o.affected ? (
              <span role="status">{t('outage.affectedThanks')}</span>
            ) : (
              <button type="button" className="button button-small" aria-label={t('outage.affectedLabel', { title: o.title })} onClick={() => markAffected(o.id)}>
                {t('outage.affected')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <p className="banner-note">{t('outage.noTicketNeeded')}</p>
    </section>
  );
}
