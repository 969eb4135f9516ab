/**
 * Generic JSON webhook: one POST with the whole draft and an `Idempotency-Key` header carrying
 * the client id. The receiver is expected to deduplicate on that key, so a re-send after an
 * unknown outcome is safe without a lookup (`findByClientId` → 'unsupported').
 */
import { z } from 'zod';
import { ticketBody } from '../draft.ts';
import type { Connector, CreateResult } from '../types.ts';
import { attachmentBytes } from '../types.ts';
import { field, httpRequest, str, httpContext, requireSecret } from './http.ts';
import type { HttpContext } from './http.ts';
import { url, secretName } from './fields.ts';
import { defineConnector } from './unit.ts';

export const webhookConfigSchema = z.object({
  type: z.literal('webhook'),
  url,
  /** Optional secret sent as `Authorization: Bearer <value>`. */
  bearerSecret: secretName.optional(),
});

export function createWebhookConnector(http: HttpContext): Connector {
  return {
    kind: 'webhook',
    titleLimit: 255,
    async create(ticket, clientId): Promise<CreateResult> {
      const payload = {
        clientId,
        title: ticket.title,
        body: ticketBody(ticket),
        userText: ticket.userText,
        details: ticket.details,
        category: ticket.category ?? null,
        urgency: ticket.urgency,
        callbackPhone: ticket.callbackPhone ?? null,
        troubleshooterId: ticket.troubleshooterId ?? null,
        requesterEmail: ticket.requesterEmail ?? null,
        createdAt: ticket.createdAt,
        attachments: ticket.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, contentBase64: attachmentBytes(a).toString('base64') })),
      };
      const res = await httpRequest(http, 'POST', '', { json: payload, headers: { 'Idempotency-Key': clientId } });
      // The receiver may answer with its own id/number; otherwise the client id identifies it.
      const id = str(field(res.body, 'id')) ?? clientId;
      const number = str(field(res.body, 'number')) ?? id;
      return { id, number };
    },
    async findByClientId() {
      return 'unsupported';
    },
  };
}

export const webhookConnector = defineConnector({
  type: 'webhook',
  configSchema: webhookConfigSchema,
  secretNames: (config) => [config.bearerSecret],
  create: (config, deps) => {
    const name = config.bearerSecret;
    return createWebhookConnector(httpContext(config.url, async () => (name ? `Bearer ${await requireSecret(deps.secrets, name)}` : ''), deps));
  },
});
