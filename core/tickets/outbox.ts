/**
 * The outbox: nothing is lost, nothing is sent twice.
 *  - A ticket is written to disk before any network call, and every attempt is recorded
 *    (`state: 'sending'`, `attempts + 1`) before its request goes out: if persisting fails, the
 *    request is not sent.
 *  - Any earlier attempt (timeout, reset, 5xx, crash between send and acknowledgement) makes the
 *    outcome unknown, so the next attempt first asks the helpdesk `findByClientId`.
 *  - Offline/5xx/timeouts retry with exponential backoff and jitter; 4xx stops with a
 *    translatable `messageKey` and the ticket is kept (exportable as text).
 *  - After a restart, entries left in `sending` are simply due again (lookup first).
 * Time and randomness are injected, and the outbox never sleeps: `deliverDue()` does what is due
 * now; `start()` schedules it through an injectable timer.
 */
import { z } from 'zod';
import type { Clock } from '../kernel/clock.ts';
import type { Store } from '../store/store.ts';
import { timerDelay } from '../util/timer-delay.ts';
import { ticketAsText } from './draft.ts';
import { ConnectorError, ticketDraftSchema, ticketMessageKeys, ticketRefSchema } from './types.ts';
import type { Connector, TicketDraft, TicketMessageKey } from './types.ts';

export const outboxEntrySchema = z.object({
  clientId: z.string(),
  connector: z.string(),
  draft: ticketDraftSchema,
  state: z.enum(['pending', 'sending', 'delivered', 'rejected']),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.string(),
  queuedAt: z.string(),
  lastError: z.object({ kind: z.string(), messageKey: z.string(), status: z.number().optional() }).optional(),
  ref: ticketRefSchema.optional(),
  deliveredAt: z.string().optional(),
  attachmentsFailed: z.boolean().optional(),
  status: z.object({ state: z.string(), raw: z.string(), at: z.string() }).optional(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

export const outboxFileSchema = z.object({ version: z.literal(1), entries: z.array(outboxEntrySchema) });
export type OutboxFile = z.infer<typeof outboxFileSchema>;
export const emptyOutbox = (): OutboxFile => ({ version: 1, entries: [] });

/**
 * Once the helpdesk has a ticket, an image's bytes are no use here (a delivered ticket is never
 * re-sent) and would make the outbox file, rewritten on every attempt, grow by megabytes per
 * ticket kept for "My tickets". Name, type and size stay.
 */
function dropDeliveredBytes(entry: OutboxEntry): void {
  for (const a of entry.draft.attachments) {
    if (a.encoding !== 'base64' || !a.content) continue;
    a.size = a.size ?? Buffer.byteLength(a.content, 'base64');
    a.content = '';
  }
}

export type OutboxOptions = {
  store: Store<OutboxFile>;
  connector: Connector;
  clock: Clock;
  /** [0, 1); injectable so backoff is deterministic in tests. */
  random?: () => number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  concurrency?: number;
  /** Delivered entries kept for "My tickets"; pending and rejected ones are never dropped. */
  keepDelivered?: number;
  onEvent?: (event: OutboxEvent) => void;
  /** The shortest wake-up; a due entry is tried after at most this long. */
  timerFloorMs?: number;
};

export type OutboxEvent =
  | { type: 'delivered'; clientId: string; number: string; viaLookup: boolean }
  | { type: 'retry-scheduled'; clientId: string; at: string; messageKey: TicketMessageKey }
  | { type: 'rejected'; clientId: string; messageKey: TicketMessageKey }
  | { type: 'persist-failed'; clientId: string }
  /** The helpdesk's status of a delivered ticket changed since it was last read (My tickets, notification). */
  | { type: 'status-changed'; clientId: string; title: string; number: string | null; state: string; raw: string };

/** `fn` may return a promise: a test's fake timer can await one refresh (service.ts). */
export type Timers = { set(fn: () => void | Promise<void>, ms: number): unknown; clear(handle: unknown): void };

export type OutboxScheduler = {
  /** Delivers what is due now (after an enqueue) and re-arms the timer for the next due entry. */
  kick(): Promise<void>;
  stop(): void;
};

export type Outbox = {
  /** Persists the ticket; resolves only once it is on disk. Idempotent per client id. */
  enqueue(draft: TicketDraft): Promise<OutboxEntry>;
  /** Attempts every entry due now (bounded concurrency); never two attempts of one ticket at once. */
  deliverDue(): Promise<void>;
  /** When the next pending entry becomes due, or null when nothing is waiting. */
  nextDueAt(): Date | null;
  entries(): readonly OutboxEntry[];
  get(clientId: string): OutboxEntry | undefined;
  /** A rejected ticket the employee (or IT, after fixing the config) wants to try again. */
  retry(clientId: string): Promise<void>;
  /** Reads the helpdesk status of delivered tickets (the last `limit`), where the API allows. */
  refreshStatuses(limit?: number): Promise<void>;
  /** Plain-text export so a rejected (or any) ticket can be copied or saved as a file. */
  exportText(clientId: string): string | null;
  /** Runs `deliverDue` whenever something becomes due; `kick()` after enqueue. */
  start(timers: Timers): OutboxScheduler;
};

export function createOutbox(options: OutboxOptions): Outbox {
  const { store, connector, clock } = options;
  const random = options.random ?? Math.random;
  const baseDelay = options.baseDelayMs ?? 5_000;
  const maxDelay = options.maxDelayMs ?? 30 * 60_000;
  const concurrency = options.concurrency ?? 2;
  const keepDelivered = options.keepDelivered ?? 200;
  const timerFloorMs = options.timerFloorMs ?? 250;
  const inFlight = new Set<string>();
  const emit = (event: OutboxEvent) => options.onEvent?.(event);
  const find = (clientId: string) => store.data.entries.find((e) => e.clientId === clientId);

  /** Exponential backoff with "equal jitter": half fixed, half random, capped. */
  const backoffMs = (attempts: number) => {
    const exp = Math.min(maxDelay, baseDelay * 2 ** Math.max(0, attempts - 1));
    return Math.round(exp / 2 + random() * (exp / 2));
  };

  const patch = (clientId: string, change: Partial<OutboxEntry>) =>
    store.update((data) => {
      const entry = data.entries.find((e) => e.clientId === clientId);
      if (entry) Object.assign(entry, change);
    });

  const prune = (data: OutboxFile) => {
    const delivered = data.entries.filter((e) => e.state === 'delivered');
    const excess = delivered.length - keepDelivered;
    if (excess <= 0) return;
    const drop = new Set(delivered.slice(0, excess).map((e) => e.clientId));
    data.entries = data.entries.filter((e) => !drop.has(e.clientId));
  };

  async function attempt(clientId: string): Promise<void> {
    const entry = find(clientId);
    if (!entry || entry.state === 'delivered' || entry.state === 'rejected') return;
    const outcomeUnknown = entry.attempts > 0;
    const now = clock.now().toISOString();
    try {
      // Recorded BEFORE the request: a crash after this line means "look before resending".
      await patch(clientId, { state: 'sending', attempts: entry.attempts + 1, nextAttemptAt: now });
    } catch {
      emit({ type: 'persist-failed', clientId });
      return;
    }
    try {
      let ref = null;
      let viaLookup = false;
      let attachmentsFailed = false;
      if (outcomeUnknown) {
        const found = await connector.findByClientId(clientId);
        if (found !== 'unsupported' && found !== null) {
          ref = found;
          viaLookup = true;
          // The lost answer was the create's: a connector that uploads after creating never got to
          // the attachments (the employee's screenshot, the log). Upload them now, once.
          if (connector.attach && entry.draft.attachments.length > 0) attachmentsFailed = await connector.attach(found, entry.draft.attachments);
        }
      }
      if (!ref) {
        const created = await connector.create(entry.draft, clientId);
        attachmentsFailed = created.attachmentsFailed === true;
        ref = { id: created.id, number: created.number, ...(created.url ? { url: created.url } : {}) };
      }
      const deliveredRef = ref;
      await store.update((data) => {
        const e = data.entries.find((x) => x.clientId === clientId);
        if (!e) return;
        Object.assign(e, { state: 'delivered', ref: deliveredRef, deliveredAt: clock.now().toISOString(), attachmentsFailed });
        delete e.lastError;
        dropDeliveredBytes(e);
        prune(data);
      });
      emit({ type: 'delivered', clientId, number: deliveredRef.number, viaLookup });
    } catch (error) {
      const err = error instanceof ConnectorError ? error : new ConnectorError('unknown-outcome', ticketMessageKeys.unknown, error instanceof Error ? error.message : String(error));
      const lastError = { kind: err.kind, messageKey: err.messageKey, ...(err.status !== undefined ? { status: err.status } : {}) };
      const current = find(clientId);
      if (err.kind === 'rejected') {
        await patch(clientId, { state: 'rejected', lastError }).catch(() => emit({ type: 'persist-failed', clientId }));
        emit({ type: 'rejected', clientId, messageKey: err.messageKey });
        return;
      }
      const at = new Date(clock.now().getTime() + backoffMs(current?.attempts ?? 1)).toISOString();
      await patch(clientId, { state: 'pending', nextAttemptAt: at, lastError }).catch(() => emit({ type: 'persist-failed', clientId }));
      emit({ type: 'retry-scheduled', clientId, at, messageKey: err.messageKey });
    }
  }

  /**
   * When an entry is due. A date that is not a date, or one further ahead than any backoff could
   * set (a hand edit, a clock that jumped back), means "now": the ticket is never stranded (#11).
   */
  const dueAt = (e: OutboxEntry, now: number) => {
    const at = Date.parse(e.nextAttemptAt);
    return Number.isNaN(at) || at > now + maxDelay ? now : at;
  };
  const isDue = (e: OutboxEntry, now: number) => (e.state === 'pending' || e.state === 'sending') && !inFlight.has(e.clientId) && dueAt(e, now) <= now;

  return {
    /** Persists the ticket; resolves only once it is on disk. Idempotent per client id. */
    async enqueue(draft: TicketDraft): Promise<OutboxEntry> {
      const existing = find(draft.clientId);
      if (existing) return existing;
      const now = clock.now().toISOString();
      const entry: OutboxEntry = { clientId: draft.clientId, connector: connector.kind, draft, state: 'pending', attempts: 0, nextAttemptAt: now, queuedAt: now };
      await store.update((data) => void data.entries.push(entry));
      return entry;
    },

    /** Attempts every entry due now (bounded concurrency); never two attempts of one ticket at once. */
    async deliverDue(): Promise<void> {
      const now = clock.now().getTime();
      const due = store.data.entries.filter((e) => isDue(e, now)).map((e) => e.clientId);
      for (const id of due) inFlight.add(id);
      let next = 0;
      const worker = async () => {
        while (next < due.length) {
          const id = due[next++] as string;
          try {
            await attempt(id);
          } finally {
            inFlight.delete(id);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
    },

    /** When the next pending entry becomes due, or null when nothing is waiting. */
    nextDueAt(): Date | null {
      const now = clock.now().getTime();
      const times = store.data.entries.filter((e) => e.state === 'pending' || e.state === 'sending').map((e) => dueAt(e, now));
      return times.length ? new Date(Math.min(...times)) : null;
    },

    entries: (): readonly OutboxEntry[] => store.data.entries,
    get: find,

    /** A rejected ticket the employee (or IT, after fixing the config) wants to try again. */
    async retry(clientId: string): Promise<void> {
      const entry = find(clientId);
      if (entry?.state !== 'rejected') return;
      await patch(clientId, { state: 'pending', nextAttemptAt: clock.now().toISOString() });
    },

    async refreshStatuses(limit = 50): Promise<void> {
      if (!connector.status) return;
      const open = store.data.entries.filter((e) => e.state === 'delivered' && e.ref && e.status?.state !== 'closed').slice(-limit);
      for (const entry of open) {
        try {
          const status = await connector.status(entry.ref as NonNullable<OutboxEntry['ref']>);
          const before = entry.status;
          // `at` is when the status last changed, not when it was last read.
          if (before && before.state === status.state && before.raw === status.raw) continue;
          await patch(entry.clientId, { status: { ...status, at: clock.now().toISOString() } });
          if (before) emit({ type: 'status-changed', clientId: entry.clientId, title: entry.draft.title, number: entry.ref?.number ?? null, state: status.state, raw: status.raw });
        } catch {
          // Status is informative only; keep the last known one.
        }
      }
    },

    /** Plain-text export so a rejected (or any) ticket can be copied or saved as a file. */
    exportText(clientId: string): string | null {
      const entry = find(clientId);
      return entry ? ticketAsText(entry.draft) : null;
    },

    /** Runs `deliverDue` whenever something becomes due; `kick()` after enqueue. */
    start(timers: Timers) {
      let handle: unknown = null;
      let stopped = false;
      let running: Promise<void> | null = null;
      const schedule = () => {
        if (stopped) return;
        if (handle !== null) timers.clear(handle);
        const due = this.nextDueAt();
        if (!due) return;
        // Bounded both ways: never a busy loop, never past what setTimeout can hold.
        handle = timers.set(() => void kick(), timerDelay(due.getTime() - clock.now().getTime(), timerFloorMs));
      };
      const kick = async () => {
        if (stopped) return;
        if (!running) running = this.deliverDue().finally(() => (running = null));
        await running;
        schedule();
      };
      schedule();
      return {
        kick,
        stop() {
          stopped = true;
          if (handle !== null) timers.clear(handle);
        },
      };
    },
  };
}
