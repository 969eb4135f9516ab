/**
 * Every API connector against a local server that checks the request the way the helpdesk would
 * (method, path, auth header, required fields, limits, attachments — reference/ticket-apis.md)
 * and answers with realistic bodies.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectorConfigSchema } from '../../../core/tickets/connectors/index.ts';
import { createConnector } from '../../../core/tickets/connectors/index.ts';
import { createMemorySecretStore } from '../../../core/secrets/secret-store.ts';
import type { Connector, TicketDraft } from '../../../core/tickets/types.ts';
import { ConnectorError } from '../../../core/tickets/types.ts';
import { sendJson, startHelpdesk } from './helpdesk-server.ts';
import type { Handler } from './helpdesk-server.ts';

const CLIENT = '5e0c8f4e-1d2a-4b8e-9f61-0a1b2c3d4e5f';
const LONG_TITLE = 'Outlook keeps asking for my password every few minutes since this morning and nothing I try makes it stop at all';
const draft: TicketDraft = {
  clientId: CLIENT,
  title: LONG_TITLE,
  userText: 'It started after the update.',
  details: `What was tried:\n1. Check credentials <b>\n\nFirstline reference: ${CLIENT}`,
  category: 'email',
  urgency: 'high',
  requesterEmail: 'jan.peeters@example.test',
  attachments: [{ filename: 'firstline-transcript.txt', contentType: 'text/plain; charset=utf-8', content: '000 check ok\n001 fix applied' }],
  createdAt: '2026-11-24T09:00:00.000Z',
};
const secrets = createMemorySecretStore({
  td: 'firstline-api:app-pass-1',
  sn: 'svc.firstline:sn-pass',
  jira: 'bot@example.test:jira-token',
  zammad: 'zm-token-123',
  fresh: 'fs-api-key',
  rt: 'rt-token-xyz',
  hook: 'hook-bearer',
});
const basic = (v: string) => `Basic ${Buffer.from(v).toString('base64')}`;
let servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function setup(handler: Handler, config: (url: string) => Record<string, unknown>) {
  const server = await startHelpdesk(handler);
  servers.push(server);
  const connector = (await createConnector(connectorConfigSchema.parse(config(server.url)), { secrets, timeoutMs: 2000 })) as Connector;
  return { server, connector };
}

describe('TOPdesk connector', () => {
  it('creates an incident with externalNumber, a ≤80-char title and the transcript attached; finds it again and reads status', async () => {
    const { server, connector } = await setup(
      (req, res) => {
        expect(req.headers.authorization).toBe(basic('firstline-api:app-pass-1'));
        if (req.method === 'POST' && req.path === '/tas/api/incidents') {
          const body = req.json as { briefDescription: string; externalNumber: string; request: string; callerLookup: unknown; category: unknown; urgency: unknown };
          expect(body.briefDescription.length).toBeLessThanOrEqual(80);
          expect(body.externalNumber).toBe(CLIENT);
          expect(body.request).toContain('It started after the update.<br><br>What was tried:');
          expect(body.request).toContain('&lt;b&gt;');
          expect(body.callerLookup).toEqual({ email: 'jan.peeters@example.test' });
          expect(body.category).toEqual({ name: 'E-mail' });
          expect(body.urgency).toEqual({ name: 'Urgent' });
          return sendJson(res, 201, { id: 'a1b2-c3', number: 'I 2411 001', processingStatus: { name: 'Logged' } });
        }
        if (req.method === 'POST' && req.path === '/tas/api/incidents/number/I%202411%20001/attachments') {
          const file = req.form?.get('file') as File;
          expect(file.name).toBe('firstline-transcript.txt');
          return sendJson(res, 200, { id: 'att-1', fileName: file.name });
        }
        if (req.method === 'GET' && req.path === '/tas/api/incidents') {
          expect(req.url.searchParams.get('query')).toBe(`externalNumber=="${CLIENT}"`);
          return sendJson(res, 200, [{ id: 'a1b2-c3', number: 'I 2411 001', externalNumber: CLIENT }]);
        }
        if (req.method === 'GET' && req.path === '/tas/api/incidents/id/a1b2-c3') {
          return sendJson(res, 200, { id: 'a1b2-c3', number: 'I 2411 001', processingStatus: { name: 'In progress' }, completed: false, closed: false });
        }
        res.writeHead(404).end();
      },
      (url) => ({ type: 'topdesk', baseUrl: url, credentialSecret: 'td', categories: { email: 'E-mail' }, urgencies: { high: 'Urgent' } }),
    );
    const ref = await connector.create(draft, CLIENT);
    expect(ref).toEqual({ id: 'a1b2-c3', number: 'I 2411 001', attachmentsFailed: false });
    expect(await connector.findByClientId(CLIENT)).toEqual({ id: 'a1b2-c3', number: 'I 2411 001' });
    expect(await connector.status?.(ref)).toEqual({ state: 'open', raw: 'In progress' });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toHaveLength(4);
  });

  it('treats 204 No Content as "not found" and maps 401 to a rejected auth error', async () => {
    const { connector } = await setup(
      (req, res) => {
        if (req.method === 'GET') return void res.writeHead(204).end();
        sendJson(res, 401, { message: 'Unauthorized' });
      },
      (url) => ({ type: 'topdesk', baseUrl: url, credentialSecret: 'td' }),
    );
    expect(await connector.findByClientId(CLIENT)).toBeNull();
    const error = await connector.create(draft, CLIENT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ kind: 'rejected', messageKey: 'ticket.error.auth', status: 401 });
  });
});

describe('ServiceNow connector', () => {
  it('creates an incident with correlation_id and urgency 1, uploads the attachment raw, finds and reads state', async () => {
    const { connector } = await setup(
      (req, res) => {
        expect(req.headers.authorization).toBe(basic('svc.firstline:sn-pass'));
        if (req.method === 'POST' && req.path === '/api/now/table/incident') {
          const body = req.json as Record<string, string>;
          expect(body.short_description?.length).toBeLessThanOrEqual(80);
          expect(body.correlation_id).toBe(CLIENT);
          expect(body.urgency).toBe('1');
          expect(body.contact_type).toBe('self-service');
          expect(body.caller_id).toBe('jan.peeters');
          expect(body.description).toContain('What was tried');
          return sendJson(res, 201, { result: { sys_id: '9d385017c611228701d22104cc95c371', number: 'INC0010001', state: '1' } });
        }
        if (req.method === 'POST' && req.path === '/api/now/attachment/file') {
          expect(req.url.searchParams.get('table_name')).toBe('incident');
          expect(req.url.searchParams.get('table_sys_id')).toBe('9d385017c611228701d22104cc95c371');
          expect(req.url.searchParams.get('file_name')).toBe('firstline-transcript.txt');
          expect(req.headers['content-type']).toContain('text/plain');
          expect(req.raw.toString()).toBe('000 check ok\n001 fix applied');
          return sendJson(res, 201, { result: { sys_id: 'att' } });
        }
        if (req.method === 'GET' && req.path === '/api/now/table/incident') {
          expect(req.url.searchParams.get('sysparm_query')).toBe(`correlation_id=${CLIENT}`);
          return sendJson(res, 200, { result: [{ sys_id: '9d385017c611228701d22104cc95c371', number: 'INC0010001' }] });
        }
        if (req.method === 'GET' && req.path === '/api/now/table/incident/9d385017c611228701d22104cc95c371') {
          return sendJson(res, 200, { result: { number: 'INC0010001', state: '6' } });
        }
        res.writeHead(404).end();
      },
      (url) => ({ type: 'servicenow', baseUrl: url, credentialSecret: 'sn', callerId: 'jan.peeters' }),
    );
    const ref = await connector.create(draft, CLIENT);
    expect(ref.number).toBe('INC0010001');
    expect(ref.attachmentsFailed).toBe(false);
    expect(await connector.findByClientId(CLIENT)).toEqual({ id: '9d385017c611228701d22104cc95c371', number: 'INC0010001' });
    expect(await connector.status?.(ref)).toEqual({ state: 'resolved', raw: '6' });
  });

  it('maps 503 to retryable and reports a failed attachment without failing the ticket', async () => {
    let calls = 0;
    const { connector } = await setup(
      (req, res) => {
        calls++;
        if (calls === 1) return sendJson(res, 503, { error: 'busy' });
        if (req.path === '/api/now/table/incident') return sendJson(res, 201, { result: { sys_id: 's1', number: 'INC0010002' } });
        sendJson(res, 500, { error: 'attachment store down' });
      },
      (url) => ({ type: 'servicenow', baseUrl: url, credentialSecret: 'sn' }),
    );
    await expect(connector.create(draft, CLIENT)).rejects.toMatchObject({ kind: 'retryable', messageKey: 'ticket.error.server', status: 503 });
    expect(await connector.create(draft, CLIENT)).toMatchObject({ number: 'INC0010002', attachmentsFailed: true });
  });
});

describe('Jira Service Management connector', () => {
  it('raises a request (summary < 255), attaches in two steps, finds by searchTerm and reads the status category', async () => {
    const { server, connector } = await setup(
      (req, res) => {
        expect(req.headers.authorization).toBe(basic('bot@example.test:jira-token'));
        if (req.method === 'POST' && req.path === '/rest/servicedeskapi/request') {
          const body = req.json as { serviceDeskId: string; requestTypeId: string; raiseOnBehalfOf: string; requestFieldValues: { summary: string; description: string } };
          expect(body.serviceDeskId).toBe('4');
          expect(body.requestTypeId).toBe('25');
          expect(body.raiseOnBehalfOf).toBe('5b10ac8d82e05b22cc7d4ef5');
          expect(body.requestFieldValues.summary.length).toBeLessThan(255);
          expect(body.requestFieldValues.description).toContain(CLIENT);
          return sendJson(res, 201, {
            issueId: '10010',
            issueKey: 'SD-12',
            currentStatus: { status: 'Waiting for support', statusCategory: 'NEW' },
            _links: { web: 'https://jira.example.test/servicedesk/customer/portal/4/SD-12' },
          });
        }
        if (req.method === 'POST' && req.path === '/rest/servicedeskapi/servicedesk/4/attachTemporaryFile') {
          expect(req.headers['x-atlassian-token']).toBe('no-check');
          expect((req.form?.get('file') as File).name).toBe('firstline-transcript.txt');
          return sendJson(res, 201, { temporaryAttachments: [{ temporaryAttachmentId: 'temp-8', fileName: 'firstline-transcript.txt' }] });
        }
        if (req.method === 'POST' && req.path === '/rest/servicedeskapi/request/SD-12/attachment') {
          expect(req.json).toEqual({ temporaryAttachmentIds: ['temp-8'], public: true });
          return sendJson(res, 201, { attachments: { values: [] } });
        }
        if (req.method === 'GET' && req.path === '/rest/servicedeskapi/request') {
          expect(req.url.searchParams.get('searchTerm')).toBe(CLIENT);
          return sendJson(res, 200, {
            values: [
              { issueId: '10009', issueKey: 'SD-11', requestFieldValues: [{ fieldId: 'description', value: 'other' }] },
              { issueId: '10010', issueKey: 'SD-12', requestFieldValues: [{ fieldId: 'description', value: `ref ${CLIENT}` }] },
            ],
          });
        }
        if (req.method === 'GET' && req.path === '/rest/servicedeskapi/request/SD-12') {
          return sendJson(res, 200, { issueKey: 'SD-12', currentStatus: { status: 'In progress', statusCategory: 'INDETERMINATE' } });
        }
        res.writeHead(404).end();
      },
      (url) => ({ type: 'jira', baseUrl: url, credentialSecret: 'jira', serviceDeskId: '4', requestTypeId: '25', raiseOnBehalfOf: '5b10ac8d82e05b22cc7d4ef5' }),
    );
    const ref = await connector.create({ ...draft, title: 'y'.repeat(400) }, CLIENT);
    expect(ref).toMatchObject({ id: '10010', number: 'SD-12', attachmentsFailed: false });
    expect(await connector.findByClientId(CLIENT)).toMatchObject({ number: 'SD-12' });
    expect(await connector.status?.(ref)).toEqual({ state: 'in-progress', raw: 'In progress' });
    expect(server.requests).toHaveLength(5);
  });
});

describe('Zammad connector', () => {
  it('creates a ticket with the article and base64 attachment, token auth, and finds it by search', async () => {
    const { connector } = await setup(
      (req, res) => {
        expect(req.headers.authorization).toBe('Token token=zm-token-123');
        if (req.method === 'POST' && req.path === '/api/v1/tickets') {
          const body = req.json as { title: string; group: string; customer: string; article: { body: string; attachments: unknown[] } };
          expect(body.title).toBe(LONG_TITLE);
          expect(body.group).toBe('Service Desk');
          expect(body.customer).toBe('guess:jan.peeters@example.test');
          expect(body.article).toMatchObject({ type: 'note', internal: false, content_type: 'text/plain' });
          expect(body.article.body).toContain(CLIENT);
          expect(body.article.attachments[0]).toEqual({ filename: 'firstline-transcript.txt', data: Buffer.from('000 check ok\n001 fix applied').toString('base64'), 'mime-type': 'text/plain' });
          return sendJson(res, 201, { id: 42, number: '31042', state_id: 1 });
        }
        if (req.method === 'GET' && req.path === '/api/v1/tickets/search') {
          expect(req.url.searchParams.get('query')).toBe(`"${CLIENT}"`);
          return sendJson(res, 200, { tickets: [42], tickets_count: 1, assets: { Ticket: { '42': { id: 42, number: '31042' } } } });
        }
        if (req.method === 'GET' && req.path === '/api/v1/tickets/42') {
          return sendJson(res, 200, { id: 42, number: '31042', state: 'pending reminder' });
        }
        res.writeHead(404).end();
      },
      (url) => ({ type: 'zammad', baseUrl: url, tokenSecret: 'zammad', group: 'Service Desk' }),
    );
    const ref = await connector.create(draft, CLIENT);
    expect(ref).toEqual({ id: '42', number: '31042' });
    expect(await connector.findByClientId(CLIENT)).toEqual({ id: '42', number: '31042' });
    expect(await connector.status?.(ref)).toEqual({ state: 'waiting', raw: 'pending reminder' });
  });
});

describe('Freshservice connector', () => {
  it('posts multipart with attachments[], API key basic auth, priority mapping and the client id tag', async () => {
    const { connector } = await setup(
      (req, res) => {
        expect(req.headers.authorization).toBe(basic('fs-api-key:X'));
        if (req.method === 'POST' && req.path === '/api/v2/tickets') {
          const form = req.form as FormData;
          expect(form.get('subject')).toBe(LONG_TITLE);
          expect(form.get('email')).toBe('jan.peeters@example.test');
          expect(form.get('priority')).toBe('4');
          expect(form.get('status')).toBe('2');
          expect(form.getAll('tags[]')).toEqual([`fl-${CLIENT}`]);
          expect(String(form.get('description'))).toContain('<br>');
          expect((form.get('attachments[]') as File).name).toBe('firstline-transcript.txt');
          return sendJson(res, 201, { ticket: { id: 207, subject: LONG_TITLE, status: 2, priority: 4 } });
        }
        if (req.method === 'GET' && req.path === '/api/v2/tickets/filter') {
          expect(req.url.searchParams.get('query')).toBe(`"tag:'fl-${CLIENT}'"`);
          return sendJson(res, 200, { tickets: [{ id: 207 }], total: 1 });
        }
        if (req.method === 'GET' && req.path === '/api/v2/tickets/207') return sendJson(res, 200, { ticket: { id: 207, status: 4 } });
        res.writeHead(404).end();
      },
      (url) => ({ type: 'freshservice', baseUrl: url, apiKeySecret: 'fresh', priorities: { high: 4 } }),
    );
    const ref = await connector.create(draft, CLIENT);
    expect(ref).toMatchObject({ id: '207', number: '#INC-207', attachmentsFailed: false });
    expect(await connector.findByClientId(CLIENT)).toEqual({ id: '207', number: '#INC-207' });
    expect(await connector.status?.(ref)).toEqual({ state: 'resolved', raw: '4' });
  });
});

describe('Request Tracker connector (shape)', () => {
  it('creates with Queue/Subject tag/Requestor/Content/Attachments and token auth; searches with TicketSQL', async () => {
    const { connector } = await setup(
      (req, res) => {
        expect(req.headers.authorization).toBe('token rt-token-xyz');
        if (req.method === 'POST' && req.path === '/REST/2.0/ticket') {
          const body = req.json as { Queue: string; Subject: string; Requestor: string; Content: string; Attachments: unknown[] };
          expect(body.Queue).toBe('Helpdesk');
          expect(body.Subject).toMatch(new RegExp(`\\[fl:${CLIENT}\\]$`));
          expect(body.Requestor).toBe('jan.peeters@example.test');
          expect(body.Content).toContain('What was tried');
          expect(body.Attachments[0]).toMatchObject({ FileName: 'firstline-transcript.txt', FileType: 'text/plain' });
          return sendJson(res, 201, { id: '17', type: 'ticket', _url: `http://127.0.0.1/REST/2.0/ticket/17` });
        }
        if (req.method === 'GET' && req.path === '/REST/2.0/tickets') {
          expect(req.url.searchParams.get('query')).toBe(`Subject LIKE '[fl:${CLIENT}]'`);
          return sendJson(res, 200, { count: 1, total: 1, items: [{ id: '17', type: 'ticket' }] });
        }
        res.writeHead(404).end();
      },
      (url) => ({ type: 'rt', baseUrl: url, tokenSecret: 'rt', queue: 'Helpdesk' }),
    );
    expect(await connector.create(draft, CLIENT)).toEqual({ id: '17', number: '#17' });
    expect(await connector.findByClientId(CLIENT)).toEqual({ id: '17', number: '#17' });
  });
});

describe('JSON webhook connector', () => {
  it('posts the whole ticket with an Idempotency-Key and bearer auth to the configured path', async () => {
    const { server, connector } = await setup(
      (req, res) => {
        expect(req.method).toBe('POST');
        expect(req.path).toBe('/hooks/firstline');
        expect(req.headers['idempotency-key']).toBe(CLIENT);
        expect(req.headers.authorization).toBe('Bearer hook-bearer');
        expect(req.json).toMatchObject({ clientId: CLIENT, title: LONG_TITLE, urgency: 'high', category: 'email' });
        sendJson(res, 202, { id: 'evt-1', number: 'HD-77' });
      },
      (url) => ({ type: 'webhook', url: `${url}/hooks/firstline`, bearerSecret: 'hook' }),
    );
    expect(await connector.create(draft, CLIENT)).toEqual({ id: 'evt-1', number: 'HD-77' });
    expect(await connector.findByClientId(CLIENT)).toBe('unsupported');
    expect(server.requests).toHaveLength(1);
  });

  it('fails with a missing-secret error (and sends nothing) when the credential is not in the store', async () => {
    const { server, connector } = await setup(
      (_req, res) => sendJson(res, 200, {}),
      (url) => ({ type: 'webhook', url, bearerSecret: 'not-there' }),
    );
    await expect(connector.create(draft, CLIENT)).rejects.toMatchObject({ kind: 'rejected', messageKey: 'ticket.error.missing-secret' });
    expect(server.requests).toHaveLength(0);
  });
});
