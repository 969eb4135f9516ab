import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../contract/index.ts';
import { call } from '../api.ts';

/**
 * "Rather talk to a person?" leads to a way to talk: the phone number and the call-back page
 * from policy first, then asking IT to call back on a number the employee gives, writing to IT
 * after them (issue 14).
 */
export function TalkToPerson({ info, onWrite, onCallback }: { info: AppInfo | null; onWrite(): void; onCallback(): void }) {
  const { t } = useTranslation();
  const contact = info?.supportContact ?? {};
  const [failed, setFailed] = useState(false);
  const open = (via: 'phone' | 'call') => {
    setFailed(false);
    call('support:open', { via }).then(
      ({ opened }) => setFailed(!opened),
      () => setFailed(true),
    );
  };
  return (
    <div className="home-human">
      <p className="hint">{t('home.human')}</p>
      <div className="button-row">
        {contact.phone && (
          <a
            className="button"
            href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}
            onClick={(event) => {
              event.preventDefault();
              open('phone');
            }}
          >
            {t('home.humanCall', { phone: contact.phone })}
          </a>
        )}
        {contact.callUrl && (
          <button type="button" className="button" onClick={() => open('call')}>
            {t('contact.callBack')}
          </button>
        )}
        {/* Works without any policy: the number goes to IT with the ticket (or in the text to copy). */}
        <button type="button" className="button" onClick={onCallback}>
          {t('contact.askCallback')}
        </button>
        <button type="button" className="button" onClick={onWrite}>
          {t('home.humanAction')}
        </button>
      </div>
      {contact.hours && <p className="hint">{t('contact.hours', { hours: contact.hours })}</p>}
      <p role="status" className={failed ? 'error' : 'visually-hidden'}>
        {failed ? t('contact.openFailed') : ''}
      </p>
    </div>
  );
}
