import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../contract/index.ts';
import { call } from '../api.ts';

type Via = 'phone' | 'email' | 'web' | 'call';
type Contact = AppInfo['supportContact'];

export function hasContact(contact: Contact | undefined): boolean {
  return Boolean(contact && (contact.phone || contact.email || contact.callUrl || contact.url));
}

/**
 * How to reach a human, from policy: phone and e-mail as real tel:/mailto: links (the app opens
 * them, the window never navigates), opening hours, response time and the call-back page. With
 * nothing configured it says plainly whom to ask: never a dead end (issue 14).
 */
export function SupportContact({ info, heading = true }: { info: AppInfo | null; heading?: boolean }) {
  const { t } = useTranslation();
  const contact = info?.supportContact ?? {};
  const [note, setNote] = useState<'' | 'failed'>('');
  const open = (via: Via) => (event: MouseEvent) => {
    event.preventDefault();
    setNote('');
    call('support:open', { via }).then(
      ({ opened }) => setNote(opened ? '' : 'failed'),
      () => setNote('failed'),
    );
  };
  if (!info) return null;
  if (!hasContact(contact)) {
    return (
      <div className="support-contact">
        <p>{t('contact.none')}</p>
      </div>
    );
  }
  return (
    <div className="support-contact">
      {heading && <h3 className="section-heading">{contact.name ? t('contact.headingNamed', { name: contact.name }) : t('contact.heading')}</h3>}
      <ul className="contact-list">
        {contact.phone && (
          <li>
            {t('contact.phoneLabel')}{' '}
            <a href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`} onClick={open('phone')}>
              {contact.phone}
            </a>
          </li>
        )}
        {contact.email && (
          <li>
            {t('contact.emailLabel')}{' '}
            <a href={`mailto:${contact.email}`} onClick={open('email')}>
              {contact.email}
            </a>
          </li>
        )}
        {contact.hours && <li>{t('contact.hours', { hours: contact.hours })}</li>}
        {contact.responseHours !== undefined && <li>{t('contact.responseTime', { hours: contact.responseHours })}</li>}
      </ul>
      {(contact.callUrl || contact.url) && (
        <div className="button-row">
          {contact.callUrl && (
            <button type="button" className="button" onClick={open('call')}>
              {t('contact.callBack')}
            </button>
          )}
          {contact.url && (
            <button type="button" className="button" onClick={open('web')}>
              {t('contact.web')}
            </button>
          )}
        </div>
      )}
      <p role="status" className={note ? 'error' : 'visually-hidden'}>
        {note === 'failed' ? t('contact.openFailed') : ''}
      </p>
    </div>
  );
}
