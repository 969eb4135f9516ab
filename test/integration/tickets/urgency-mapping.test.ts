/**
 * The employee's urgency ("I can't work at all / I can work around it / no hurry") reaches each
 * helpdesk in that helpdesk's own field, and the callback number travels with the ticket: asserted
 * in the request body every connector sends to a local server (reference/ticket-apis.md).
 */
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../core/secrets/secret-store.ts';
import { applyChoices, normalisePhone } from '../../../core/tickets/choices.ts';
import { createEmailConnector } from '../../../core/tickets/connectors/email-smtp.ts';
import { connectorConfigSchema, createConnector } from '../../../core/tickets/connectors/index.ts';
import { ticketBody } from '../../../core/tickets/draft.ts';
import type { Connector, TicketDraft, Urgency } from '../../../core/tickets/types.ts';
import { sendJson, startHelpdesk } from './helpdesk-server.ts';
import type { Recorded } from './helpdesk-server.ts';

const CLIENT = '7a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b';
const base: TicketDraft = {
  clientId: CLIENT,
  title: 'Cannot sign in',
  userText: 'My password stopped working.',
  details: `What was tried:\n1. Sign-in check\n\nFirstline reference: ${CLIENT}`,
  urgency: 'normal',
  requesterEmail: 'an.peeters@example.test',
  attachments: [],
  createdAt: '2026-12-01T09:00:00.000Z',
};
const levels: Urgency[] = ['low', 'normal', 'high'];
const secrets = createMemorySecretStore({ s: 'user:secret-1' });
let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

/** Sends one ticket per urgency level and returns the create request of each. */
async function sendEach(config: (url: string) => Record<string, unknown>, createPath: string, answer: unknown): Promise<Record<Urgency, Recorded>> {
  const server = await startHelpdesk((req, res) => (req.method === 'POST' && req.path === createPath ? sendJson(res, 201, answer) : sendJson(res, 404, {})));
  closers.push(() => server.close());
  const connector = (await createConnector(connectorConfigSchema.parse(config(server.url)), { secrets, timeoutMs: 2000 })) as Connector;
  const out: Partial<Record<Urgency, Recorded>> = {};
  for (const urgency of levels) {
    await connector.create(applyChoices(base, { urgency, callbackPhone: '+32 470 12 34 56' }, 'en'), CLIENT);
    out[urgency] = server.requests.filter((r) => r.method === 'POST' && r.path === createPath).at(-1);
  }
  return out as Record<Urgency, Recorded>;
}

const json = (r: Recorded) => r.json as Record<string, unknown>;

describe('urgency reaches each helpdesk in its own field', () => {
  it('TOPdesk: urgency by the names configured for the matrix', async () => {
    const sent = await sendEach((url) => ({ type: 'topdesk', baseUrl: url, credentialSecret: 's', urgencies: { low: 'Low', normal: 'Medium', high: 'Urgent' } }), '/tas/api/incidents', {
      id: 'a',
      number: 'I 1',
    });
    expect(levels.map((u) => json(sent[u]).urgency)).toEqual([{ name: 'Low' }, { name: 'Medium' }, { name: 'Urgent' }]);
    expect(String(json(sent.high).request)).toContain('Call back at: +32 470 12 34 56');
  });

  it('ServiceNow: urgency 3, 2, 1', async () => {
    const sent = await sendEach((url) => ({ type: 'servicenow', baseUrl: url, credentialSecret: 's' }), '/api/now/table/incident', { result: { sys_id: 's', number: 'INC1' } });
    expect(levels.map((u) => json(sent[u]).urgency)).toEqual(['3', '2', '1']);
    expect(String(json(sent.low).description)).toMatch(/^Urgency: no hurry\nCall back at: \+32 470 12 34 56/m);
  });

  it('Jira Service Management: the configured priority id in requestFieldValues; none when not configured', async () => {
    const sent = await sendEach(
      (url) => ({ type: 'jira', baseUrl: url, credentialSecret: 's', serviceDeskId: '4', requestTypeId: '25', priorities: { low: '4', normal: '3', high: '1' } }),
      '/rest/servicedeskapi/request',
      { issueId: '1', issueKey: 'SD-1' },
    );
    const fields = (u: Urgency) => json(sent[u]).requestFieldValues as Record<string, unknown>;
    expect(levels.map((u) => fields(u).priority)).toEqual([{ id: '4' }, { id: '3' }, { id: '1' }]);
    const plain = await sendEach((url) => ({ type: 'jira', baseUrl: url, credentialSecret: 's', serviceDeskId: '4', requestTypeId: '25' }), '/rest/servicedeskapi/request', {
      issueId: '1',
      issueKey: 'SD-1',
    });
    const plainFields = plain.high.json as { requestFieldValues: Record<string, unknown> };
    // Without a map the request type may not show Priority (Jira would refuse it): the text says it instead.
    expect(plainFields.requestFieldValues.priority).toBeUndefined();
    expect(String(plainFields.requestFieldValues.description)).toContain('Urgency: cannot work at all');
  });

  it('Zammad: priority_id 1, 2, 3 (its shipped priorities) or the configured ids', async () => {
    const sent = await sendEach((url) => ({ type: 'zammad', baseUrl: url, tokenSecret: 's' }), '/api/v1/tickets', { id: 1, number: '31001' });
    expect(levels.map((u) => json(sent[u]).priority_id)).toEqual([1, 2, 3]);
    const mapped = await sendEach((url) => ({ type: 'zammad', baseUrl: url, tokenSecret: 's', priorities: { high: 7 } }), '/api/v1/tickets', { id: 1, number: '31001' });
    expect(json(mapped.high).priority_id).toBe(7);
  });

  it('Freshservice: priority and its own urgency field', async () => {
    const sent = await sendEach((url) => ({ type: 'freshservice', baseUrl: url, apiKeySecret: 's', priorities: { high: 4 } }), '/api/v2/tickets', { ticket: { id: 9 } });
    expect(levels.map((u) => [json(sent[u]).priority, json(sent[u]).urgency])).toEqual([
      [1, 1],
      [2, 2],
      [4, 3],
    ]);
  });

  it('Request Tracker: Priority on RT 5’s default scale, or the configured numbers', async () => {
    const sent = await sendEach((url) => ({ type: 'rt', baseUrl: url, tokenSecret: 's' }), '/REST/2.0/ticket', { id: '5' });
    expect(levels.map((u) => json(sent[u]).Priority)).toEqual([0, 50, 100]);
    const mapped = await sendEach((url) => ({ type: 'rt', baseUrl: url, tokenSecret: 's', priorities: { low: 1, normal: 2, high: 3 } }), '/REST/2.0/ticket', { id: '5' });
    expect(levels.map((u) => json(mapped[u]).Priority)).toEqual([1, 2, 3]);
  });

  it('JSON webhook: urgency and callbackPhone as fields', async () => {
    const sent = await sendEach((url) => ({ type: 'webhook', url: `${url}/hook` }), '/hook', { id: 'h', number: 'H-1' });
    expect(levels.map((u) => json(sent[u]).urgency)).toEqual(levels);
    expect(json(sent.high).callbackPhone).toBe('+32 470 12 34 56');
  });

  it('e-mail: X-Priority and Importance headers, and both lines in the text', async () => {
    const messages: string[] = [];
    const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const transport = {
      sendMail: async (mail: Parameters<typeof stream.sendMail>[0]) => {
        const info = await stream.sendMail(mail);
        messages.push(String(info.message));
        return info;
      },
      close: () => stream.close(),
    } as unknown as typeof stream;
    const connector = createEmailConnector({ to: 'helpdesk@example.test', from: 'firstline@example.test', smtp: { host: '127.0.0.1', port: 25, secure: false } }, { timeoutMs: 2000, transport });
    for (const urgency of levels) await connector.create(applyChoices(base, { urgency, callbackPhone: '0470/12.34.56' }, 'nl'), CLIENT);
    expect(messages.map((m) => /^X-Priority: (.*)$/m.exec(m)?.[1])).toEqual(['5 (Lowest)', undefined, '1 (Highest)']);
    // "Normal" is what a message without the header means; nodemailer leaves it out.
    expect(messages[2]).toMatch(/^Importance: High$/m);
    expect(messages[2]).toContain('Urgentie: kan helemaal niet werken');
    expect(messages[2]).toContain('Terugbellen op: 0470/12.34.56');
  });
});

describe('the callback number', () => {
  it('accepts numbers as people write them and refuses what no one can call', () => {
    expect(normalisePhone(' +32 2  555 01 23 ')).toBe('+32 2 555 01 23');
    expect(normalisePhone('0470/12.34.56')).toBe('0470/12.34.56');
    expect(normalisePhone('(02) 555-0123')).toBe('(02) 555-0123');
    for (const bad of ['', '12345', 'call me', '+32 2 555 01 23 ext 4', '++32 2 555 01 23', '<b>0470123456</b>', '1234567890123456']) expect(normalisePhone(bad)).toBeNull();
  });

  it('an invalid number is left out of the ticket rather than sent as typed', () => {
    const draft = applyChoices(base, { urgency: 'high', callbackPhone: 'ask Jan' }, 'fr');
    expect(draft.callbackPhone).toBeUndefined();
    expect(ticketBody(draft)).toContain('Urgence: ne peut plus travailler du tout');
    expect(ticketBody(draft)).not.toContain('Jan');
  });
});
