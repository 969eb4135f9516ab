import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResult } from '../../../contract/index.ts';
import { call } from '../api.ts';

type MyTicket = ChannelResult<'ticket:list'>[number];

/** "Where is my ticket?": what was sent from this machine, delivery and helpdesk status. */
export function MyTickets() {
  const { t, i18n } = useTranslation();
  const [tickets, setTickets] = useState<MyTicket[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    call('ticket:list', {}).then(setTickets, () => setFailed(true));
  }, []);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
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
              {ticket.status && ` · ${t('myTickets.status', { status: ticket.status.raw || ticket.status.state })}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
