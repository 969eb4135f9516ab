/**
 * `mailto:` fallback when nothing else is configured: the employee's mail program sends it. No
 * attachments are possible and long URLs get cut (some mail clients) or refused (Windows'
 * ShellExecute fails past ~2,080 characters, electron/electron#9987), so the whole encoded URL is
 * kept under MAILTO_URL_BUDGET: the employee's words and the first lines of what was tried, then
 * the reference IT needs to find the rest.
 */
import { z } from 'zod';
import { sliceWhole, ticketBody, wellFormed } from '../draft.ts';
import type { TicketDraft } from '../types.ts';
import { defineConnector } from './unit.ts';

export const mailtoConfigSchema = z.object({
  type: z.literal('mailto'),
  to: z.string().min(3),
});

/** Not a delivering connector: `create` gives null and the ticket service offers `buildMailtoUrl`. */
export const mailtoConnector = defineConnector({
  type: 'mailto',
  configSchema: mailtoConfigSchema,
  secretNames: () => [],
  create: () => null,
});

/** Encoded length of the whole URL, below Windows' ShellExecute limit with room to spare. */
export const MAILTO_URL_BUDGET = 2000;

// encodeURIComponent, not URLSearchParams: mail clients expect %20, not '+', for spaces.
const encode = (text: string) => encodeURIComponent(text);

export function buildMailtoUrl(to: string, draft: TicketDraft): string {
  const head = `mailto:${encode(to).replace(/%40/g, '@')}?subject=${encode(sliceWhole(wellFormed(draft.title), 200))}&body=`;
  const full = wellFormed(ticketBody(draft));
  if (head.length + encode(full).length <= MAILTO_URL_BUDGET) return head + encode(full);
  const reference = wellFormed(
    draft.details
      .split('\n')
      .filter((l) => l.includes(draft.clientId))
      .join('\n'),
  );
  const tail = `\n…\n\n${reference}`;
  // Longest prefix of the body whose encoded URL fits (binary search on whole code points).
  let low = 0;
  let high = full.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const candidate = head + encode(`${sliceWhole(full, mid).trimEnd()}${tail}`);
    if (candidate.length <= MAILTO_URL_BUDGET) low = mid;
    else high = mid - 1;
  }
  return head + encode(`${sliceWhole(full, low).trimEnd()}${tail}`);
}
