/**
 * TOPdesk: `POST /tas/api/incidents`, Basic `<login>:<application password>`. The client id goes
 * into `externalNumber` (≤ 60 chars) and is searched before any re-send. Title ≤ 80.
 * See reference/ticket-apis.md.
 */
import { z } from 'zod';
import { ticketBody } from '../draft.ts';
import type { Connector, CreateResult, TicketAttachment, TicketDraft, TicketRef, TicketStatus } from '../types.ts';
import { attachmentBlob } from '../types.ts';
import { field, httpRequest, missingField, str, textToHtml, httpContext, basicFromSecret } from './http.ts';
import type { HttpContext } from './http.ts';
import { url, secretName, categoryMap, urgencyMap } from './fields.ts';
import { defineConnector } from './unit.ts';

export const topdeskConfigSchema = z.object({
  type: z.literal('topdesk'),
  baseUrl: url,
  /** Secret value: `<login>:<application password>`. */
  credentialSecret: secretName,
  callerEmail: z.string().optional(),
  categories: categoryMap,
  /** Urgency names as configured in TOPdesk (e.g. "Medium"); omitted → TOPdesk's default. */
  urgencies: urgencyMap(z.string()),
  entryType: z.string().optional(),
  callType: z.string().optional(),
  operatorGroup: z.string().optional(),
});
type Config = z.infer<typeof topdeskConfigSchema>;
const named = (name: string | undefined) => (name ? { name } : undefined);

export function createTopdeskConnector(config: Config, http: HttpContext): Connector {
  const toRef = (incident: unknown): TicketRef | null => {
    const id = str(field(incident, 'id'));
    const number = str(field(incident, 'number'));
    return id && number ? { id, number } : null;
  };

  const attach = async (ref: TicketRef, attachments: readonly TicketAttachment[]): Promise<boolean> => {
    let failed = false;
    for (const a of attachments) {
      const form = new FormData();
      form.append('file', attachmentBlob(a), a.filename);
      try {
        await httpRequest(http, 'POST', `/tas/api/incidents/number/${encodeURIComponent(ref.number)}/attachments?invisibleForCaller=false`, {
          body: form,
          okStatuses: [200, 201],
        });
      } catch {
        failed = true;
      }
    }
    return failed;
  };

  return {
    kind: 'topdesk',
    titleLimit: 80,
    async create(ticket: TicketDraft, clientId: string): Promise<CreateResult> {
      const callerEmail = config.callerEmail ?? ticket.requesterEmail;
      const payload = {
        briefDescription: ticket.title.slice(0, 80),
        request: textToHtml(ticketBody(ticket)),
        externalNumber: clientId.slice(0, 60),
        callerLookup: callerEmail ? { email: callerEmail } : undefined,
        category: named(ticket.category ? (config.categories[ticket.category] ?? undefined) : undefined),
        urgency: named(config.urgencies[ticket.urgency]),
        entryType: named(config.entryType),
        callType: named(config.callType),
        operatorGroup: named(config.operatorGroup),
      };
      const res = await httpRequest(http, 'POST', '/tas/api/incidents', { json: payload, okStatuses: [200, 201] });
      const ref = toRef(res.body);
      if (!ref) throw missingField('POST /tas/api/incidents');
      return { ...ref, attachmentsFailed: await attach(ref, ticket.attachments) };
    },
    attach,
    async findByClientId(clientId) {
      const query = encodeURIComponent(`externalNumber=="${clientId.slice(0, 60)}"`);
      // TOPdesk answers 204 No Content for an empty list.
      const res = await httpRequest(http, 'GET', `/tas/api/incidents?query=${query}&fields=id,number,externalNumber`, { okStatuses: [200, 204, 206] });
      const list = Array.isArray(res.body) ? res.body : [];
      const hit = list.find((i) => str(field(i, 'externalNumber')) === clientId.slice(0, 60));
      return hit ? toRef(hit) : null;
    },
    async status(ref): Promise<TicketStatus> {
      const res = await httpRequest(http, 'GET', `/tas/api/incidents/id/${encodeURIComponent(ref.id)}`);
      const raw = str(field(res.body, 'processingStatus', 'name')) ?? '';
      if (field(res.body, 'closed') === true) return { state: 'closed', raw };
      if (field(res.body, 'completed') === true) return { state: 'resolved', raw };
      return { state: 'open', raw };
    },
  };
}

export const topdeskConnector = defineConnector({
  type: 'topdesk',
  configSchema: topdeskConfigSchema,
  secretNames: (config) => [config.credentialSecret],
  create: (config, deps) => createTopdeskConnector(config, httpContext(config.baseUrl, basicFromSecret(deps.secrets, config.credentialSecret), deps)),
});
