/**
 * Freshservice v2: `POST /api/v2/tickets`, Basic with the API key as user. With attachments the
 * request is multipart (`attachments[]`, ≤ 15 MB total). The client id is stored as a tag and
 * searched through the filter API before any re-send (filter on tags: unverified against a live
 * instance; see reference/ticket-apis.md).
 */
import { z } from 'zod';
import { ticketBody } from '../draft.ts';
import type { Connector, CreateResult, TicketRef, TicketStatus, Urgency } from '../types.ts';
import { attachmentBlob, attachmentBytes, ConnectorError, ticketMessageKeys } from '../types.ts';
import { field, httpRequest, missingField, str, textToHtml, httpContext, requireSecret, basicAuth } from './http.ts';
import type { HttpContext } from './http.ts';
import { url, secretName, categoryMap, urgencyMap } from './fields.ts';
import { defineConnector } from './unit.ts';

export const freshserviceConfigSchema = z.object({
  type: z.literal('freshservice'),
  baseUrl: url,
  apiKeySecret: secretName,
  requesterEmail: z.string().optional(),
  categories: categoryMap,
  priorities: urgencyMap(z.number().int().min(1).max(4)),
});
type Config = z.infer<typeof freshserviceConfigSchema>;
const defaultPriority: Record<Urgency, number> = { low: 1, normal: 2, high: 3 };
/** Freshservice's own urgency field: 1 low, 2 medium, 3 high. */
const urgencyField: Record<Urgency, number> = { low: 1, normal: 2, high: 3 };
const states: Record<string, TicketStatus['state']> = { '2': 'open', '3': 'waiting', '4': 'resolved', '5': 'closed' };
const MAX_ATTACHMENTS = 15 * 1024 * 1024;

export const freshserviceTag = (clientId: string) => `fl-${clientId}`;

export function createFreshserviceConnector(config: Config, http: HttpContext): Connector {
  const toRef = (ticket: unknown): TicketRef | null => {
    const id = str(field(ticket, 'id'));
    return id ? { id, number: `#INC-${id}` } : null;
  };
  return {
    kind: 'freshservice',
    titleLimit: 255,
    async create(ticket, clientId): Promise<CreateResult> {
      const email = config.requesterEmail ?? ticket.requesterEmail;
      if (!email) throw new ConnectorError('rejected', ticketMessageKeys.config, 'freshservice: no requester email');
      const category = ticket.category ? config.categories[ticket.category] : undefined;
      const fields: Record<string, string | number> = {
        subject: ticket.title,
        description: textToHtml(ticketBody(ticket)),
        email,
        priority: config.priorities[ticket.urgency] ?? defaultPriority[ticket.urgency],
        urgency: urgencyField[ticket.urgency],
        status: 2,
        source: 2,
        ...(category ? { category } : {}),
      };
      const total = ticket.attachments.reduce((n, a) => n + attachmentBytes(a).length, 0);
      let res;
      if (ticket.attachments.length && total <= MAX_ATTACHMENTS) {
        const form = new FormData();
        for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
        form.append('tags[]', freshserviceTag(clientId));
        for (const a of ticket.attachments) form.append('attachments[]', attachmentBlob(a), a.filename);
        res = await httpRequest(http, 'POST', '/api/v2/tickets', { body: form, okStatuses: [200, 201] });
      } else {
        res = await httpRequest(http, 'POST', '/api/v2/tickets', { json: { ...fields, tags: [freshserviceTag(clientId)] }, okStatuses: [200, 201] });
      }
      const ref = toRef(field(res.body, 'ticket'));
      if (!ref) throw missingField('POST /api/v2/tickets');
      return { ...ref, attachmentsFailed: total > MAX_ATTACHMENTS };
    },
    async findByClientId(clientId) {
      const query = encodeURIComponent(`"tag:'${freshserviceTag(clientId)}'"`);
      const res = await httpRequest(http, 'GET', `/api/v2/tickets/filter?query=${query}`);
      const list = field(res.body, 'tickets');
      return Array.isArray(list) && list.length ? toRef(list[0]) : null;
    },
    async status(ref) {
      const res = await httpRequest(http, 'GET', `/api/v2/tickets/${encodeURIComponent(ref.id)}`);
      const raw = str(field(res.body, 'ticket', 'status')) ?? '';
      return { state: states[raw] ?? 'unknown', raw };
    },
  };
}

export const freshserviceConnector = defineConnector({
  type: 'freshservice',
  configSchema: freshserviceConfigSchema,
  secretNames: (config) => [config.apiKeySecret],
  create: (config, deps) =>
    createFreshserviceConnector(
      config,
      httpContext(config.baseUrl, async () => basicAuth(`${await requireSecret(deps.secrets, config.apiKeySecret)}:X`), deps),
    ),
});
