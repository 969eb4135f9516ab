/**
 * The ticket domain: what a draft is, what a connector receives and returns, and the errors a
 * connector may raise (each with a translatable `messageKey`; raw server text never reaches the
 * employee).
 */
import { z } from 'zod';

export const urgencySchema = z.enum(['low', 'normal', 'high']);
export type Urgency = z.infer<typeof urgencySchema>;

export const attachmentSchema = z
  .object({
    filename: z.string(),
    contentType: z.string(),
    /** UTF-8 text (transcripts), or base64 when `encoding` says so (a screenshot). */
    content: z.string(),
    /** Absent: UTF-8 text (outbox files written before binary attachments existed). */
    encoding: z.enum(['utf8', 'base64']).optional(),
    /** Bytes of a binary attachment, kept when its content is dropped after delivery. */
    size: z.number().int().nonnegative().optional(),
    /** Added by the employee in the ticket form (core/tickets/screenshot.ts); never text-redacted. */
    screenshot: z.boolean().optional(),
  })
  // A base64 attachment that is not base64 (a hand edit, a torn write) is an invalid outbox entry, moved aside alone (store.ts).
  .refine((a) => a.encoding !== 'base64' || /^[A-Za-z0-9+/]*={0,2}$/.test(a.content), { message: 'content is not base64', path: ['content'] });
export type TicketAttachment = z.infer<typeof attachmentSchema>;

/** The bytes a connector sends for an attachment, whatever its stored encoding. */
export function attachmentBytes(a: TicketAttachment): Buffer {
  return Buffer.from(a.content, a.encoding === 'base64' ? 'base64' : 'utf8');
}

/** The same bytes as a Blob for multipart uploads (a copy: a Blob must not share Node's pooled buffer). */
export function attachmentBlob(a: TicketAttachment): Blob {
  return new Blob([new Uint8Array(attachmentBytes(a))], { type: a.contentType });
}

/** What the employee previews and may edit; already redacted. */
export const ticketDraftSchema = z.object({
  clientId: z.string().min(8).max(60),
  title: z.string().min(1),
  /** The employee's own words (optional, never required). */
  userText: z.string().default(''),
  /** Everything else IT needs: what was tried, the machine snapshot. Plain text. */
  details: z.string(),
  category: z.string().optional(),
  urgency: urgencySchema.default('normal'),
  requesterEmail: z.string().optional(),
  requesterName: z.string().optional(),
  /** A number IT can call back, as the employee typed it (validated: core/tickets/choices.ts). */
  callbackPhone: z.string().max(40).optional(),
  troubleshooterId: z.string().optional(),
  runId: z.string().optional(),
  attachments: z.array(attachmentSchema).default([]),
  createdAt: z.string(),
});
export type TicketDraft = z.infer<typeof ticketDraftSchema>;

export const ticketRefSchema = z.object({
  /** Id used by the API (sys_id, numeric id, issue key). */
  id: z.string(),
  /** Number shown to people (I 2411 001, INC0010001, #42, SD-12). */
  number: z.string(),
  url: z.string().optional(),
});
export type TicketRef = z.infer<typeof ticketRefSchema>;

export type CreateResult = TicketRef & {
  /** True when the ticket exists but an attachment upload failed (not retried: no duplicates). */
  attachmentsFailed?: boolean;
};

/** Helpdesk status mapped to what the employee sees, plus the helpdesk's own word. */
export type TicketStatus = { state: 'open' | 'in-progress' | 'waiting' | 'resolved' | 'closed' | 'unknown'; raw: string };

export type Connector = {
  readonly kind: string;
  readonly titleLimit: number;
  /** Creates the ticket; `clientId` is stored where `findByClientId` can find it again. */
  create(ticket: TicketDraft, clientId: string): Promise<CreateResult>;
  /**
   * Finds a ticket created earlier with this client id. `'unsupported'` means the connector
   * cannot look (email) or needs not (webhook: the receiver deduplicates on Idempotency-Key).
   */
  findByClientId(clientId: string): Promise<TicketRef | null | 'unsupported'>;
  /**
   * Uploads attachments to an existing ticket; present on connectors that attach after creating
   * (TOPdesk, ServiceNow, Jira). The outbox calls it when a re-send finds the ticket through
   * `findByClientId`: the lost answer was the create's, so its attachments were never uploaded.
   * Resolves `true` when an upload failed (never throws for an attachment).
   */
  attach?(ref: TicketRef, attachments: readonly TicketAttachment[]): Promise<boolean>;
  /** Absent when the API offers no way to read status back. */
  status?(ref: TicketRef): Promise<TicketStatus>;
  /** Releases what the connector holds open (the SMTP pool); absent when there is nothing to release. */
  close?(): void;
};

export type ConnectorErrorKind =
  /** Nothing was created for sure (5xx, 429, 408, offline before sending): retry later. */
  | 'retryable'
  /** The request may or may not have been processed (timeout, reset): look before resending. */
  | 'unknown-outcome'
  /** The helpdesk refused the ticket (4xx): retrying will not help. */
  | 'rejected';

export const ticketMessageKeys = {
  rejected: 'ticket.error.rejected',
  auth: 'ticket.error.auth',
  notFound: 'ticket.error.not-found',
  tooLarge: 'ticket.error.too-large',
  offline: 'ticket.error.offline',
  timeout: 'ticket.error.timeout',
  server: 'ticket.error.server',
  config: 'ticket.error.config',
  missingSecret: 'ticket.error.missing-secret',
  unknown: 'ticket.error.unknown',
} as const;
export type TicketMessageKey = (typeof ticketMessageKeys)[keyof typeof ticketMessageKeys];

export class ConnectorError extends Error {
  readonly kind: ConnectorErrorKind;
  readonly messageKey: TicketMessageKey;
  readonly status: number | undefined;
  constructor(kind: ConnectorErrorKind, messageKey: TicketMessageKey, message: string, status?: number) {
    super(message);
    this.name = 'ConnectorError';
    this.kind = kind;
    this.messageKey = messageKey;
    this.status = status;
  }
}
