/**
 * ServiceNow Table API: `POST /api/now/table/incident`; the client id goes into a correlation
 * field (default `correlation_id`) searched before any re-send. Attachments through
 * `/api/now/attachment/file` with a raw body. Urgency 1 (high) – 3 (low).
 */
import { z } from 'zod';
import { ticketBody } from '../draft.ts';
import type { Connector, CreateResult, TicketAttachment, TicketRef, TicketStatus, Urgency } from '../types.ts';
import { attachmentBytes } from '../types.ts';
import { field, httpRequest, missingField, str, httpContext, basicFromSecret } from './http.ts';
import type { HttpContext } from './http.ts';
import { url, secretName, categoryMap } from './fields.ts';
import { defineConnector } from './unit.ts';

export const servicenowConfigSchema = z.object({
  type: z.literal('servicenow'),
  baseUrl: url,
  /** Secret value: `<user>:<password>` (a service account; see reference/ticket-apis.md). */
  credentialSecret: secretName,
  callerId: z.string().optional(),
  assignmentGroup: z.string().optional(),
  contactType: z.string().default('self-service'),
  categories: categoryMap,
  /** Field that carries the client id; `correlation_id` exists on every instance. */
  correlationField: z.string().default('correlation_id'),
  titleLimit: z.number().int().min(20).max(160).default(80),
});
type Config = z.infer<typeof servicenowConfigSchema>;
const urgency: Record<Urgency, string> = { high: '1', normal: '2', low: '3' };
const states: Record<string, TicketStatus['state']> = { '1': 'open', '2': 'in-progress', '3': 'waiting', '6': 'resolved', '7': 'closed', '8': 'closed' };

export function createServicenowConnector(config: Config, http: HttpContext): Connector {
  const toRef = (record: unknown): TicketRef | null => {
    const id = str(field(record, 'sys_id'));
    const number = str(field(record, 'number'));
    return id && number ? { id, number } : null;
  };
  const attach = async (ref: TicketRef, attachments: readonly TicketAttachment[]): Promise<boolean> => {
    let failed = false;
    for (const a of attachments) {
      const qs = new URLSearchParams({ table_name: 'incident', table_sys_id: ref.id, file_name: a.filename });
      try {
        await httpRequest(http, 'POST', `/api/now/attachment/file?${qs}`, { body: new Uint8Array(attachmentBytes(a)), headers: { 'Content-Type': a.contentType }, okStatuses: [200, 201] });
      } catch {
        failed = true;
      }
    }
    return failed;
  };

  return {
    kind: 'servicenow',
    titleLimit: config.titleLimit,
    async create(ticket, clientId): Promise<CreateResult> {
      const payload: Record<string, string> = {
        short_description: ticket.title.slice(0, config.titleLimit),
        description: ticketBody(ticket),
        contact_type: config.contactType,
        urgency: urgency[ticket.urgency],
        impact: '3',
        [config.correlationField]: clientId,
        correlation_display: 'Firstline',
      };
      if (config.callerId) payload.caller_id = config.callerId;
      if (config.assignmentGroup) payload.assignment_group = config.assignmentGroup;
      const category = ticket.category ? config.categories[ticket.category] : undefined;
      if (category) payload.category = category;
      const res = await httpRequest(http, 'POST', '/api/now/table/incident', { json: payload, okStatuses: [200, 201] });
      const ref = toRef(field(res.body, 'result'));
      if (!ref) throw missingField('POST /api/now/table/incident');
      return { ...ref, attachmentsFailed: await attach(ref, ticket.attachments) };
    },
    attach,
    async findByClientId(clientId) {
      const qs = new URLSearchParams({ sysparm_query: `${config.correlationField}=${clientId}`, sysparm_fields: 'sys_id,number', sysparm_limit: '1' });
      const res = await httpRequest(http, 'GET', `/api/now/table/incident?${qs}`);
      const list = field(res.body, 'result');
      return Array.isArray(list) && list.length ? toRef(list[0]) : null;
    },
    async status(ref) {
      const res = await httpRequest(http, 'GET', `/api/now/table/incident/${encodeURIComponent(ref.id)}?sysparm_fields=number,state`);
      const raw = str(field(res.body, 'result', 'state')) ?? '';
      return { state: states[raw] ?? 'unknown', raw };
    },
  };
}

export const servicenowConnector = defineConnector({
  type: 'servicenow',
  configSchema: servicenowConfigSchema,
  secretNames: (config) => [config.credentialSecret],
  create: (config, deps) => createServicenowConnector(config, httpContext(config.baseUrl, basicFromSecret(deps.secrets, config.credentialSecret), deps)),
});
