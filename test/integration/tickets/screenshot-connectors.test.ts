/**
 * A screenshot (binary PNG) reaches every helpdesk byte for byte, with its file name and content
 * type, next to the text transcript — through each connector's real attachment API shape
 * (reference/ticket-apis.md) on a loopback server, and through SMTP to a real smtp-server.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../core/secrets/secret-store.ts';
import { connectorConfigSchema, createConnector } from '../../../core/tickets/connectors/index.ts';
import { createEmailConnector } from '../../../core/tickets/connectors/email-smtp.ts';
import { screenshotAttachment } from '../../../core/tickets/screenshot.ts';
import type { Connector, TicketDraft } from '../../../core/tickets/types.ts';
import { makePng } from '../../support/png.ts';
import { sendJson, startHelpdesk } from './helpdesk-server.ts';
import type { Handler, Recorded } from './helpdesk-server.ts';

const CLIENT = '7f3e2a10-4b5c-4d6e-8f90-a1b2c3d4e5f6';
const PNG = makePng(64, 40, [200, 40, 40]);
const shot = screenshotAttachment(CLIENT, PNG, 'image/png');
const NAME = 'screenshot-7f3e2a10.png';
const TRANSCRIPT = '000 check ok\n001 fix applied';
const draft: TicketDraft = {
  clientId: CLIENT,
  title: 'Teams shows a grey window',
  userText: 'See the screenshot.',
  details: `Firstline reference: ${CLIENT}`,
  urgency: 'normal',
  requesterEmail: 'jan.peeters@example.test',
  attachments: [{ filename: 'firstline-transcript.txt', contentType: 'text/plain; charset=utf-8', content: TRANSCRIPT }, shot],
  createdAt: '2026-12-01T09:00:00.000Z',
};
const secrets = createMemorySecretStore({ td: 'api:pass', sn: 'svc:pass', jira: 'bot@example.test:tok', zammad: 'zm', fresh: 'fs', rt: 'rt', hook: 'hb' });

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

async function setup(handler: Handler, config: (url: string) => Record<string, unknown>) {
  const server = await startHelpdesk(handler);
  closers.push(server.close);
  const connector = (await createConnector(connectorConfigSchema.parse(config(server.url)), { secrets, timeoutMs: 5000 })) as Connector;
  return { server, connector };
}

/** A multipart file part as the helpdesk reads it. */
async function fileOf(req: Recorded, field: string, name: string): Promise<{ bytes: Buffer; type: string } | null> {
  const file = (req.form?.getAll(field) ?? []).find((f): f is File => typeof f !== 'string' && f.name === name);
  return file ? { bytes: Buffer.from(await file.arrayBuffer()), type: file.type } : null;
}

describe('screenshot attachment through every connector', () => {
  it('TOPdesk: one multipart upload per file to /incidents/number/{n}/attachments, PNG bytes intact', async () => {
    const uploads: { name: string; bytes: Buffer; type: string }[] = [];
    const { connector } = await setup(
      async (req, res) => {
        if (req.path === '/tas/api/incidents') return sendJson(res, 201, { id: 'i1', number: 'I 2412 001' });
        if (req.path === '/tas/api/incidents/number/I%202412%20001/attachments') {
          const file = req.form?.get('file') as File;
          uploads.push({ name: file.name, bytes: Buffer.from(await file.arrayBuffer()), type: file.type });
          return sendJson(res, 200, { id: `a${uploads.length}`, fileName: file.name });
        }
        res.writeHead(404).end();
      },
      (url) => ({ type: 'topdesk', baseUrl: url, credentialSecret: 'td' }),
    );
    expect(await connector.create(draft, CLIENT)).toMatchObject({ number: 'I 2412 001', attachmentsFailed: false });
    expect(uploads.map((u) => u.name)).toEqual(['firstline-transcript.txt', NAME]);
    expect(uploads[1]?.bytes.equals(PNG)).toBe(true);
    expect(uploads[1]?.type).toBe('image/png');
    expect(uploads[0]?.bytes.toString('utf8')).toBe(TRANSCRIPT);
  });

  it('ServiceNow: raw body to /api/now/attachment/file with file_name and Content-Type image/png', async () => {
    const files: Recorded[] = [];
    const { connector } = await setup(
      (req, res) => {
        if (req.path === '/api/now/table/incident') return sendJson(res, 201, { result: { sys_id: 'abc123', number: 'INC0010009' } });
        if (req.path === '/api/now/attachment/file') {
          files.push(req);
          return sendJson(res, 201, { result: { sys_id: `att${files.length}`, file_name: req.url.searchParams.get('file_name') } });
        }
        res.writeHead(404).end();
      },
      (url) => ({ type: 'servicenow', baseUrl: url, credentialSecret: 'sn' }),
    );
    await connector.create(draft, CLIENT);
    const image = files.find((f) => f.url.searchParams.get('file_name') === NAME);
    expect(image?.url.searchParams.get('table_sys_id')).toBe('abc123');
    expect(image?.headers['content-type']).toBe('image/png');
    expect(image?.raw.equals(PNG)).toBe(true);
  });

  it('Jira Service Management: both files as temporary attachments, then one attach call with both ids', async () => {
    const temp: { name: string; bytes: Buffer; type: string }[] = [];
    let attachBody: unknown = null;
    const { connector } = await setup(
      async (req, res) => {
        if (req.path === '/rest/servicedeskapi/request') return sendJson(res, 201, { issueId: '10020', issueKey: 'SD-20' });
        if (req.path === '/rest/servicedeskapi/servicedesk/4/attachTemporaryFile') {
          expect(req.headers['x-atlassian-token']).toBe('no-check');
          const file = req.form?.get('file') as File;
          temp.push({ name: file.name, bytes: Buffer.from(await file.arrayBuffer()), type: file.type });
          return sendJson(res, 201, { temporaryAttachments: [{ temporaryAttachmentId: `tmp-${temp.length}`, fileName: file.name }] });
        }
        if (req.path === '/rest/servicedeskapi/request/SD-20/attachment') {
          attachBody = req.json;
          return sendJson(res, 201, { attachments: { values: temp.map((t) => ({ filename: t.name })) } });
        }
        res.writeHead(404).end();
      },
      (url) => ({ type: 'jira', baseUrl: url, credentialSecret: 'jira', serviceDeskId: '4', requestTypeId: '25' }),
    );
    expect(await connector.create(draft, CLIENT)).toMatchObject({ attachmentsFailed: false });
    expect(temp[1]).toMatchObject({ name: NAME, type: 'image/png' });
    expect(temp[1]?.bytes.equals(PNG)).toBe(true);
    expect(attachBody).toEqual({ temporaryAttachmentIds: ['tmp-1', 'tmp-2'], public: true });
  });

  it('Zammad: base64 `data` with `mime-type` image/png inside the first article', async () => {
    let article: { attachments: { filename: string; data: string; 'mime-type': string }[] } | null = null;
    const { connector } = await setup(
      (req, res) => {
        if (req.path === '/api/v1/tickets') {
          article = (req.json as { article: NonNullable<typeof article> }).article;
          return sendJson(res, 201, { id: 51, number: '31051' });
        }
        res.writeHead(404).end();
      },
      (url) => ({ type: 'zammad', baseUrl: url, tokenSecret: 'zammad' }),
    );
    await connector.create(draft, CLIENT);
    const image = article!.attachments.find((a) => a.filename === NAME);
    expect(image?.['mime-type']).toBe('image/png');
    expect(Buffer.from(image?.data ?? '', 'base64').equals(PNG)).toBe(true);
  });

  it('Freshservice: one multipart create with both files in attachments[]', async () => {
    let image: { bytes: Buffer; type: string } | null = null;
    const { connector } = await setup(
      async (req, res) => {
        if (req.path === '/api/v2/tickets') {
          expect(req.form?.getAll('attachments[]')).toHaveLength(2);
          image = await fileOf(req, 'attachments[]', NAME);
          return sendJson(res, 201, { ticket: { id: 301 } });
        }
        res.writeHead(404).end();
      },
      (url) => ({ type: 'freshservice', baseUrl: url, apiKeySecret: 'fresh' }),
    );
    expect(await connector.create(draft, CLIENT)).toMatchObject({ attachmentsFailed: false });
    expect(image!.type).toBe('image/png');
    expect(image!.bytes.equals(PNG)).toBe(true);
  });

  it('Request Tracker: Attachments[] with FileName, FileType image/png and base64 FileContent', async () => {
    let files: { FileName: string; FileType: string; FileContent: string }[] = [];
    const { connector } = await setup(
      (req, res) => {
        if (req.path === '/REST/2.0/ticket') {
          files = (req.json as { Attachments: typeof files }).Attachments;
          return sendJson(res, 201, { id: '88', type: 'ticket' });
        }
        res.writeHead(404).end();
      },
      (url) => ({ type: 'rt', baseUrl: url, tokenSecret: 'rt' }),
    );
    await connector.create(draft, CLIENT);
    const image = files.find((f) => f.FileName === NAME);
    expect(image?.FileType).toBe('image/png');
    expect(Buffer.from(image?.FileContent ?? '', 'base64').equals(PNG)).toBe(true);
  });

  it('webhook: attachments[] with filename, contentType and contentBase64 in the one POST', async () => {
    let body: { attachments: { filename: string; contentType: string; contentBase64: string }[] } | null = null;
    const { connector } = await setup(
      (req, res) => {
        body = req.json as NonNullable<typeof body>;
        sendJson(res, 202, { id: 'e1' });
      },
      (url) => ({ type: 'webhook', url: `${url}/hook` }),
    );
    await connector.create(draft, CLIENT);
    const image = body!.attachments.find((a) => a.filename === NAME);
    expect(image?.contentType).toBe('image/png');
    expect(Buffer.from(image?.contentBase64 ?? '', 'base64').equals(PNG)).toBe(true);
  });

  it('e-mail: a MIME part image/png named like the file, base64 decoding to the same bytes', async () => {
    const mails: string[] = [];
    const server = new SMTPServer({
      disableReverseLookup: true,
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const port = (server.server.address() as AddressInfo).port;
    const connector = createEmailConnector({ to: 'it@example.test', from: 'firstline@example.test', smtp: { host: '127.0.0.1', port, secure: false } }, { timeoutMs: 5000 });
    closers.push(async () => connector.close());
    await connector.create(draft, CLIENT);
    const raw = mails[0] ?? '';
    const boundary = /boundary="?([^";\r\n]+)"?/.exec(raw)?.[1] ?? '';
    const part = raw.split(`--${boundary}`).find((p) => p.includes(NAME)) ?? '';
    const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
    expect(head).toMatch(/Content-Type: image\/png/i);
    expect(head).toMatch(/Content-Transfer-Encoding: base64/i);
    expect(Buffer.from(rest.join('').replace(/\s+/g, ''), 'base64').equals(PNG)).toBe(true);
  });
});
