import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TroubleshooterSummary } from '../../../contract/index.ts';
import { call } from '../api.ts';
import type { UiLang } from '../i18n.ts';

export function Home() {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<TroubleshooterSummary[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    call('catalog:list', { lang: i18n.language as UiLang }).then(setItems, () => setFailed(true));
  }, [i18n.language]);

  return (
    <section aria-labelledby="home-heading">
      <h2 id="home-heading">{t('home.heading')}</h2>
      {failed && <p role="alert">{t('home.loadFailed')}</p>}
      {items && items.length === 0 && <p>{t('home.empty')}</p>}
      <ul className="tiles">
        {items?.map((item) => (
          <li key={item.id} className="tile">
            <span className="tile-title">{item.title}</span>
            <span className="tile-summary">{item.summary}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
