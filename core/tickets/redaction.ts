/**
 * Ticket redaction: the shared `core/redact.ts` rules plus what only the ticket service knows —
 * secrets from policy, the values of every configured helpdesk credential (also in their base64
 * and URL-encoded forms, which is how they show up in headers and URLs) and the admin's extra
 * patterns. Applied to everything before it leaves the machine or reaches a log.
 */
import { redact, redactDeep } from '../redact.ts';

export type TicketRedactor = {
  text(value: string): string;
  deep<T>(value: T): T;
};

function variants(secret: string): string[] {
  const out = new Set([secret, Buffer.from(secret, 'utf8').toString('base64'), encodeURIComponent(secret)]);
  return [...out].filter((s) => s.length >= 3);
}

/** Invalid admin patterns are skipped (and returned) rather than crashing the ticket flow. */
export function compilePatterns(sources: readonly string[]): { patterns: RegExp[]; invalid: string[] } {
  const patterns: RegExp[] = [];
  const invalid: string[] = [];
  for (const source of sources) {
    try {
      patterns.push(new RegExp(source, 'gi'));
    } catch {
      invalid.push(source);
    }
  }
  return { patterns, invalid };
}

export function createTicketRedactor(options: { secrets: readonly string[]; extraPatterns?: readonly string[] }): TicketRedactor {
  const secrets = options.secrets.flatMap(variants);
  const { patterns } = compilePatterns(options.extraPatterns ?? []);
  const opts = { secrets, patterns };
  return {
    text: (value) => redact(value, opts),
    deep: (value) => redactDeep(value, opts),
  };
}
