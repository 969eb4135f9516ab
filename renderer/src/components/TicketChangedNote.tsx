import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../contract/index.ts';
import { on } from '../api.ts';

type Change = EventPayload<'ticket:changed'>;
const knownStates = new Set(['open', 'in-progress', 'waiting', 'resolved', 'closed']);

/**
 * An in-window note when a ticket's helpdesk status changes, on every screen (the Electron
 * shell also shows a desktop notification). "Show" opens My tickets; the note can be closed.
 */
export function TicketChangedNote({ onShow }: { onShow(): void }) {
  const { t } = useTranslation();
  const [change, setChange] = useState<Change | null>(null);
  useEffect(() => on('ticket:changed', setChange), []);
  const status = change ? (knownStates.has(change.state) ? t(`myTickets.state.${change.state}`) : change.raw) : '';
  return (
    <div role="status" className={change ? 'banner ticket-note' : 'visually-hidden'}>
      {change && (
        <>
          <p className="banner-note">{t('myTickets.changedNote', { ticket: change.number ?? change.title, status })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setChange(null);
                onShow();
              }}
            >
              {t('myTickets.changedShow')}
            </button>
            <button type="button" className="button button-small" onClick={() => setChange(null)}>
              {t('myTickets.changedClose')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
