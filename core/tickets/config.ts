/**
 * Helpdesk configuration (from policy). Each connector's own settings are in its unit
 * (connectors/<name>.ts, listed in connectors/index.ts). Only non-secret settings live here:
 * credentials are referenced by the NAME of an entry in the secret store (`*Secret` fields), so
 * the config can be shown, logged and sent to the renderer without leaking anything.
 * Every URL is configurable; nothing has a built-in host.
 */
import { z } from 'zod';
import { connectorConfigSchema } from './connectors/index.ts';

export const ticketConfigSchema = z.object({
  /** No connector configured → mailto fallback to `fallbackEmail` (if any). */
  connector: connectorConfigSchema.optional(),
  fallbackEmail: z.string().optional(),
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
  redaction: z
    .object({
      /** Names of further secret-store entries whose values are hidden everywhere. */
      secretNames: z.array(z.string()).default([]),
      /** Extra regular expressions (admin-defined); matches are replaced. */
      extraPatterns: z.array(z.string()).default([]),
    })
    .default({ secretNames: [], extraPatterns: [] }),
  outbox: z
    .object({
      baseDelayMs: z.number().int().min(1).default(5_000),
      maxDelayMs: z
        .number()
        .int()
        .min(1)
        .default(30 * 60_000),
      concurrency: z.number().int().min(1).max(16).default(2),
      // Clamped, not refused: a whole helpdesk config must not fail over one interval; one day at most (#11).
      statusRefreshMs: z
        .number()
        .int()
        .min(60_000)
        .default(15 * 60_000)
        .transform((ms) => Math.min(ms, 24 * 3600_000)),
      keepDelivered: z.number().int().min(1).default(200),
    })
    .default({ baseDelayMs: 5_000, maxDelayMs: 30 * 60_000, concurrency: 2, statusRefreshMs: 15 * 60_000, keepDelivered: 200 }),
});
export type TicketConfig = z.infer<typeof ticketConfigSchema>;
