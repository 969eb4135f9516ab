/**
 * The support contact's links (policy `support`): a `tel:` link built from the phone number and a
 * plain `mailto:` link built from the address. The renderer names which one it wants; the app
 * builds the URL here and the shell opens it only after this check (never a URL from the renderer).
 */
import { checkMailtoUrl } from './mailto-url.ts';

export type ContactDecision = { allowed: true; url: string } | { allowed: false; reason: 'malformed' | 'not-contact' };

/** Digits and a leading + only: what a phone number in policy becomes as a dialable link. */
export function telUrl(phone: string): string | null {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/[ ()./-]/g, '');
  if (!/^\+?[0-9]{3,20}$/.test(digits)) return null;
  return `tel:${digits}`;
}

/** A bare address, nothing else (no subject, no body, no second recipient). */
export function supportMailtoUrl(email: string): string | null {
  const address = email.trim();
  if (!/^[^\s@,;?&%:<>"]+@[^\s@,;?&%:<>"]+\.[^\s@,;?&%:<>"]+$/.test(address)) return null;
  return `mailto:${address}`;
}

/** What the shell checks again before `openExternal`: a tel: link of digits, or a checked mailto. */
export function checkContactUrl(raw: string): ContactDecision {
  if (raw.startsWith('tel:')) return /^tel:\+?[0-9]{3,20}$/.test(raw) ? { allowed: true, url: raw } : { allowed: false, reason: 'malformed' };
  if (raw.startsWith('mailto:')) {
    const decision = checkMailtoUrl(raw);
    return decision.allowed ? decision : { allowed: false, reason: 'malformed' };
  }
  return { allowed: false, reason: 'not-contact' };
}
