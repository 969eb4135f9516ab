/**
 * A callback number as people write it. Shared by the ticket form (which says at once what is
 * wrong) and the app (which decides: the renderer is untrusted), so both agree on every input.
 */

/** E.164 allows 15 digits; fewer than 6 is no phone number anyone can call (extensions like "4321" included: IT's switchboard knows those, the helpdesk often does not). */
const minDigits = 6;
const maxDigits = 15;

/**
 * A phone number as people write it ("+32 2 555 01 23", "0470/12.34.56", "(02) 555-0123"),
 * returned trimmed with runs of spaces collapsed; null when it is not one. Letters, a second "+",
 * or anything that could smuggle markup are refused.
 */
export function normalisePhone(raw: string): string | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!/^\+?[0-9 ()./-]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '').length;
  return digits >= minDigits && digits <= maxDigits ? text : null;
}
