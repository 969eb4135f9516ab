import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, ChannelResult } from '../../../contract/index.ts';
import { call } from '../api.ts';
import { TicketWayOut } from './TicketWayOut.tsx';

type SendResult = ChannelResult<'ticket:send'>;

/**
 * What happens next, after a ticket left (issue 14): the number, when IT usually answers, and
 * where to follow it. For the mail-program fallback: open it, with Copy / Save as the way out.
 */
export function TicketSent({ result, info, onHome, onMyTickets }: { result: SendResult; info: AppInfo | null; onHome(): void; onMyTickets(): void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const responseHours = info?.supportContact.responseHours;
  const followable = result.kind === 'sent' || result.kind === 'queued';
  return (
    <div className="ending ending-sent">
      <h3 ref={heading} tabIndex={-1} className="ending-heading">
        {result.kind === 'sent' && (result.number ? t('ticket.sent', { number: result.number }) : t('ticket.sentNoNumber'))}
        {result.kind === 'queued' && t('ticket.queued')}
        {result.kind === 'mailto' && t('ticket.mailtoHeading')}
      </h3>
      {result.kind === 'mailto' && <OpenMail clientId={result.clientId} />}
      {followable && responseHours !== undefined && <p>{t('ticket.responseTime', { hours: responseHours })}</p>}
      {followable && <p>{t('ticket.followUp')}</p>}
      <div className="button-row">
        {followable && (
          <button type="button" className="button button-primary" onClick={onMyTickets}>
            {t('ticket.toMyTickets')}
          </button>
        )}
        <button type="button" className="button" onClick={onHome}>
          {t('ending.home')}
        </button>
      </div>
    </div>
  );
}

/**
 * No helpdesk connector: the employee's mail program sends the ticket. Opened once right away
 * (the employee pressed "Open in your email app"); the button stays for a second try, and the
 * text can be copied or saved when there is no mail program at all.
 */
function OpenMail({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'opening' | 'opened' | 'failed'>('idle');
  const open = () => {
    setState('opening');
    call('ticket:open-mail', { clientId }).then(
      ({ opened }) => setState(opened ? 'opened' : 'failed'),
      () => setState('failed'),
    );
  };
  // StrictMode mounts twice in development; the mail program opens once.
  const openedOnce = useRef(false);
  useEffect(() => {
    if (openedOnce.current) return;
    openedOnce.current = true;
    open();
  });
  return (
    <>
      <p>
        <button type="button" className="button button-primary" disabled={state === 'opening'} onClick={open}>
          {t('ticket.openMail')}
        </button>
      </p>
      <p role="status" className={state === 'failed' ? 'error' : ''}>
        {state === 'opened' ? t('ticket.openMailOpened') : state === 'failed' ? t('ticket.openMailFailed') : ''}
      </p>
      <TicketWayOut clientId={clientId} />
    </>
  );
}
