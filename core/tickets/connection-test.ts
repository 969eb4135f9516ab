/**
 * `firstline ticket test`: one clearly marked test ticket through the configured connector, the
 * helpdesk's answer (id, number, link), the client-id search that prevents duplicates, and the
 * status read back — with every failure explained in plain words for the admin (issue 16).
 * The connector, its secrets and its limits are exactly the app's (createConnector); only the
 * draft is ours.
 */
import { randomUUID } from 'node:crypto';
import { createConnector, referencedSecretNames, type ConnectorConfig } from './connectors/index.ts';
import type { ConnectorDeps } from './connectors/unit.ts';
import { ConnectorError, type Connector, type TicketDraft, type TicketRef, type TicketStatus } from './types.ts';

export type ConnectionStep = { step: 'create' | 'search' | 'status'; ok: boolean; detail: string; explanation?: string };

export type ConnectionTestResult = {
  ok: boolean;
  connector: string;
  clientId: string;
  ticket?: TicketRef & { link?: string; attachmentsFailed?: boolean };
  status?: TicketStatus;
  steps: ConnectionStep[];
};

export type ConnectionTestOptions = { requesterEmail?: string; category?: string; host?: string; now?: Date; clientId?: string };

export const testTicketTitle = '[Firstline test] Connection test — no action needed, please close';

export function testTicketDraft(clientId: string, options: ConnectionTestOptions = {}): TicketDraft {
  const at = (options.now ?? new Date()).toISOString();
  return {
    clientId,
    title: testTicketTitle,
    userText: 'TEST TICKET — no employee is waiting for this.',
    details: [
      `An administrator sent this with "firstline ticket test"${options.host ? ` on ${options.host}` : ''} at ${at}`,
      'to check that Firstline can create tickets in this helpdesk, find them again and read their status.',
      'Nothing needs to be done: please close it.',
      '',
      `Firstline reference: ${clientId}`,
    ].join('\n'),
    ...(options.category ? { category: options.category } : {}),
    urgency: 'low',
    ...(options.requesterEmail ? { requesterEmail: options.requesterEmail } : {}),
    attachments: [{ filename: 'firstline-test.txt', contentType: 'text/plain; charset=utf-8', content: `Firstline connection test ${clientId}\n` }],
    createdAt: at,
  };
}

/** Where an agent opens the ticket, when the API's answer carries no link. */
export function ticketLink(config: ConnectorConfig, ref: TicketRef): string | undefined {
  if (ref.url) return ref.url;
  if (!('baseUrl' in config)) return undefined;
  const base = config.baseUrl.replace(/\/+$/, '');
  const id = encodeURIComponent(ref.id);
  switch (config.type) {
    case 'topdesk':
      return `${base}/tas/secure/incident?unid=${id}`;
    case 'servicenow':
      return `${base}/nav_to.do?uri=incident.do?sys_id=${id}`;
    case 'jira':
      return `${base}/browse/${encodeURIComponent(ref.number)}`;
    case 'zammad':
      return `${base}/#ticket/zoom/${id}`;
    case 'freshservice':
      return `${base}/a/tickets/${id}`;
    case 'rt':
      return `${base}/Ticket/Display.html?id=${id}`;
    default:
      return undefined;
  }
}

const tlsCode = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|HOSTNAME|ALTNAME/i;

function target(config: ConnectorConfig): string {
  if ('baseUrl' in config) return config.baseUrl;
  if (config.type === 'webhook') return config.url;
  if (config.type === 'email') return `${config.smtp.host}:${String(config.smtp.port ?? 587)}`;
  return config.type;
}

/** The admin-facing sentence for a failure: what it means and what to check. Never echoes a secret. */
export function explainFailure(error: unknown, config: ConnectorConfig, timeoutMs: number): string {
  const where = target(config);
  const secrets = referencedSecretNames(config);
  const secretHint = secrets.length > 0 ? `the secret ${secrets.map((s) => `"${s}"`).join(' / ')}` : 'the credential';
  if (!(error instanceof ConnectorError)) return `Unexpected error: ${error instanceof Error ? error.message : String(error)}.`;
  const detail = error.message;
  switch (error.messageKey) {
    case 'ticket.error.missing-secret':
      return `The credential is missing: ${secretHint} is not in the secret store. Deliver it by machine policy (docs/admin.md, Helpdesk credentials) or, for a test, store it with: printf %s "$VALUE" | firstline secret set ${secrets[0] ?? '<name>'} --data-dir <dir>.`;
    case 'ticket.error.auth':
      return `The helpdesk refused the credential (HTTP ${String(error.status)}${error.status === 403 ? ': it is known but may not create tickets here' : ': it is wrong or expired'}). Check ${secretHint} (its format for ${config.type} is in docs/admin.md) and the account's rights to create and read tickets.`;
    case 'ticket.error.not-found':
      return `Nothing answered at that address (HTTP 404 for ${detail.replace(/: HTTP 404$/, '')}). Check the base URL ${where}: it is the helpdesk's own address, without an API path${config.type === 'jira' ? ', and serviceDeskId / requestTypeId must exist' : ''}.`;
    case 'ticket.error.too-large':
      return `The helpdesk refused the ticket as too large (HTTP 413): its upload limit is lower than this small test ticket, so employees' transcripts will be refused too. Raise the limit on the helpdesk.`;
    case 'ticket.error.rejected':
      return `The helpdesk refused the ticket's fields (HTTP ${String(error.status ?? '4xx')}): a value it requires is missing or not accepted — check the connector's fields (queue, group, category and urgency mappings, requester) against the helpdesk, and the field limits in docs/admin.md.`;
    case 'ticket.error.timeout':
      return `No answer from ${where} within ${String(timeoutMs)} ms. The helpdesk may be slow or a firewall may drop the connection; raise helpdesk.timeoutMs or check the route. Nothing tells whether the ticket was created: the app would search for it before sending again.`;
    case 'ticket.error.offline': {
      if (tlsCode.test(detail))
        return `The secure connection to ${where} failed (${detail.split(': ').pop() ?? detail}): the helpdesk's certificate is not trusted by this machine, expired, or issued for another name. Use the certificate's exact host name in the URL, or install your organisation's root certificate on the machines.`;
      return `Could not reach ${where} (${detail.split(': ').pop() ?? detail}): the host name does not resolve, nothing listens on that port, or the network blocks it. Check the URL and that this machine can reach the helpdesk.`;
    }
    case 'ticket.error.server':
      return `The helpdesk had a problem of its own (HTTP ${String(error.status)}). The app keeps such tickets and retries later; try again, and check the helpdesk's health.`;
    case 'ticket.error.config':
      return `The connector settings cannot be used: ${detail}. Check the helpdesk policy with: firstline policy check <file>.`;
    default:
      return `The helpdesk answered in a way Firstline did not expect (${detail}). The app would search for the ticket before sending again.`;
  }
}

export async function runConnectionTest(config: ConnectorConfig, deps: ConnectorDeps, options: ConnectionTestOptions = {}): Promise<ConnectionTestResult> {
  const clientId = options.clientId ?? randomUUID();
  const result: ConnectionTestResult = { ok: false, connector: config.type, clientId, steps: [] };
  let connector: Connector | null;
  try {
    connector = await createConnector(config, deps);
  } catch (error) {
    result.steps.push({ step: 'create', ok: false, detail: 'connector not created', explanation: explainFailure(error, config, deps.timeoutMs) });
    return result;
  }
  if (!connector) {
    result.steps.push({
      step: 'create',
      ok: true,
      detail: 'mailto: Firstline sends nothing itself',
      explanation: `Employees' mail program opens a message to ${config.type === 'mailto' ? config.to : 'the address'}; there is no ticket to create or read back.`,
    });
    result.ok = true;
    return result;
  }
  try {
    const created = await connector.create(testTicketDraft(clientId, options), clientId);
    const link = ticketLink(config, created);
    result.ticket = { id: created.id, number: created.number, ...(link ? { link } : {}), ...(created.attachmentsFailed ? { attachmentsFailed: true } : {}) };
    result.steps.push({
      step: 'create',
      ok: true,
      detail: `created ${created.number} (id ${created.id})`,
      ...(created.attachmentsFailed
        ? { explanation: "The ticket exists, but its attachment was refused: employees' transcripts will be missing from tickets. Check the helpdesk's attachment settings and the account's rights." }
        : {}),
    });
  } catch (error) {
    result.steps.push({ step: 'create', ok: false, detail: error instanceof Error ? error.message : String(error), explanation: explainFailure(error, config, deps.timeoutMs) });
    connector.close?.();
    return result;
  }
  const ref: TicketRef = { id: result.ticket.id, number: result.ticket.number };
  try {
    const found = await connector.findByClientId(clientId);
    if (found === 'unsupported') result.steps.push({ step: 'search', ok: true, detail: 'not needed: the receiver deduplicates on the client id' });
    else if (found && found.id === ref.id) result.steps.push({ step: 'search', ok: true, detail: `found again by its client id (${found.number})` });
    else
      result.steps.push({
        step: 'search',
        ok: false,
        detail: found ? `the search found ${found.number}, not ${ref.number}` : 'not found by its client id',
        explanation:
          'After a timeout the app searches for the ticket before sending again; this search failing means a timeout could create a duplicate. Check that the account may search tickets (and, for RT, the client-id custom field).',
      });
  } catch (error) {
    result.steps.push({ step: 'search', ok: false, detail: error instanceof Error ? error.message : String(error), explanation: explainFailure(error, config, deps.timeoutMs) });
  }
  if (connector.status) {
    try {
      result.status = await connector.status(ref);
      result.steps.push({ step: 'status', ok: true, detail: `${result.status.state} (the helpdesk says "${result.status.raw}")` });
    } catch (error) {
      result.steps.push({
        step: 'status',
        ok: false,
        detail: error instanceof Error ? error.message : String(error),
        explanation: `Employees will not see their ticket's status under "My tickets": ${explainFailure(error, config, deps.timeoutMs)}`,
      });
    }
  } else {
    result.steps.push({ step: 'status', ok: true, detail: `not read: ${config.type} offers no status to read back` });
  }
  connector.close?.();
  result.ok = result.steps.every((s) => s.ok);
  return result;
}
