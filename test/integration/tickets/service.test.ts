/**
 * The ticket service end to end over a TOPdesk-shaped server: draft → send → My tickets →
 * refresh, the 4xx way out (export), corrupt outbox recovery, the mailto fallback — and the
 * canary: a secret placed in policy never appears in any request sent, the outbox file or the log.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runEventSchema } from '../../../core/engine/events.ts';
import { createLogger } from '../../../core/log.ts';
import { createFileSecretStore } from '../../../core/secrets/secret-store.ts';
import { ticketConfigSchema } from '../../../core/tickets/config.ts';
import { createTicketService } from '../../../core/tickets/service.ts';
import type { MachineSnapshot, SnapshotPort } from '../../../core/tickets/snapshot.ts';
import { sendJson, startHelpdesk } from './helpdesk-server.ts';

const CANARY = 'CANARY-policy-s3cr3t-77';
const APP_PASSWORD = 'td-app-password-Zq9';
const events = z.array(runEventSchema).parse(JSON.parse(readFileSync(new URL('../../fixtures/tickets/printer-run-events.json', import.meta.url), 'utf8')));
const snapshotData = JSON.parse(readFileSync(new URL('../../fixtures/tickets/snapshot.json', import.meta.url), 'utf8')) as MachineSnapshot;
const snapshot: SnapshotPort = { capture: async () => ({ ...snapshotData, hostname: `LT-0042-${CANARY}` }) };
const troubleshooter = { id: 'printer-queue', title: 'Printer does not print', category: 'printing', urgency: 'high' as const };

let dir: string;
let closers: (() => Promise<void>)[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fl-ticket-service-'));
});
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
  await rm(dir, { recursive: true, force: true });
});

async function setup(status: 'ok' | 'reject' = 'ok') {
  const server = await startHelpdesk((req, res) => {
    if (status === 'reject') return sendJson(res, 400, { message: 'briefDescription: invalid' });
    if (req.method === 'POST' && req.path === '/tas/api/incidents') return sendJson(res, 201, { id: 'inc-1', number: 'I 2411 042' });
    if (req.method === 'POST') return sendJson(res, 200, { id: 'att' });
    if (req.path === '/tas/api/incidents/id/inc-1') return sendJson(res, 200, { processingStatus: { name: 'Afgemeld' }, completed: true, closed: false });
    res.writeHead(404).end();
  });
  closers.push(server.close);
  const secrets = createFileSecretStore(path.join(dir, 'secrets.json'));
  await secrets.set('topdesk', `firstline-api:${APP_PASSWORD}`);
  const logFile = path.join(dir, 'logs', 'firstline.log');
  // Worst case: a logger that redacts nothing itself.
  const log = createLogger({ file: logFile, redact: (t) => t, level: 'debug' });
  const config = ticketConfigSchema.parse({
    connector: { type: 'topdesk', baseUrl: server.url, credentialSecret: 'topdesk' },
    timeoutMs: 5000,
  });
  const service = await createTicketService({ config, dataDir: dir, secrets, snapshot, policySecrets: [CANARY], log, clock: { now: () => new Date('2026-11-24T09:30:00Z') } });
  closers.push(async () => service.stop());
  return { server, service, logFile };
}

describe('ticket service', () => {
  it('sends a drafted ticket and lists it under My tickets with number, title, date and status', async () => {
    const { service, server } = await setup();
    const draft = await service.draft({ lang: 'en', events, troubleshooter, userText: 'Urgent: contracts.' });
    const result = await service.send(draft);
    expect(result).toEqual({ kind: 'sent', clientId: draft.clientId, number: 'I 2411 042' });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /tas/api/incidents', 'POST /tas/api/incidents/number/I%202411%20042/attachments']);
    const [mine] = await service.refresh();
    expect(mine).toMatchObject({
      number: 'I 2411 042',
      title: 'Printer does not print (not resolved)',
      createdAt: '2026-11-24T09:30:00.000Z',
      delivery: 'sent',
      status: { state: 'resolved', raw: 'Afgemeld' },
    });
  });

  it('never lets a policy secret (canary) or the credential reach a request, the outbox file or the log', async () => {
    const { service, server, logFile } = await setup();
    const draft = await service.draft({ lang: 'en', events, troubleshooter, userText: `my code is ${CANARY}` });
    // The employee edits the preview and pastes the secret again.
    await service.send({ ...draft, title: `Printer ${CANARY}`, details: `${draft.details}\nwifi key ${CANARY}` });
    const sent = server.requests.map((r) => r.raw.toString('utf8')).join('\n');
    expect(sent).toContain('Printer [REDACTED]');
    expect(sent).not.toContain(CANARY);
    expect(sent).not.toContain(APP_PASSWORD);
    const onDisk = await readFile(path.join(dir, 'outbox.json'), 'utf8');
    expect(onDisk).not.toContain(CANARY);
    const logged = await readFile(logFile, 'utf8');
    expect(logged).toContain('ticket queued');
    expect(logged).not.toContain(CANARY);
    expect(logged).not.toContain(APP_PASSWORD);
  });

  it('stops on a 4xx with a message key and keeps the ticket exportable as text', async () => {
    const { service } = await setup('reject');
    const draft = await service.draft({ lang: 'de', troubleshooter: undefined, userText: 'Bildschirm bleibt schwarz' });
    const result = await service.send(draft);
    expect(result).toEqual({ kind: 'rejected', clientId: draft.clientId, messageKey: 'ticket.error.rejected' });
    expect(service.list()[0]).toMatchObject({ delivery: 'rejected', messageKey: 'ticket.error.rejected', number: null });
    expect(service.exportText(draft.clientId)).toContain('Bildschirm bleibt schwarz');
  });

  it('starts with an empty outbox and a report when the outbox file is corrupt', async () => {
    await writeFile(path.join(dir, 'outbox.json'), '{"version":1,"entries":[{"clie');
    const { service } = await setup();
    expect(service.storeReport).toMatchObject({ kind: 'store-corrupt', reason: 'invalid-json' });
    expect(service.list()).toEqual([]);
    const draft = await service.draft({ lang: 'fr' });
    expect((await service.send(draft)).kind).toBe('sent');
  });

  it('delivers in the background once started, refreshes status on open and then on an interval', async () => {
    const { service, server } = await setup();
    const timers: { fn: () => void; ms: number }[] = [];
    const draft = await service.draft({ lang: 'en', events, troubleshooter });
    service.start({ set: (fn, ms) => timers.push({ fn, ms }), clear: () => undefined });
    expect(await service.send(draft)).toMatchObject({ kind: 'sent' });
    const refreshTimer = timers.find((t) => t.ms === 15 * 60_000);
    expect(refreshTimer).toBeDefined();
    const statusRequests = () => server.requests.filter((r) => r.method === 'GET').length;
    const before = statusRequests();
    await (refreshTimer?.fn as () => Promise<void>)();
    expect(statusRequests()).toBe(before + 1);
    expect(service.list()[0]?.status).toMatchObject({ state: 'resolved' });
  });

  it('falls back to a short mailto: link when no connector is configured', async () => {
    const service = await createTicketService({
      config: ticketConfigSchema.parse({ fallbackEmail: 'servicedesk@example.test' }),
      dataDir: dir,
      secrets: createFileSecretStore(path.join(dir, 'secrets.json')),
      snapshot,
      policySecrets: [CANARY],
    });
    expect(service.channel()).toBe('mailto');
    const result = await service.send(await service.draft({ lang: 'nl', events, troubleshooter }));
    expect(result.kind).toBe('mailto');
    if (result.kind !== 'mailto') return;
    expect(result.url.startsWith('mailto:servicedesk@example.test?subject=')).toBe(true);
    expect(decodeURIComponent(result.url)).not.toContain(CANARY);
  });
});
