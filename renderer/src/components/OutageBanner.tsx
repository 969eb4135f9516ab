import { useTranslation } from 'react-i18next';

export type Outage = { id: string; title: string; message?: string | undefined };

/**
 * Known issues the organisation already works on ("Printing in building B is down"), shown above
 * everything so employees do not open duplicate tickets. Renders nothing when all is well.
 */
export function OutageBanner({ outages }: { outages: readonly Outage[] }) {
  const { t } = useTranslation();
  if (outages.length === 0) return null;
  return (
    <section className="banner" aria-labelledby="outage-heading">
      <h2 id="outage-heading" className="banner-heading">
        {t('outage.heading', { count: outages.length })}
      </h2>
      <ul className="banner-list">
        {outages.map((o) => (
          <li key={o.id}>
            <strong>{o.title}</strong>
            {o.message && <span> — {o.message}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
