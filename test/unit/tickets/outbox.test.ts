import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../core/secrets/secret-store.ts';
import { openStore } from '../../../core/store/store.ts';
import { connectorConfigSchema } from '../../../core/tickets/connectors/index.ts';
import { createConnector } from '../../../core/tickets/connectors/index.ts';
import { createOutbox, emptyOutbox, outboxFileSchema } from '../../../core/tickets/outbox.ts';
import type { OutboxEvent } from '../../../core/tickets/outbox.ts';
import { ConnectorError } from '../../../core/tickets/types.ts';
import type { Connector, TicketDraft, TicketRef, TicketStatus } from '../../../core/tickets/types.ts';

let dir: string;
let now: number;
const clock = { now: () => new Date(now) };
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fl-outbox-'));
  now = Date.parse('2026-11-24T10:00:00Z');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const draft = (n: number): TicketDraft => ({
  clientId: `11111111-2222-4333-8444-${String(n).padStart(12, '0')}`,
  title: `Ticket ${n}`,
  userText: 'Teams has no sound',
  details: 'What was tried: nothing',
  urgency: 'normal',
  attachments: [{ filename: 't.txt', contentType: 'text/plain', content: 'transcript line' }],
  createdAt: '2026-11-24T10:00:00.000Z',
});

type Step = 'ok' | 'retry' | 'unknown' | 'reject';
/** Scripted connector: each create() takes the next step; it records what it saw on disk. */
function scripted(steps: Step[], file: string) {
  const created = new Map<string, TicketRef>();
  const calls: string[] = [];
  const connector: Connector = {
    kind: 'scripted',
    titleLimit: 80,
    async create(_t, clientId) {
      const onDisk = JSON.parse(readFileSync(file, 'utf8')) as { entries: { clientId: string; state: string }[] };
      calls.push(`create:${onDisk.entries.find((e) => e.clientId === clientId)?.state}`);
      const step = steps.shift() ?? 'ok';
      if (step === 'retry') throw new ConnectorError('retryable', 'ticket.error.server', 'HTTP 503', 503);
      if (step === 'reject') throw new ConnectorError('rejected', 'ticket.error.rejected', 'HTTP 422', 422);
      const ref = { id: clientId, number: `#${created.size + 1}` };
      created.set(clientId, ref);
      if (step === 'unknown') throw new ConnectorError('unknown-outcome', 'ticket.error.timeout', 'timed out');
      return ref;
    },
    async findByClientId(clientId) {
      calls.push('find');
      return created.get(clientId) ?? null;
    },
    async status() {
      return { state: 'in-progress', raw: 'In behandeling' };
    },
  };
  return { connector, created, calls };
}

async function outboxOver(connector: Connector, events: OutboxEvent[] = [], random = () => 0.5) {
  const { store } = await openStore({ file: path.join(dir, 'outbox.json'), schema: outboxFileSchema, defaults: emptyOutbox, clock });
  return createOutbox({ store, connector, clock, random, baseDelayMs: 1000, maxDelayMs: 8000, onEvent: (e) => events.push(e) });
}

describe('outbox', () => {
  it('is on disk as "sending" before the request goes out, then records the helpdesk number', async () => {
    const file = path.join(dir, 'outbox.json');
    const s = scripted(['ok'], file);
    const outbox = await outboxOver(s.connector);
    await outbox.enqueue(draft(1));
    expect(JSON.parse(readFileSync(file, 'utf8')).entries[0].state).toBe('pending');
    await outbox.deliverDue();
    expect(s.calls).toEqual(['create:sending']);
    expect(outbox.get(draft(1).clientId)).toMatchObject({ state: 'delivered', ref: { number: '#1' }, attempts: 1 });
  });

  it('backs off exponentially with jitter, capped, and looks the ticket up before every re-send', async () => {
    const s = scripted(['retry', 'retry', 'retry', 'retry', 'retry', 'ok'], path.join(dir, 'outbox.json'));
    const events: OutboxEvent[] = [];
    const outbox = await outboxOver(s.connector, events, () => 1);
    await outbox.enqueue(draft(1));
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const before = now;
      await outbox.deliverDue();
      const next = outbox.nextDueAt();
      if (!next) break;
      delays.push(next.getTime() - before);
      now = next.getTime();
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(s.calls.filter((c) => c === 'find')).toHaveLength(5);
    expect(outbox.get(draft(1).clientId)?.state).toBe('delivered');
    expect(events.filter((e) => e.type === 'retry-scheduled')).toHaveLength(5);
  });

  it('uses the random source for jitter (half fixed, half random)', async () => {
    const s = scripted(['retry'], path.join(dir, 'outbox.json'));
    const outbox = await outboxOver(s.connector, [], () => 0);
    await outbox.enqueue(draft(1));
    await outbox.deliverDue();
    expect((outbox.nextDueAt()?.getTime() ?? 0) - now).toBe(500);
  });

  it('does not send again when the lookup finds a ticket created by an attempt whose answer was lost', async () => {
    const s = scripted(['unknown'], path.join(dir, 'outbox.json'));
    const outbox = await outboxOver(s.connector);
    await outbox.enqueue(draft(1));
    await outbox.deliverDue();
    now = outbox.nextDueAt()?.getTime() ?? now;
    await outbox.deliverDue();
    expect(s.calls).toEqual(['create:sending', 'find']);
    expect(outbox.get(draft(1).clientId)).toMatchObject({ state: 'delivered', ref: { number: '#1' } });
  });

  it('stops on a 4xx with a translatable message key, keeps the ticket and exports it as text', async () => {
    const s = scripted(['reject'], path.join(dir, 'outbox.json'));
    const events: OutboxEvent[] = [];
    const outbox = await outboxOver(s.connector, events);
    await outbox.enqueue(draft(1));
    await outbox.deliverDue();
    expect(outbox.get(draft(1).clientId)).toMatchObject({ state: 'rejected', lastError: { messageKey: 'ticket.error.rejected', status: 422 } });
    expect(outbox.nextDueAt()).toBeNull();
    expect(events).toContainEqual({ type: 'rejected', clientId: draft(1).clientId, messageKey: 'ticket.error.rejected' });
    const text = outbox.exportText(draft(1).clientId) ?? '';
    expect(text).toContain('Ticket 1');
    expect(text).toContain('Teams has no sound');
    expect(text).toContain('--- t.txt ---\ntranscript line');
    await outbox.retry(draft(1).clientId);
    await outbox.deliverDue();
    expect(outbox.get(draft(1).clientId)?.state).toBe('delivered');
  });

  it('resumes after a restart: an entry left "sending" is looked up first and never sent twice', async () => {
    const file = path.join(dir, 'outbox.json');
    const s = scripted([], file);
    const first = await outboxOver(s.connector);
    await first.enqueue(draft(1));
    await first.enqueue(draft(2));
    // Simulate a crash after the request for ticket 1 reached the helpdesk but before success was recorded.
    const { store } = await openStore({ file, schema: outboxFileSchema, defaults: emptyOutbox, clock });
    await store.update((d) => void Object.assign(d.entries[0] ?? {}, { state: 'sending', attempts: 1 }));
    s.created.set(draft(1).clientId, { id: 'x', number: '#77' });
    const second = await outboxOver(s.connector);
    await second.deliverDue();
    expect(second.entries().map((e) => [e.state, e.ref?.number])).toEqual([
      ['delivered', '#77'],
      ['delivered', '#2'],
    ]);
    expect(s.calls.filter((c) => c.startsWith('create'))).toHaveLength(1);
  });

  it('keeps "My tickets" bounded to the newest delivered entries, and refreshes status', async () => {
    const s = scripted([], path.join(dir, 'outbox.json'));
    const { store } = await openStore({ file: path.join(dir, 'outbox.json'), schema: outboxFileSchema, defaults: emptyOutbox, clock });
    const outbox = createOutbox({ store, connector: s.connector, clock, keepDelivered: 3 });
    for (let i = 1; i <= 5; i++) await outbox.enqueue(draft(i));
    await outbox.deliverDue();
    expect(outbox.entries().map((e) => e.draft.title)).toEqual(['Ticket 3', 'Ticket 4', 'Ticket 5']);
    await outbox.refreshStatuses();
    expect(outbox.entries()[0]?.status).toMatchObject({ state: 'in-progress', raw: 'In behandeling' });
  });

  it('keeps the time a status last changed, and reports a change once', async () => {
    const s = scripted([], path.join(dir, 'outbox.json'));
    let status: TicketStatus = { state: 'open', raw: 'Aangemeld' };
    const connector: Connector = { ...s.connector, status: async () => status };
    const events: OutboxEvent[] = [];
    const outbox = await outboxOver(connector, events);
    await outbox.enqueue(draft(1));
    await outbox.deliverDue();
    await outbox.refreshStatuses();
    const first = outbox.entries()[0]?.status?.at;
    now += 60_000;
    await outbox.refreshStatuses();
    expect(outbox.entries()[0]?.status?.at).toBe(first);
    expect(events.filter((e) => e.type === 'status-changed')).toEqual([]);
    status = { state: 'resolved', raw: 'Afgemeld' };
    now += 60_000;
    await outbox.refreshStatuses();
    await outbox.refreshStatuses();
    expect(outbox.entries()[0]?.status).toEqual({ state: 'resolved', raw: 'Afgemeld', at: new Date(now).toISOString() });
    expect(events.filter((e) => e.type === 'status-changed')).toEqual([{ type: 'status-changed', clientId: draft(1).clientId, title: 'Ticket 1', number: '#1', state: 'resolved', raw: 'Afgemeld' }]);
  });

  it('treats a refused connection as offline and retries later', async () => {
    // A port that was just free: connecting to it on 127.0.0.1 is refused.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const config = connectorConfigSchema.parse({ type: 'topdesk', baseUrl: `http://127.0.0.1:${port}`, credentialSecret: 'td' });
    const connector = (await createConnector(config, { secrets: createMemorySecretStore({ td: 'a:b' }), timeoutMs: 2000 })) as Connector;
    const outbox = await outboxOver(connector);
    await outbox.enqueue(draft(1));
    await outbox.deliverDue();
    expect(outbox.get(draft(1).clientId)).toMatchObject({ state: 'pending', lastError: { kind: 'retryable', messageKey: 'ticket.error.offline' } });
  });

  it('runs due deliveries from an injectable timer (no real sleeping)', async () => {
    const s = scripted(['retry', 'ok'], path.join(dir, 'outbox.json'));
    const outbox = await outboxOver(s.connector);
    const timers: { fn: () => void; ms: number }[] = [];
    const scheduler = outbox.start({ set: (fn, ms) => timers.push({ fn, ms }), clear: () => undefined });
    await outbox.enqueue(draft(1));
    await scheduler.kick();
    const pendingTimer = timers.at(-1);
    expect(pendingTimer?.ms).toBe(750);
    now += 750;
    pendingTimer?.fn();
    await scheduler.kick();
    expect(outbox.get(draft(1).clientId)?.state).toBe('delivered');
    scheduler.stop();
  });
});
