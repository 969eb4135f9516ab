/**
 * Request Tracker REST2: `POST /REST/2.0/ticket` with Queue, Subject, Requestor, Content
 * (attachments base64 in `Attachments`). Auth `token <t>` or Basic. The client id is kept in a
 * custom field when configured, otherwise as a `[fl:<id>]` subject tag, and searched with
 * TicketSQL before any re-send.
 */
import { z } from 'zod';
import { ticketBody } from '../draft.ts';
import type { Connector, CreateResult, TicketStatus, Urgency } from '../types.ts';
import { attachmentBytes } from '../types.ts';
import { field, httpRequest, missingField, str, httpContext, basicFromSecret, requireSecret } from './http.ts';
import type { HttpContext } from './http.ts';
import { url, secretName, urgencyMap } from './fields.ts';
import { defineConnector } from './unit.ts';

export const rtConfigSchema = z.object({
  type: z.literal('rt'),
  baseUrl: url,
  /** Either a token secret (`Authorization: token …`) or a `<user>:<password>` basic secret. */
  tokenSecret: secretName.optional(),
  basicSecret: secretName.optional(),
  queue: z.string().default('General'),
  requestor: z.string().optional(),
  /** Custom field holding the client id; without it a `[fl:<id>]` subject tag is used. */
  clientIdCustomField: z.string().optional(),
  priorities: urgencyMap(z.number().int()),
});
type Config = z.infer<typeof rtConfigSchema>;
/** RT 5's default PriorityAsString scale (Low 0, Medium 50, High 100); `priorities` overrides it. */
const defaultPriority: Record<Urgency, number> = { low: 0, normal: 50, high: 100 };
const states: Record<string, TicketStatus['state']> = { new: 'open', open: 'in-progress', stalled: 'waiting', resolved: 'resolved', rejected: 'closed', deleted: 'closed' };

export const rtSubjectTag = (clientId: string) => `[fl:${clientId}]`;

/** TicketSQL string literal: single quotes, backslash-escaped. */
const sqlString = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function createRtConnector(config: Config, http: HttpContext): Connector {
  const tagged = !config.clientIdCustomField;
  return {
    kind: 'rt',
    // RT's Subject column holds 200 characters; keep room for the tag.
    titleLimit: tagged ? 150 : 200,
    async create(ticket, clientId): Promise<CreateResult> {
      const payload: Record<string, unknown> = {
        Queue: config.queue,
        Subject: tagged ? `${ticket.title} ${rtSubjectTag(clientId)}` : ticket.title,
        Content: ticketBody(ticket),
        ContentType: 'text/plain',
      };
      const requestor = config.requestor ?? ticket.requesterEmail;
      if (requestor) payload.Requestor = requestor;
      payload.Priority = config.priorities[ticket.urgency] ?? defaultPriority[ticket.urgency];
      if (config.clientIdCustomField) payload.CustomFields = { [config.clientIdCustomField]: clientId };
      if (ticket.attachments.length) {
        payload.Attachments = ticket.attachments.map((a) => ({
          FileName: a.filename,
          FileType: a.contentType.split(';')[0],
          FileContent: attachmentBytes(a).toString('base64'),
        }));
      }
      const res = await httpRequest(http, 'POST', '/REST/2.0/ticket', { json: payload, okStatuses: [200, 201] });
      const id = str(field(res.body, 'id'));
      if (!id) throw missingField('POST /REST/2.0/ticket');
      return { id, number: `#${id}` };
    },
    async findByClientId(clientId) {
      const query = config.clientIdCustomField ? `CF.{${config.clientIdCustomField}} = ${sqlString(clientId)}` : `Subject LIKE ${sqlString(rtSubjectTag(clientId))}`;
      const qs = new URLSearchParams({ query, per_page: '5' });
      const res = await httpRequest(http, 'GET', `/REST/2.0/tickets?${qs}`);
      const items = field(res.body, 'items');
      const id = Array.isArray(items) ? str(field(items[0], 'id')) : undefined;
      return id ? { id, number: `#${id}` } : null;
    },
    async status(ref) {
      const res = await httpRequest(http, 'GET', `/REST/2.0/ticket/${encodeURIComponent(ref.id)}`);
      const raw = str(field(res.body, 'Status')) ?? '';
      return { state: states[raw] ?? 'unknown', raw };
    },
  };
}

export const rtConnector = defineConnector({
  type: 'rt',
  configSchema: rtConfigSchema,
  secretNames: (config) => [config.tokenSecret, config.basicSecret],
  create: (config, deps) => {
    const auth = config.tokenSecret ? async () => `token ${await requireSecret(deps.secrets, config.tokenSecret)}` : basicFromSecret(deps.secrets, config.basicSecret ?? '');
    return createRtConnector(config, httpContext(config.baseUrl, auth, deps));
  },
});
