import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../contract/index.ts';

/**
 * Asks before anything changes the machine and says exactly what will change. A native modal
 * <dialog>: the browser makes the rest of the page inert (the focus stays inside) and Escape
 * fires `cancel`, which we treat as "no". The page behind is inert, so Contact IT lives in the
 * dialog too: asking IT first stops the fix (nothing is changed) and opens the contact screen.
 */
export function ConsentDialog({
  changes,
  elevation,
  info,
  onAnswer,
  onContactIt,
}: {
  changes: string[];
  elevation: boolean;
  info: AppInfo | null;
  onAnswer(granted: boolean): void;
  onContactIt(): void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const answered = useRef(false);
  const answer = (granted: boolean) => {
    if (answered.current) return;
    answered.current = true;
    ref.current?.close();
    onAnswer(granted);
  };

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="consent-heading"
      aria-describedby="consent-intro"
      onCancel={(e) => {
        e.preventDefault();
        answer(false);
      }}
    >
      <h2 id="consent-heading">{t('consent.heading')}</h2>
      <p id="consent-intro">{t('consent.intro', { count: changes.length })}</p>
      <ul className="consent-changes">
        {changes.map((c, i) => (
          <li key={i}>{c}</li>
        ))}
      </ul>
      {elevation && <p className="hint">{t('consent.elevation')}</p>}
      <p className="hint">{t('consent.refuseHint')}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => answer(false)}>
          {t('consent.refuse')}
        </button>
        <button type="button" className="button button-primary" onClick={() => answer(true)}>
          {t('consent.allow')}
        </button>
      </div>
      <p className="hint dialog-contact">
        {t('consent.askFirst')}{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            answered.current = true;
            ref.current?.close();
            onContactIt();
          }}
        >
          {info?.supportContact.name ? t('consent.contactNamed', { name: info.supportContact.name }) : t('action.contactIt')}
        </button>
      </p>
    </dialog>
  );
}
