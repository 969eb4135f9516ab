/**
 * Outbox rules that StrykerJS showed no test held (core/tickets/outbox.ts, issue #17): a ticket
 * whose attempt cannot be recorded is not sent; a due date that is not a date or lies beyond any
 * backoff means "now"; one ticket is never attempted twice at once; statuses are read only for
 * open delivered tickets; the scheduler replaces its one timer, fires it, and stays stopped.
 * The store is an in-memory fake that can refuse to persist, like a full or read-only disk.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../core/store/store.ts';
import { createOutbox, type OutboxEntry, type OutboxEvent, type OutboxFile, type Timers } from '../../../core/tickets/outbox.ts';
import { ConnectorError, type Connector, type TicketDraft, type TicketStatus } from '../../../core/tickets/types.ts';

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const start = Date.parse('2026-12-01T04:00:00Z');
let now = start;
const clock = { now: () => new Date(now) };
const iso = (ms: number) => new Date(ms).toISOString();
const id = (n: number) => `11111111-2222-4333-8444-${String(n).padStart(12, '0')}`;
const draft = (n: number): TicketDraft => ({ clientId: id(n), title: `Ticket ${n}`, userText: 'No sound', details: '', urgency: 'normal', attachments: [], createdAt: iso(start) });
const entry = (n: number, change: Partial<OutboxEntry> = {}): OutboxEntry => ({
  clientId: id(n),
  connector: 'fake',
  draft: draft(n),
  state: 'pending',
  attempts: 0,
  nextAttemptAt: iso(now),
  queuedAt: iso(start),
  ...change,
});

/** An in-memory store; from the `failFrom`-th update on, persisting fails and nothing changes. */
function memoryStore(entries: OutboxEntry[] = []) {
  const store = {
    file: 'memory',
    data: { version: 1, entries } as OutboxFile,
    updates: 0,
    failFrom: Infinity,
    async update(fn: (data: OutboxFile) => OutboxFile | void) {
      store.updates += 1;
      if (store.updates >= store.failFrom) throw new Error('ENOSPC: no space left on device');
      const replaced = fn(store.data);
      if (replaced) store.data = replaced;
    },
  };
  return store satisfies Store<OutboxFile>;
}

type Answer = 'ok' | 'retry' | 'reject';
function fakeConnector(answers: Answer[] = [], statuses: Record<string, TicketStatus> = {}) {
  const calls: string[] = [];
  let gate: { started: () => void; open: Promise<void> } | undefined;
  const connector: Connector = {
    kind: 'fake',
    titleLimit: 80,
    async create(_draft, clientId) {
      calls.push(`create ${clientId.slice(-1)}`);
      if (gate) {
        gate.started();
        await gate.open;
      }
      const answer = answers.shift() ?? 'ok';
      if (answer === 'retry') throw new ConnectorError('retryable', 'ticket.error.server', 'HTTP 503', 503);
      if (answer === 'reject') throw new ConnectorError('rejected', 'ticket.error.rejected', 'HTTP 422', 422);
      return { id: clientId, number: `#${clientId.slice(-1)}` };
    },
    async findByClientId(clientId) {
      calls.push(`find ${clientId.slice(-1)}`);
      return null;
    },
    async status(ref) {
      calls.push(`status ${ref?.number}`);
      return statuses[ref.number] ?? { state: 'open', raw: 'New' };
    },
  };
  /** Holds the next create() calls until `release()`; `started` resolves once one is waiting. */
  const hold = () => {
    const started = deferred();
    const open = deferred();
    gate = { started: started.resolve, open: open.promise };
    const release = () => {
      gate = undefined;
      open.resolve();
    };
    return { started: started.promise, release };
  };
  return { connector, calls, hold };
}

function outboxWith(store: ReturnType<typeof memoryStore>, connector: Connector, events: OutboxEvent[] = [], onEvent?: (e: OutboxEvent) => void) {
  now = start;
  return createOutbox({
    store,
    connector,
    clock,
    random: () => 0,
    baseDelayMs: 1000,
    onEvent: (e) => {
      events.push(e);
      onEvent?.(e);
    },
  });
}

describe('outbox: persisting comes first', () => {
  it('does not send a ticket whose attempt cannot be recorded', async () => {
    const store = memoryStore();
    const { connector, calls } = fakeConnector();
    const events: OutboxEvent[] = [];
    const outbox = outboxWith(store, connector, events);
    await outbox.enqueue(draft(1));
    store.failFrom = 2;
    await outbox.deliverDue();
    expect(calls).toEqual([]);
    expect(events).toEqual([{ type: 'persist-failed', clientId: id(1) }]);
    expect(outbox.get(id(1))).toMatchObject({ state: 'pending', attempts: 0 });
  });

  it.each([
    ['reject', { type: 'rejected', clientId: id(1), messageKey: 'ticket.error.rejected' }],
    ['retry', { type: 'retry-scheduled', clientId: id(1), at: iso(start + 500), messageKey: 'ticket.error.server' }],
  ] as const)('reports an outcome (%s) it could not record, and still tells what happened', async (answer, outcome) => {
    const store = memoryStore();
    const { connector } = fakeConnector([answer]);
    const events: OutboxEvent[] = [];
    const outbox = outboxWith(store, connector, events);
    await outbox.enqueue(draft(1));
    store.failFrom = 3;
    await outbox.deliverDue();
    expect(events).toEqual([{ type: 'persist-failed', clientId: id(1) }, outcome]);
  });
});

describe('outbox: when an entry is due', () => {
  it('treats a date that is not a date, or one beyond the longest backoff (30 min by default), as now', async () => {
    const store = memoryStore([entry(1, { nextAttemptAt: 'tomorrow' }), entry(2, { nextAttemptAt: iso(start + 29 * 60_000) }), entry(3, { nextAttemptAt: iso(start + 31 * 60_000) })]);
    const { connector, calls } = fakeConnector();
    const outbox = outboxWith(store, connector);
    expect(outbox.nextDueAt()).toEqual(new Date(start));
    await outbox.deliverDue();
    expect(calls).toEqual(['create 1', 'create 3']);
    expect(outbox.nextDueAt()).toEqual(new Date(start + 29 * 60_000));
  });

  it('counts entries left "sending" and returns the earliest due date', async () => {
    const store = memoryStore([
      entry(1, { state: 'sending', attempts: 1, nextAttemptAt: iso(start + 9000) }),
      entry(2, { nextAttemptAt: iso(start + 7000) }),
      entry(3, { state: 'rejected', nextAttemptAt: iso(start + 1000) }),
      entry(4, { state: 'delivered', nextAttemptAt: iso(start + 1000), ref: { id: '4', number: '#4' } }),
    ]);
    const outbox = outboxWith(store, fakeConnector().connector);
    expect(outbox.nextDueAt()).toEqual(new Date(start + 7000));
    store.data.entries.splice(1, 1);
    expect(outbox.nextDueAt()).toEqual(new Date(start + 9000));
  });

  it('never attempts one ticket twice at once, even when deliveries overlap', async () => {
    const store = memoryStore();
    const { connector, calls, hold } = fakeConnector();
    const outbox = outboxWith(store, connector);
    await outbox.enqueue(draft(1));
    const { started, release } = hold();
    const first = outbox.deliverDue();
    await started;
    await outbox.deliverDue();
    release();
    await first;
    expect(calls).toEqual(['create 1']);
    expect(outbox.get(id(1))).toMatchObject({ state: 'delivered', attempts: 1 });
  });
});

describe('outbox: delivery details', () => {
  it('records that attachments failed only when the connector says so, and not for a ticket found by lookup', async () => {
    const store = memoryStore([entry(1), entry(2, { state: 'sending', attempts: 1 }), entry(3)]);
    const { connector } = fakeConnector();
    const found: Connector = {
      ...connector,
      create: async (_d, clientId) => (clientId === id(1) ? { id: clientId, number: '#1', attachmentsFailed: true } : { id: clientId, number: '#3' }),
      findByClientId: async (clientId) => (clientId === id(2) ? { id: clientId, number: '#2' } : null),
    };
    const events: OutboxEvent[] = [];
    const outbox = outboxWith(store, found, events);
    await outbox.deliverDue();
    expect(outbox.get(id(1))).toMatchObject({ state: 'delivered', attachmentsFailed: true });
    expect(outbox.get(id(2))).toMatchObject({ state: 'delivered', attachmentsFailed: false });
    expect(outbox.get(id(3))).toMatchObject({ state: 'delivered', attachmentsFailed: false });
    expect(events).toHaveLength(3);
    expect(events).toContainEqual({ type: 'delivered', clientId: id(1), number: '#1', viaLookup: false });
    expect(events).toContainEqual({ type: 'delivered', clientId: id(2), number: '#2', viaLookup: true });
  });

  it('reports a re-send after a lookup that found nothing as not found by lookup', async () => {
    const store = memoryStore([entry(1, { state: 'sending', attempts: 1 })]);
    const { connector, calls } = fakeConnector();
    const events: OutboxEvent[] = [];
    await outboxWith(store, connector, events).deliverDue();
    expect(calls).toEqual(['find 1', 'create 1']);
    expect(events).toEqual([{ type: 'delivered', clientId: id(1), number: '#1', viaLookup: false }]);
  });
});

describe('outbox: helpdesk statuses', () => {
  const delivered = (n: number, change: Partial<OutboxEntry> = {}) => entry(n, { state: 'delivered', ref: { id: String(n), number: `#${n}` }, ...change });

  it('reads the status of open delivered tickets only, the last `limit` of them', async () => {
    const store = memoryStore([
      entry(1),
      entry(2, { state: 'rejected', ref: { id: '2', number: '#2' } }),
      delivered(3, { status: { state: 'closed', raw: 'Closed', at: iso(start) } }),
      entry(4, { state: 'delivered' }),
      delivered(5),
      delivered(6),
      delivered(7),
    ]);
    const { connector, calls } = fakeConnector();
    const outbox = outboxWith(store, connector);
    await outbox.refreshStatuses(2);
    expect(calls).toEqual(['status #6', 'status #7']);
    calls.length = 0;
    await outbox.refreshStatuses();
    expect(calls).toEqual(['status #5', 'status #6', 'status #7']);
  });

  it('still reports a status change of a ticket dropped from "My tickets" while its status was read, without bringing it back', async () => {
    const store = memoryStore([delivered(1, { status: { state: 'open', raw: 'New', at: iso(start) } }), entry(2)]);
    const { connector } = fakeConnector();
    const events: OutboxEvent[] = [];
    const outbox = createOutbox({
      store,
      connector: {
        ...connector,
        // A delivery finishing meanwhile prunes ticket 1 (one delivered ticket kept).
        status: async () => (await outbox.deliverDue(), { state: 'resolved', raw: 'Done' }),
      },
      clock,
      keepDelivered: 1,
      onEvent: (e) => events.push(e),
    });
    await outbox.refreshStatuses();
    expect(outbox.entries().map((e) => e.clientId)).toEqual([id(2)]);
    expect(events).toContainEqual({ type: 'status-changed', clientId: id(1), title: 'Ticket 1', number: '#1', state: 'resolved', raw: 'Done' });
  });

  it('records and reports a change of the state alone or of the helpdesk wording alone', async () => {
    const statuses: Record<string, TicketStatus> = { '#1': { state: 'open', raw: 'New' } };
    const store = memoryStore([delivered(1, { status: { state: 'open', raw: 'New', at: iso(start) } })]);
    const events: OutboxEvent[] = [];
    const outbox = outboxWith(store, fakeConnector([], statuses).connector, events);
    await outbox.refreshStatuses();
    expect(events).toEqual([]);
    now = start + 1000;
    statuses['#1'] = { state: 'open', raw: 'Assigned' };
    await outbox.refreshStatuses();
    now = start + 2000;
    statuses['#1'] = { state: 'in-progress', raw: 'Assigned' };
    await outbox.refreshStatuses();
    expect(outbox.get(id(1))?.status).toEqual({ state: 'in-progress', raw: 'Assigned', at: iso(start + 2000) });
    expect(events.map((e) => (e.type === 'status-changed' ? `${e.state}/${e.raw}` : e.type))).toEqual(['open/Assigned', 'in-progress/Assigned']);
  });
});

/** A fake timer set: numbered handles, every set and clear recorded, fired by hand. */
function fakeTimers() {
  const set: { handle: number; fn: () => void | Promise<void>; ms: number }[] = [];
  const cleared: unknown[] = [];
  const timers: Timers = {
    set: (fn, ms) => set.push({ handle: set.length + 1, fn, ms }),
    clear: (handle) => void cleared.push(handle),
  };
  return { timers, set, cleared };
}

describe('outbox: scheduler', () => {
  it('arms one timer for the next due entry, replacing the previous one, and never clears what it did not set', async () => {
    const { connector } = fakeConnector(['retry', 'retry']);
    const { timers, set, cleared } = fakeTimers();
    const outbox = outboxWith(memoryStore(), connector);
    const scheduler = outbox.start(timers);
    expect(set).toEqual([]);
    await outbox.enqueue(draft(1));
    await scheduler.kick();
    expect(set.map((t) => t.ms)).toEqual([500]);
    await outbox.enqueue(draft(2));
    await scheduler.kick();
    expect(set.map((t) => t.ms)).toEqual([500, 500]);
    expect(cleared).toEqual([1]);
    scheduler.stop();
    expect(cleared).toEqual([1, 2]);
  });

  it('delivers when its timer fires, without anyone kicking it', async () => {
    const { connector } = fakeConnector(['retry']);
    const { timers, set } = fakeTimers();
    const delivered = deferred();
    const outbox = outboxWith(memoryStore(), connector, [], (e) => (e.type === 'delivered' ? delivered.resolve() : undefined));
    const scheduler = outbox.start(timers);
    await outbox.enqueue(draft(1));
    await scheduler.kick();
    now += set[0]?.ms ?? 0;
    void set[0]?.fn();
    await delivered.promise;
    expect(outbox.get(id(1))?.state).toBe('delivered');
    scheduler.stop();
  });

  it('does nothing once stopped: no delivery, no timer, and nothing to clear when none was armed', async () => {
    const { connector, calls } = fakeConnector();
    const { timers, set, cleared } = fakeTimers();
    const outbox = outboxWith(memoryStore(), connector);
    const scheduler = outbox.start(timers);
    scheduler.stop();
    expect(cleared).toEqual([]);
    await outbox.enqueue(draft(1));
    await scheduler.kick();
    expect(calls).toEqual([]);
    expect(set).toEqual([]);
  });

  it('arms no timer after being stopped during a delivery', async () => {
    const { connector, calls, hold } = fakeConnector(['retry']);
    const { timers, set } = fakeTimers();
    const outbox = outboxWith(memoryStore(), connector);
    const scheduler = outbox.start(timers);
    await outbox.enqueue(draft(1));
    const { started, release } = hold();
    const kicked = scheduler.kick();
    await started;
    expect(calls).toEqual(['create 1']);
    scheduler.stop();
    release();
    await kicked;
    expect(outbox.get(id(1))?.state).toBe('pending');
    expect(set).toEqual([]);
  });
});
