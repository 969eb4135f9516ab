import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResult } from '../../../contract/index.ts';
import { call } from '../api.ts';
import { messageKeyOr } from '../messages.ts';
import { TicketWayOut } from './TicketWayOut.tsx';

type MyTicket = ChannelResult<'ticket:list'>[number];

/** Tickets whose helpdesk status or delivery differs from the list shown before. */
function countChanged(before: MyTicket[], after: MyTicket[]): number {
  const old = new Map(before.map((t) => [t.clientId, `${t.delivery}|${t.status?.state ?? ''}|${t.status?.raw ?? ''}`]));
  return after.filter((t) => old.get(t.clientId) !== `${t.delivery}|${t.status?.state ?? ''}|${t.status?.raw ?? ''}`).length;
}

const knownStates = new Set(['open', 'in-progress', 'waiting', 'resolved', 'closed']);

/**
 * "Where is my ticket?": what was sent from this machine, its delivery, and the helpdesk's status
 * where its API tells (asked for when the list opens, and on request).
 */
export function MyTickets() {
  const { t, i18n } = useTranslation();
  const [tickets, setTickets] = useState<MyTicket[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [checking, setChecking] = useState(false);
  /** What the last "Check status" found, said out loud (issue 14: visible feedback). */
  const [checked, setChecked] = useState<{ changed: number; at: Date } | 'failed' | null>(null);

  const refresh = (announce: boolean) => {
    setChecking(true);
    const before = tickets;
    call('ticket:refresh', {})
      .then(
        (list) => {
          setTickets(list);
          if (announce) setChecked({ changed: countChanged(before ?? [], list), at: new Date() });
        },
        () => announce && setChecked('failed'),
      )
      .finally(() => setChecking(false));
  };
  useEffect(() => {
    // The local list shows at once; the helpdesk's answer follows when it comes.
    call('ticket:list', {}).then(
      (list) => {
        setTickets(list);
        if (list.length > 0) refresh(false);
      },
      () => setFailed(true),
    );
    // Once on mount: `refresh` is recreated each render and reads the state current when it runs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const statusText = (status: NonNullable<MyTicket['status']>) => (knownStates.has(status.state) ? t(`myTickets.state.${status.state}`) : status.raw);
  return (
    <section aria-labelledby="my-tickets-heading" className="screen">
      <h3 id="my-tickets-heading" className="section-heading">
        {t('myTickets.heading')}
      </h3>
      {failed && <p role="alert">{t('history.loadFailed')}</p>}
      {tickets && tickets.length === 0 && <p>{t('myTickets.empty')}</p>}
      <ul className="tickets">
        {tickets?.map((ticket) => (
          <li key={ticket.clientId} className="history-item">
            <span className="tile-title">{ticket.title}</span>
            <span className="badge">{t(`myTickets.delivery.${ticket.delivery}`)}</span>
            <span className="tile-summary">
              <time dateTime={ticket.createdAt}>{when.format(new Date(ticket.createdAt))}</time>
              {ticket.number && ` · ${t('myTickets.number', { number: ticket.number })}`}
            </span>
            {ticket.status && (
              <span className="ticket-status">
                {t('myTickets.status', { status: statusText(ticket.status) })}
                {' · '}
                {t('myTickets.lastChange', { when: when.format(new Date(ticket.status.at)) })}
              </span>
            )}
            {ticket.delivery === 'rejected' && (
              <>
                <p className="error">{t(messageKeyOr(ticket.messageKey, 'ticket.error.rejected'))}</p>
                <TicketWayOut clientId={ticket.clientId} />
              </>
            )}
          </li>
        ))}
      </ul>
      {tickets && tickets.length > 0 && (
        <div className="button-row">
          <button type="button" className="button button-small" disabled={checking} onClick={() => refresh(true)}>
            {checking ? t('myTickets.checking') : t('myTickets.refresh')}
          </button>
        </div>
      )}
      <p role="status" className={checked === 'failed' ? 'error' : 'hint'}>
        {checked === 'failed'
          ? t('myTickets.checkFailed')
          : checked
            ? t('myTickets.checked', { count: checked.changed, time: new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(checked.at) })
            : ''}
      </p>
    </section>
  );
}
