/**
 * Which `mailto:` URLs may be handed to the employee's mail program. Only the ticket fallback
 * builds them (core/tickets/connectors/mailto.ts); this check is what the shell applies before
 * `shell.openExternal`, so nothing but a plain, single-line mail link of bounded size leaves.
 */

/**
 * Core keeps the whole encoded URL under 2,000 characters (MAILTO_URL_BUDGET in
 * core/tickets/connectors/mailto.ts). Far above that is not ours.
 */
export const MAILTO_URL_LIMIT = 16_384;

export type MailtoDecision = { allowed: true; url: string } | { allowed: false; reason: 'malformed' | 'not-mailto' | 'control-characters' | 'too-long' };

export function checkMailtoUrl(raw: string): MailtoDecision {
  if (raw.length > MAILTO_URL_LIMIT) return { allowed: false, reason: 'too-long' };
  // Raw CR/LF (or any control character) could split what the OS passes on to the mail program;
  // line breaks inside the body travel percent-encoded (%0A) and are fine.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) return { allowed: false, reason: 'control-characters' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed: false, reason: 'malformed' };
  }
  if (url.protocol !== 'mailto:' || !raw.startsWith('mailto:')) return { allowed: false, reason: 'not-mailto' };
  if (!headersAreSingleLine(raw.slice('mailto:'.length))) return { allowed: false, reason: 'control-characters' };
  return { allowed: true, url: raw };
}

/**
 * RFC 6068 allows line breaks only in `body`; an encoded CR/LF in the address, the subject or
 * any other header field could add headers (Bcc: …) in some mail programs.
 */
function headersAreSingleLine(rest: string): boolean {
  const [to = '', query = ''] = rest.split(/\?(.*)/s, 2);
  const fields = query ? query.split('&') : [];
  const parts = [to, ...fields.filter((f) => f.split('=', 1)[0]?.toLowerCase() !== 'body')];
  return parts.every((part) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return false;
    }
    // eslint-disable-next-line no-control-regex
    return !/[\u0000-\u001f\u007f]/.test(decoded);
  });
}
