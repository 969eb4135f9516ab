import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../contract/index.ts';

export function Contact({ info, onBack }: { info: AppInfo | null; onBack(): void }) {
  const { t } = useTranslation();
  const contact = info?.supportContact ?? {};
  return (
    <section aria-labelledby="contact-heading">
      <h2 id="contact-heading">{t('contact.heading')}</h2>
      <p>{t('contact.intro')}</p>
      {contact.email && <p>{t('contact.email', { email: contact.email })}</p>}
      {contact.phone && <p>{t('contact.phone', { phone: contact.phone })}</p>}
      <button type="button" className="button" onClick={onBack}>
        {t('action.back')}
      </button>
    </section>
  );
}
