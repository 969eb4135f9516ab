/**
 * Email to the helpdesk's intake address over SMTP (nodemailer), transcript attached. Loaded
 * only where email is the configured connector (email.ts imports it on `create`). Every
 * helpdesk accepts email and it needs no API secret in the client. SMTP offers no lookup, so
 * `findByClientId` is 'unsupported'; the Message-ID is derived from the client id so helpdesks
 * that deduplicate on it (and humans) can recognise a re-send.
 */
import { isLoopbackHost } from '../../security/remote-url.ts';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { ticketBody } from '../draft.ts';
import type { Connector, CreateResult } from '../types.ts';
import { attachmentBytes, ConnectorError, ticketMessageKeys } from '../types.ts';

/** What this file needs of the email config (email.ts); structural, so it does not import the unit back. */
export type SmtpTarget = { to: string; from: string; smtp: { host: string; port: number; secure: boolean } };

export const emailMessageId = (clientId: string) => `<${clientId}@firstline.invalid>`;

function classify(error: unknown): ConnectorError {
  const e = error as { code?: string; responseCode?: number; message?: string };
  const what = `smtp: ${e.code ?? ''} ${e.responseCode ?? ''}`.trim();
  if (typeof e.responseCode === 'number') {
    if (e.responseCode >= 500) return new ConnectorError('rejected', ticketMessageKeys.rejected, what, e.responseCode);
    return new ConnectorError('retryable', ticketMessageKeys.server, what, e.responseCode);
  }
  if (e.code === 'EAUTH') return new ConnectorError('rejected', ticketMessageKeys.auth, what);
  if (e.code === 'ECONNECTION' || e.code === 'EDNS') return new ConnectorError('retryable', ticketMessageKeys.offline, what);
  return new ConnectorError('unknown-outcome', ticketMessageKeys.offline, what);
}

export function createEmailConnector(
  config: SmtpTarget,
  options: { password?: { user: string; pass: string }; timeoutMs: number; pool?: boolean; transport?: Transporter },
): Connector & { close(): void } {
  const transport =
    options.transport ??
    nodemailer.createTransport({
      host: config.smtp.host,
      port: config.smtp.port,
      secure: config.smtp.secure,
      // Without implicit TLS, insist on STARTTLS: a network attacker could otherwise strip it and
      // read the SMTP login and the ticket. Loopback relays (tests, a local MTA) are exempt.
      requireTLS: !config.smtp.secure && !isLoopbackHost(config.smtp.host),
      ...(options.password ? { auth: options.password } : {}),
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
      ...(options.pool ? { pool: true, maxConnections: 1 } : {}),
    });
  return {
    kind: 'email',
    titleLimit: 200,
    async create(ticket, clientId): Promise<CreateResult> {
      try {
        const info = await transport.sendMail({
          from: ticket.requesterEmail ? { name: ticket.requesterName ?? '', address: config.from } : config.from,
          ...(ticket.requesterEmail ? { replyTo: ticket.requesterEmail } : {}),
          to: config.to,
          subject: ticket.title,
          // X-Priority, X-MSMail-Priority and Importance: what mail-to-ticket intakes read as urgency.
          priority: ticket.urgency,
          text: ticketBody(ticket),
          messageId: emailMessageId(clientId),
          headers: { 'X-Firstline-Client-Id': clientId },
          attachments: ticket.attachments.map((a) => ({ filename: a.filename, content: attachmentBytes(a), contentType: a.contentType })),
        });
        return { id: info.messageId || emailMessageId(clientId), number: '' };
      } catch (error) {
        throw classify(error);
      }
    },
    async findByClientId() {
      return 'unsupported';
    },
    close: () => transport.close(),
  };
}
