/**
 * A desktop notification when a ticket's helpdesk status changes (issue 14: web-shop
 * transparency). Clicking it opens My tickets. Text is the helpdesk's own status and the ticket's
 * number or subject (already redacted in the outbox); nothing else leaves the app.
 */
import { Notification } from 'electron';

export type TicketChange = { clientId: string; title: string; number: string | null; state: string; raw: string };

export function createTicketNotifier(labels: { ticketChanged: string; ticketStatus(ticket: string, status: string): string }, onClick: () => void) {
  return async (change: TicketChange): Promise<void> => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({
      title: labels.ticketChanged,
      body: labels.ticketStatus(change.number ?? change.title.slice(0, 80), change.raw.slice(0, 120) || change.state),
      silent: false,
    });
    notification.on('click', onClick);
    notification.show();
  };
}
