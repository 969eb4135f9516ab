/**
 * Error keys that come from the core (`error.ipc.*`, `ticket.error.*`). Only keys we know are
 * translated, so an unexpected key never shows up raw on screen.
 */
const known = new Set([
  'ticket.error.rejected',
  'ticket.error.auth',
  'ticket.error.not-found',
  'ticket.error.too-large',
  'ticket.error.offline',
  'ticket.error.timeout',
  'ticket.error.server',
  'ticket.error.config',
  'ticket.error.missing-secret',
  'ticket.error.unknown',
]);

export function messageKeyOr(key: string | null | undefined, fallback: string): string {
  return key && known.has(key) ? key : fallback;
}
