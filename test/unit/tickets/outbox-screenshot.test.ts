/**
 * A screenshot travels through the outbox like the ticket it belongs to: on disk (as base64)
 * before any request, intact after a restart, sent once even when an answer was lost, and its
 * bytes dropped from the file once the helpdesk has it (name, type and size kept).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../core/secrets/secret-store.ts';
import { openStore } from '../../../core/store/store.ts';
import { connectorConfigSchema, createConnector } from '../../../core/tickets/connectors/index.ts';
import { createOutbox, emptyOutbox, outboxFileSchema } from '../../../core/tickets/outbox.ts';
import { screenshotAttachment } from '../../../core/tickets/screenshot.ts';
import { attachmentBytes } from '../../../core/tickets/types.ts';
import type { Connector, TicketDraft } from '../../../core/tickets/types.ts';
import { makePng } from '../../support/png.ts';
import { sendJson, startHelpdesk } from '../../integration/tickets/helpdesk-server.ts';

const CLIENT = '22222222-3333-4444-8555-666666666666';
const PNG = makePng(32, 24);
const draft: TicketDraft = {
  clientId: CLIENT,
  title: 'Grey window',
  userText: '',
  details: 'What was tried: nothing',
  urgency: 'normal',
  attachments: [{ filename: 't.txt', contentType: 'text/plain', content: 'transcript' }, screenshotAttachment(CLIENT, PNG, 'image/png')],
  createdAt: '2026-12-01T10:00:00.000Z',
};
let dir = '';
let file = '';
const clock = { now: () => new Date('2026-12-01T10:00:00Z') };
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fl-outbox-shot-'));
  file = path.join(dir, 'outbox.json');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const open = async () => (await openStore({ file, schema: outboxFileSchema, defaults: emptyOutbox, clock })).store;

describe('outbox with a screenshot', () => {
  it('keeps the image bytes on disk across a restart and sends exactly those bytes', async () => {
    const never: Connector = { kind: 'x', titleLimit: 80, create: () => Promise.reject(new Error('not now')), findByClientId: async () => null };
    await createOutbox({ store: await open(), connector: never, clock }).enqueue(draft);
    // "Restart": a new store and outbox over the same file.
    const sent: Buffer[] = [];
    const connector: Connector = {
      kind: 'x',
      titleLimit: 80,
      async create(ticket) {
        for (const a of ticket.attachments) sent.push(attachmentBytes(a));
        return { id: '1', number: '#1' };
      },
      findByClientId: async () => null,
    };
    const outbox = createOutbox({ store: await open(), connector, clock });
    expect(outbox.entries()).toHaveLength(1);
    await outbox.deliverDue();
    expect(sent[1]?.equals(PNG)).toBe(true);
    expect(sent[0]?.toString('utf8')).toBe('transcript');
  });

  it('drops the image bytes from the file once delivered, keeping name, type and size', async () => {
    const connector: Connector = { kind: 'x', titleLimit: 80, create: async () => ({ id: '1', number: '#1' }), findByClientId: async () => null };
    const outbox = createOutbox({ store: await open(), connector, clock });
    await outbox.enqueue(draft);
    expect(readFileSync(file, 'utf8')).toContain(PNG.toString('base64'));
    await outbox.deliverDue();
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as { entries: { state: string; draft: TicketDraft }[] };
    expect(onDisk.entries[0]?.state).toBe('delivered');
    expect(onDisk.entries[0]?.draft.attachments[1]).toMatchObject({ filename: 'screenshot-22222222.png', contentType: 'image/png', content: '', size: PNG.length });
    expect(onDisk.entries[0]?.draft.attachments[0]?.content).toBe('transcript');
  });

  it('moves aside only the entry whose image is not base64, keeping the other tickets', async () => {
    const connector: Connector = { kind: 'x', titleLimit: 80, create: () => Promise.reject(new Error('offline')), findByClientId: async () => null };
    const outbox = createOutbox({ store: await open(), connector, clock });
    await outbox.enqueue(draft);
    await outbox.enqueue({ ...draft, clientId: '33333333-3333-4444-8555-666666666666' });
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { entries: { draft: TicketDraft }[] };
    const broken = raw.entries[0]?.draft.attachments[1];
    if (broken) broken.content = 'not base64 at all!';
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify(raw));
    const { store, report } = await openStore({ file, schema: outboxFileSchema, defaults: emptyOutbox, clock });
    expect(report).toMatchObject({ reason: 'invalid-entries', kept: 1, dropped: 1 });
    expect(store.data.entries.map((e) => e.clientId)).toEqual(['33333333-3333-4444-8555-666666666666']);
  });

  it('attaches the image once when a re-send follows a lost answer (Zammad: lookup finds the ticket)', async () => {
    const tickets: { id: number; images: string[] }[] = [];
    const server = await startHelpdesk((req, res, socket) => {
      if (req.method === 'POST' && req.path === '/api/v1/tickets') {
        const article = (req.json as { article: { attachments: { filename: string; data: string }[] } }).article;
        tickets.push({ id: tickets.length + 1, images: article.attachments.filter((a) => a.filename.endsWith('.png')).map((a) => a.data) });
        // Created, but the answer never arrives: the outcome is unknown to Firstline.
        return void socket.destroy();
      }
      if (req.method === 'GET' && req.path === '/api/v1/tickets/search') {
        const hit = tickets[0];
        return sendJson(res, 200, hit ? { tickets: [hit.id], assets: { Ticket: { [hit.id]: { id: hit.id, number: `3100${hit.id}` } } } } : { tickets: [], assets: {} });
      }
      res.writeHead(404).end();
    });
    try {
      const connector = (await createConnector(connectorConfigSchema.parse({ type: 'zammad', baseUrl: server.url, tokenSecret: 'z' }), {
        secrets: createMemorySecretStore({ z: 'tok' }),
        timeoutMs: 5000,
      })) as Connector;
      let t = Date.parse('2026-12-01T10:00:00Z');
      const moving = { now: () => new Date(t) };
      const outbox = createOutbox({ store: await open(), connector, clock: moving, random: () => 0 });
      await outbox.enqueue(draft);
      await outbox.deliverDue();
      expect(outbox.get(CLIENT)?.state).toBe('pending');
      t = outbox.nextDueAt()?.getTime() ?? t;
      await outbox.deliverDue();
      expect(outbox.get(CLIENT)).toMatchObject({ state: 'delivered', ref: { number: '31001' } });
      expect(tickets).toHaveLength(1);
      expect(tickets[0]?.images).toEqual([PNG.toString('base64')]);
    } finally {
      await server.close();
    }
  });

  it('uploads the image after a lost create answer when the connector attaches after creating (TOPdesk: lookup, then one upload per file)', async () => {
    const incidents: { number: string; externalNumber: string }[] = [];
    const uploads: { number: string; name: string; bytes: Buffer }[] = [];
    const server = await startHelpdesk(async (req, res, socket) => {
      if (req.method === 'POST' && req.path === '/tas/api/incidents') {
        incidents.push({ number: `I 2412 00${incidents.length + 1}`, externalNumber: (req.json as { externalNumber: string }).externalNumber });
        // Created, but the answer never arrives: the create's attachments were never uploaded.
        return void socket.destroy();
      }
      if (req.method === 'GET' && req.path === '/tas/api/incidents') {
        return sendJson(
          res,
          200,
          incidents.map((i, n) => ({ id: `id${n}`, number: i.number, externalNumber: i.externalNumber })),
        );
      }
      const upload = /^\/tas\/api\/incidents\/number\/([^/]+)\/attachments$/.exec(req.path);
      if (req.method === 'POST' && upload) {
        const file = req.form?.get('file') as File;
        uploads.push({ number: decodeURIComponent(upload[1] ?? ''), name: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
        return sendJson(res, 200, { id: `a${uploads.length}` });
      }
      res.writeHead(404).end();
    });
    try {
      const connector = (await createConnector(connectorConfigSchema.parse({ type: 'topdesk', baseUrl: server.url, credentialSecret: 'td' }), {
        secrets: createMemorySecretStore({ td: 'op:app-pass' }),
        timeoutMs: 5000,
      })) as Connector;
      let t = Date.parse('2026-12-01T10:00:00Z');
      const outbox = createOutbox({ store: await open(), connector, clock: { now: () => new Date(t) }, random: () => 0 });
      await outbox.enqueue(draft);
      await outbox.deliverDue();
      expect(outbox.get(CLIENT)?.state).toBe('pending');
      expect(uploads).toEqual([]);
      t = outbox.nextDueAt()?.getTime() ?? t;
      await outbox.deliverDue();
      expect(outbox.get(CLIENT)).toMatchObject({ state: 'delivered', ref: { number: 'I 2412 001' }, attachmentsFailed: false });
      expect(incidents).toHaveLength(1);
      expect(uploads.map((u) => [u.number, u.name])).toEqual([
        ['I 2412 001', 't.txt'],
        ['I 2412 001', draft.attachments[1]?.filename],
      ]);
      expect(uploads[1]?.bytes.equals(PNG)).toBe(true);
    } finally {
      await server.close();
    }
  });
});
