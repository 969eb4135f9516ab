/**
 * Outbox behaviour that a mutant could change without outbox.test.ts noticing (issue #17): a
 * connector that cannot look tickets up ('unsupported') must re-send, never mark delivered; prune
 * drops only the oldest delivered tickets; enqueue is idempotent; backoff grows from the attempt count.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../core/store/store.ts';
import { createOutbox, emptyOutbox, outboxFileSchema, type OutboxEvent } from '../../../core/tickets/outbox.ts';
import { ConnectorError, type Connector, type TicketDraft, type TicketRef } from '../../../core/tickets/types.ts';

let dir: string;
let now: number;
const clock = { now: () => new Date(now) };
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fl-outbox-pins-'));
  now = Date.parse('2026-11-24T10:00:00Z');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const draft = (n: number): TicketDraft => ({
  clientId: `11111111-2222-4333-8444-${String(n).padStart(12, '0')}`,
  title: `Ticket ${n}`,
  userText: 'No sound',
  details: 'What was tried: nothing',
  urgency: 'normal',
  attachments: [],
  createdAt: '2026-11-24T10:00:00.000Z',
});

type Answer = 'ok' | 'retry' | 'unknown' | 'reject' | 'offline';
/** A connector answering create() from a script; findByClientId answers `lookup` (e-mail/webhook: 'unsupported'). */
function connectorWith(answers: Answer[], lookup: 'unsupported' | 'real') {
  const calls: string[] = [];
  const created = new Map<string, TicketRef>();
  const connector: Connector = {
    kind: 'scripted',
    titleLimit: 80,
    async create(_draft, clientId) {
      calls.push('create');
      const answer = answers.shift() ?? 'ok';
      if (answer === 'retry') throw new ConnectorError('retryable', 'ticket.error.server', 'HTTP 503', 503);
      if (answer === 'reject') throw new ConnectorError('rejected', 'ticket.error.rejected', 'HTTP 422', 422);
      if (answer === 'offline') throw new Error('ECONNREFUSED');
      const ref = { id: `id-${clientId.slice(-2)}`, number: `#${created.size + 1}`, ...(answer === 'ok' ? { url: 'https://helpdesk.invalid/t/1' } : {}) };
      created.set(clientId, ref);
      if (answer === 'unknown') throw new ConnectorError('unknown-outcome', 'ticket.error.timeout', 'timed out');
      return ref;
    },
    async findByClientId(clientId) {
      calls.push('find');
      return lookup === 'unsupported' ? 'unsupported' : (created.get(clientId) ?? null);
    },
  };
  return { connector, calls };
}

async function outboxOver(connector: Connector, options: { events?: OutboxEvent[]; keepDelivered?: number; random?: () => number } = {}) {
  const { store } = await openStore({ file: path.join(dir, 'outbox.json'), schema: outboxFileSchema, defaults: emptyOutbox, clock });
  return createOutbox({
    store,
    connector,
    clock,
    random: options.random ?? (() => 0.5),
    baseDelayMs: 1000,
    maxDelayMs: 8000,
    ...(options.keepDelivered === undefined ? {} : { keepDelivered: options.keepDelivered }),
    onEvent: (e) => options.events?.push(e),
  });
}

async function untilSettled(outbox: Awaited<ReturnType<typeof outboxOver>>, rounds = 6) {
  for (let i = 0; i < rounds; i++) {
    await outbox.deliverDue();
    const next = outbox.nextDueAt();
    if (!next) return;
    now = Math.max(now, next.getTime());
  }
}

describe('outbox: connectors that cannot look tickets up', () => {
  it('re-sends after an unknown outcome instead of marking the ticket delivered without a helpdesk answer', async () => {
    const { connector, calls } = connectorWith(['unknown', 'ok'], 'unsupported');
    const events: OutboxEvent[] = [];
    const outbox = await outboxOver(connector, { events });
    await outbox.enqueue(draft(1));
    await untilSettled(outbox);
    expect(calls).toEqual(['create', 'find', 'create']);
    expect(outbox.get(draft(1).clientId)).toMatchObject({ state: 'delivered', attempts: 2, ref: { number: '#2', url: 'https://helpdesk.invalid/t/1' } });
    expect(events.filter((e) => e.type === 'delivered')).toEqual([{ type: 'delivered', clientId: draft(1).clientId, number: '#2', viaLookup: false }]);
  });

  it('sends again when a lookup finds nothing, and reports a found ticket as delivered via lookup', async () => {
    const missing = connectorWith(['retry', 'ok'], 'real');
    const outbox = await outboxOver(missing.connector);
    await outbox.enqueue(draft(1));
    await untilSettled(outbox);
    expect(missing.calls).toEqual(['create', 'find', 'create']);

    const found = connectorWith(['unknown'], 'real');
    const events: OutboxEvent[] = [];
    const second = await outboxOver(found.connector, { events });
    await second.enqueue(draft(2));
    await untilSettled(second);
    expect(found.calls).toEqual(['create', 'find']);
    expect(events.at(-1)).toEqual({ type: 'delivered', clientId: draft(2).clientId, number: '#1', viaLookup: true });
    expect(second.get(draft(2).clientId)).not.toHaveProperty('lastError');
  });

  it('does not look up before the first attempt', async () => {
    const { connector, calls } = connectorWith(['ok'], 'real');
    const outbox = await outboxOver(connector);
    await outbox.enqueue(draft(1));
    await outbox.deliverDue();
    expect(calls).toEqual(['create']);
  });
});

describe('outbox: enqueue and prune', () => {
  it('enqueues a client id once, on disk before it resolves', async () => {
    const { connector, calls } = connectorWith([], 'real');
    const outbox = await outboxOver(connector);
    const first = await outbox.enqueue(draft(1));
    expect(first).toMatchObject({
      clientId: draft(1).clientId,
      connector: 'scripted',
      state: 'pending',
      attempts: 0,
      nextAttemptAt: new Date(now).toISOString(),
      queuedAt: new Date(now).toISOString(),
    });
    now += 1000;
    const again = await outbox.enqueue({ ...draft(1), title: 'A different title' });
    expect(again).toBe(first);
    expect(outbox.entries()).toHaveLength(1);
    await outbox.deliverDue();
    await outbox.enqueue(draft(1));
    expect(outbox.entries()).toHaveLength(1);
    expect(calls).toEqual(['create']);
  });

  it('drops only the oldest delivered tickets beyond the limit, never pending or rejected ones', async () => {
    const { connector } = connectorWith(['reject', 'retry', 'ok', 'ok', 'ok'], 'real');
    const outbox = await outboxOver(connector, { keepDelivered: 2 });
    for (let i = 1; i <= 5; i++) await outbox.enqueue(draft(i));
    await outbox.deliverDue();
    expect(outbox.entries().map((e) => [e.draft.title, e.state])).toEqual([
      ['Ticket 1', 'rejected'],
      ['Ticket 2', 'pending'],
      ['Ticket 4', 'delivered'],
      ['Ticket 5', 'delivered'],
    ]);
  });

  it('keeps every delivered ticket up to the limit', async () => {
    const { connector } = connectorWith([], 'real');
    const outbox = await outboxOver(connector, { keepDelivered: 3 });
    for (let i = 1; i <= 3; i++) await outbox.enqueue(draft(i));
    await outbox.deliverDue();
    expect(outbox.entries().map((e) => e.state)).toEqual(['delivered', 'delivered', 'delivered']);
  });
});

describe('outbox: retries', () => {
  it('backs off from the attempt count: 0.5–1 s, then doubling, capped at the maximum', async () => {
    const { connector } = connectorWith(['retry', 'retry', 'retry', 'retry', 'retry'], 'real');
    const events: OutboxEvent[] = [];
    const outbox = await outboxOver(connector, { events, random: () => 0 });
    await outbox.enqueue(draft(1));
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = now;
      await outbox.deliverDue();
      const next = outbox.nextDueAt()!;
      delays.push(next.getTime() - before);
      now = next.getTime();
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 4000]);
    expect(events.filter((e) => e.type === 'retry-scheduled').map((e) => (e.type === 'retry-scheduled' ? e.messageKey : ''))).toEqual(Array(5).fill('ticket.error.server'));
    expect(outbox.get(draft(1).clientId)).toMatchObject({ state: 'pending', attempts: 5, lastError: { kind: 'retryable', messageKey: 'ticket.error.server', status: 503 } });
  });

  it('is not due before its time, and an unexpected error counts as an unknown outcome', async () => {
    const { connector, calls } = connectorWith(['offline'], 'real');
    const outbox = await outboxOver(connector);
    await outbox.enqueue(draft(1));
    await outbox.deliverDue();
    expect(outbox.get(draft(1).clientId)).toMatchObject({ state: 'pending', lastError: { kind: 'unknown-outcome' } });
    expect(outbox.get(draft(1).clientId)?.lastError).not.toHaveProperty('status');
    now = outbox.nextDueAt()!.getTime() - 1;
    await outbox.deliverDue();
    expect(calls).toEqual(['create']);
    now += 1;
    await outbox.deliverDue();
    expect(calls).toEqual(['create', 'find', 'create']);
  });

  it('retries a rejected ticket only when asked, and leaves other states alone', async () => {
    const { connector, calls } = connectorWith(['reject', 'ok'], 'real');
    const outbox = await outboxOver(connector);
    await outbox.enqueue(draft(1));
    await outbox.deliverDue();
    now += 60 * 60_000;
    await outbox.deliverDue();
    expect(calls).toEqual(['create']);
    expect(outbox.nextDueAt()).toBeNull();
    await outbox.retry(draft(1).clientId);
    expect(outbox.get(draft(1).clientId)).toMatchObject({ state: 'pending', nextAttemptAt: new Date(now).toISOString() });
    await outbox.deliverDue();
    expect(outbox.get(draft(1).clientId)?.state).toBe('delivered');
    await outbox.retry(draft(1).clientId);
    await outbox.retry('unknown-id');
    expect(outbox.get(draft(1).clientId)?.state).toBe('delivered');
  });
});
