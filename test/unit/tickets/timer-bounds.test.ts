/**
 * Timers fed from policy or disk are bounded (#11): setTimeout turns > 2^31−1 ms into 1 ms and NaN
 * into 0, so a 30-day refresh interval or a broken outbox date used to spin the event loop and
 * strand the ticket.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../core/store/store.ts';
import { ticketConfigSchema } from '../../../core/tickets/config.ts';
import { createOutbox, emptyOutbox, outboxFileSchema, type OutboxEntry } from '../../../core/tickets/outbox.ts';
import type { Connector, TicketDraft } from '../../../core/tickets/types.ts';
import { MAX_TIMER_MS, timerDelay } from '../../../core/util/timer-delay.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fl-timers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const now = Date.parse('2026-11-24T10:00:00Z');
const draft = (n: number): TicketDraft => ({
  clientId: `11111111-2222-4333-8444-${String(n).padStart(12, '0')}`,
  title: `Ticket ${n}`,
  userText: 'Teams has no sound',
  details: 'What was tried: nothing',
  urgency: 'normal',
  attachments: [],
  createdAt: '2026-11-24T10:00:00.000Z',
});

describe('timer delays', () => {
  it('are finite, at least the floor and at most what setTimeout can hold', () => {
    expect(timerDelay(30 * 24 * 3600_000)).toBe(MAX_TIMER_MS);
    expect(timerDelay(Number.POSITIVE_INFINITY)).toBe(MAX_TIMER_MS);
    expect(timerDelay(Number.NaN)).toBe(1_000);
    expect(timerDelay(-5)).toBe(1_000);
    expect(timerDelay(0, 250)).toBe(250);
    expect(timerDelay(90_000)).toBe(90_000);
  });

  it('a 30-day statusRefreshMs from policy is held to one day, not turned into 1 ms', () => {
    const config = ticketConfigSchema.parse({ outbox: { statusRefreshMs: 30 * 24 * 3600_000 } });
    expect(config.outbox.statusRefreshMs).toBe(24 * 3600_000);
  });
});

describe('outbox dates from disk', () => {
  it.each([
    ['not a date', 'soon'],
    ['far in the future', '9999-12-31T00:00:00Z'],
  ])('an entry whose nextAttemptAt is %s is due now and sent, with a bounded timer', async (_label, nextAttemptAt) => {
    const file = path.join(dir, 'outbox.json');
    const { store } = await openStore({ file, schema: outboxFileSchema, defaults: emptyOutbox });
    const entry: OutboxEntry = { clientId: draft(1).clientId, connector: 'webhook', draft: draft(1), state: 'pending', attempts: 0, nextAttemptAt, queuedAt: '2026-11-24T09:00:00Z' };
    await store.update((d) => void d.entries.push(entry));
    const created: string[] = [];
    const connector = {
      kind: 'webhook',
      titleLimit: 80,
      create: async (_d: TicketDraft, id: string) => (created.push(id), { id: 'x', number: 'T-1' }),
      findByClientId: async () => null,
    } as unknown as Connector;
    const outbox = createOutbox({ store, connector, clock: { now: () => new Date(now) } });
    const delays: number[] = [];
    const scheduler = outbox.start({ set: (_fn, ms) => (delays.push(ms), delays.length), clear: () => undefined });
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(250);
    expect(delays[0]).toBeLessThanOrEqual(MAX_TIMER_MS);
    await scheduler.kick();
    scheduler.stop();
    expect(created).toEqual([draft(1).clientId]);
    expect(outbox.get(draft(1).clientId)?.state).toBe('delivered');
  });
});
