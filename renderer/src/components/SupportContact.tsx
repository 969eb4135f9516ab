import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../contract/index.ts';

/** The helpdesk's own phone and email, when the organisation set them: a human, never blocked. */
export function SupportContact({ info }: { info: AppInfo | null }) {
  const { t } = useTranslation();
  const contact = info?.supportContact ?? {};
  if (!contact.email && !contact.phone) return null;
  return (
    <p className="support-contact">
      {contact.phone && <span>{t('contact.phone', { phone: contact.phone })} </span>}
      {contact.email && <span>{t('contact.email', { email: contact.email })}</span>}
    </p>
  );
}
