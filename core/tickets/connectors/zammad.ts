/**
 * Zammad: `POST /api/v1/tickets` with the first article inline (attachments base64 in the
 * article). Auth `Token token=…`. The client id is in the article body; re-sends search for it.
 */
import { z } from 'zod';
import { ticketBody } from '../draft.ts';
import type { Connector, CreateResult, TicketRef, TicketStatus, Urgency } from '../types.ts';
import { attachmentBytes } from '../types.ts';
import { field, httpRequest, missingField, str, httpContext, requireSecret } from './http.ts';
import type { HttpContext } from './http.ts';
import { url, secretName, urgencyMap } from './fields.ts';
import { defineConnector } from './unit.ts';

export const zammadConfigSchema = z.object({
  type: z.literal('zammad'),
  baseUrl: url,
  tokenSecret: secretName,
  group: z.string().default('Users'),
  customerEmail: z.string().optional(),
  /** Zammad priority ids; the defaults are the ones every Zammad ships with (1 low, 2 normal, 3 high). */
  priorities: urgencyMap(z.number().int().min(1)),
});
type Config = z.infer<typeof zammadConfigSchema>;
const defaultPriority: Record<Urgency, number> = { low: 1, normal: 2, high: 3 };

function stateOf(raw: string): TicketStatus['state'] {
  if (raw === 'new' || raw === 'open') return 'open';
  if (raw.startsWith('pending')) return 'waiting';
  if (raw === 'closed' || raw === 'merged' || raw === 'removed') return 'closed';
  return 'unknown';
}

export function createZammadConnector(config: Config, http: HttpContext): Connector {
  const toRef = (ticket: unknown): TicketRef | null => {
    const id = str(field(ticket, 'id'));
    const number = str(field(ticket, 'number'));
    return id && number ? { id, number } : null;
  };
  return {
    kind: 'zammad',
    titleLimit: 250,
    async create(ticket, _clientId): Promise<CreateResult> {
      const customerEmail = config.customerEmail ?? ticket.requesterEmail;
      const payload = {
        title: ticket.title,
        group: config.group,
        priority_id: config.priorities[ticket.urgency] ?? defaultPriority[ticket.urgency],
        ...(customerEmail ? { customer: `guess:${customerEmail}` } : {}),
        article: {
          subject: ticket.title,
          body: ticketBody(ticket),
          content_type: 'text/plain',
          type: 'note',
          internal: false,
          attachments: ticket.attachments.map((a) => ({
            filename: a.filename,
            data: attachmentBytes(a).toString('base64'),
            'mime-type': a.contentType.split(';')[0],
          })),
        },
      };
      const res = await httpRequest(http, 'POST', '/api/v1/tickets', { json: payload, okStatuses: [200, 201] });
      const ref = toRef(res.body);
      if (!ref) throw missingField('POST /api/v1/tickets');
      return ref;
    },
    async findByClientId(clientId) {
      const qs = new URLSearchParams({ query: `"${clientId}"`, limit: '5' });
      const res = await httpRequest(http, 'GET', `/api/v1/tickets/search?${qs}`);
      // Without expand Zammad answers { tickets: [ids], assets: { Ticket: { id: {...} } } }.
      const ids = field(res.body, 'tickets');
      if (Array.isArray(ids) && ids.length) return toRef(field(res.body, 'assets', 'Ticket', String(ids[0])));
      return Array.isArray(res.body) && res.body.length ? toRef(res.body[0]) : null;
    },
    async status(ref) {
      const res = await httpRequest(http, 'GET', `/api/v1/tickets/${encodeURIComponent(ref.id)}?expand=true`);
      const raw = str(field(res.body, 'state')) ?? '';
      return { state: stateOf(raw), raw };
    },
  };
}

export const zammadConnector = defineConnector({
  type: 'zammad',
  configSchema: zammadConfigSchema,
  secretNames: (config) => [config.tokenSecret],
  create: (config, deps) =>
    createZammadConnector(
      config,
      httpContext(config.baseUrl, async () => `Token token=${await requireSecret(deps.secrets, config.tokenSecret)}`, deps),
    ),
});
