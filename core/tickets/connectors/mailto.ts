/**
 * `mailto:` fallback when nothing else is configured: the employee's mail program sends it. No
 * attachments are possible and long URLs get cut by some mail clients, so the body is kept short
 * (the employee's words, the first lines of what was tried, and the reference).
 */
import { sliceWhole, ticketBody, wellFormed } from '../draft.ts';
import type { TicketDraft } from '../types.ts';

export const MAILTO_BODY_LIMIT = 1500;

export function buildMailtoUrl(to: string, draft: TicketDraft): string {
  let body = wellFormed(ticketBody(draft));
  if (body.length > MAILTO_BODY_LIMIT) {
    const reference = draft.details.split('\n').filter((l) => l.includes(draft.clientId)).join('\n');
    body = `${sliceWhole(body, MAILTO_BODY_LIMIT - reference.length - 4).trimEnd()}\n…\n\n${reference}`;
  }
  // encodeURIComponent, not URLSearchParams: mail clients expect %20, not '+', for spaces.
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${encodeURIComponent(wellFormed(draft.title))}&body=${encodeURIComponent(body)}`;
}
