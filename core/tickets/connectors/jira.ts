/**
 * Jira Service Management: `POST /rest/servicedeskapi/request` (summary < 255 chars). There is no
 * free field for the client id in the customer API, so the id sits in the description and is
 * found again through `searchTerm`, then confirmed in the returned description. Attachments are
 * two steps: temporary file, then attach to the request.
 */
import { z } from 'zod';
import { ticketBody } from '../draft.ts';
import type { Connector, CreateResult, TicketAttachment, TicketRef, TicketStatus } from '../types.ts';
import { attachmentBlob } from '../types.ts';
import { field, httpRequest, missingField, str, httpContext, basicFromSecret } from './http.ts';
import type { HttpContext } from './http.ts';
import { url, secretName, urgencyMap } from './fields.ts';
import { defineConnector } from './unit.ts';

export const jiraConfigSchema = z.object({
  type: z.literal('jira'),
  baseUrl: url,
  /** Secret value: `<email>:<API token>`. */
  credentialSecret: secretName,
  serviceDeskId: z.string(),
  requestTypeId: z.string(),
  raiseOnBehalfOf: z.string().optional().meta({ description: 'Atlassian accountId (not an email).' }),
  /** Jira priority id per urgency; sent only when set (the request type must show the Priority field, or Jira refuses the request). */
  priorities: urgencyMap(z.string()),
});
type Config = z.infer<typeof jiraConfigSchema>;
const categories: Record<string, TicketStatus['state']> = { NEW: 'open', INDETERMINATE: 'in-progress', DONE: 'resolved' };

export function createJiraConnector(config: Config, http: HttpContext): Connector {
  const toRef = (request: unknown): TicketRef | null => {
    const id = str(field(request, 'issueId'));
    const number = str(field(request, 'issueKey'));
    const url = str(field(request, '_links', 'web'));
    return id && number ? { id, number, ...(url ? { url } : {}) } : null;
  };
  const attach = async (ref: TicketRef, attachments: readonly TicketAttachment[]): Promise<boolean> => {
    if (attachments.length === 0) return false;
    try {
      const ids: string[] = [];
      for (const a of attachments) {
        const form = new FormData();
        form.append('file', attachmentBlob(a), a.filename);
        const tmp = await httpRequest(http, 'POST', `/rest/servicedeskapi/servicedesk/${encodeURIComponent(config.serviceDeskId)}/attachTemporaryFile`, {
          body: form,
          headers: { 'X-Atlassian-Token': 'no-check' },
        });
        const id = str(field(tmp.body, 'temporaryAttachments', 0, 'temporaryAttachmentId'));
        if (id) ids.push(id);
      }
      await httpRequest(http, 'POST', `/rest/servicedeskapi/request/${encodeURIComponent(ref.number)}/attachment`, {
        json: { temporaryAttachmentIds: ids, public: true },
        okStatuses: [200, 201],
      });
      return false;
    } catch {
      return true;
    }
  };

  return {
    kind: 'jira',
    titleLimit: 254,
    async create(ticket, _clientId): Promise<CreateResult> {
      const payload = {
        serviceDeskId: config.serviceDeskId,
        requestTypeId: config.requestTypeId,
        requestFieldValues: {
          summary: ticket.title.slice(0, 254),
          description: ticketBody(ticket),
          ...(config.priorities[ticket.urgency] ? { priority: { id: config.priorities[ticket.urgency] } } : {}),
        },
        ...(config.raiseOnBehalfOf ? { raiseOnBehalfOf: config.raiseOnBehalfOf } : {}),
      };
      const res = await httpRequest(http, 'POST', '/rest/servicedeskapi/request', { json: payload, okStatuses: [200, 201] });
      const ref = toRef(res.body);
      if (!ref) throw missingField('POST /rest/servicedeskapi/request');
      return { ...ref, attachmentsFailed: await attach(ref, ticket.attachments) };
    },
    attach,
    async findByClientId(clientId) {
      const qs = new URLSearchParams({ searchTerm: clientId, serviceDeskId: config.serviceDeskId, requestTypeId: config.requestTypeId, requestOwnership: 'ALL_REQUESTS' });
      const res = await httpRequest(http, 'GET', `/rest/servicedeskapi/request?${qs}`);
      const values = field(res.body, 'values');
      if (!Array.isArray(values)) return null;
      const hit = values.find((v) => {
        const fields = field(v, 'requestFieldValues');
        return Array.isArray(fields) && fields.some((f) => field(f, 'fieldId') === 'description' && String(field(f, 'value') ?? '').includes(clientId));
      });
      return hit ? toRef(hit) : null;
    },
    async status(ref) {
      const res = await httpRequest(http, 'GET', `/rest/servicedeskapi/request/${encodeURIComponent(ref.number)}`);
      const raw = str(field(res.body, 'currentStatus', 'status')) ?? '';
      const category = str(field(res.body, 'currentStatus', 'statusCategory')) ?? '';
      return { state: categories[category] ?? 'unknown', raw };
    },
  };
}

export const jiraConnector = defineConnector({
  type: 'jira',
  configSchema: jiraConfigSchema,
  secretNames: (config) => [config.credentialSecret],
  create: (config, deps) => createJiraConnector(config, httpContext(config.baseUrl, basicFromSecret(deps.secrets, config.credentialSecret), deps)),
});
