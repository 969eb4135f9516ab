/**
 * The ticket service the IPC layer calls: draft → (employee previews/edits) → send → "My
 * tickets". It owns the outbox store file (single writer: one service per data dir per process)
 * and never returns credentials or raw server errors — failures are `messageKey`s.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Lang } from '../kernel/lang.ts';
import type { RunEvent } from '../engine/events.ts';
import type { TicketAttachment } from '../engine/schema.ts';
import { systemClock, type Clock } from '../kernel/clock.ts';
import type { Logger } from '../log.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import { openStore } from '../store/store.ts';
import { timerDelay } from '../util/timer-delay.ts';
import type { StoreReport } from '../store/store.ts';
import type { TicketConfig } from './config.ts';
import { createConnector, referencedSecretNames } from './connectors/index.ts';
import { buildMailtoUrl } from './connectors/mailto.ts';
import { buildDraft, finaliseDraft, type ArticleContext } from './draft.ts';
import { createOutbox, emptyOutbox, outboxFileSchema } from './outbox.ts';
import type { OutboxEntry, OutboxEvent, OutboxScheduler, Timers } from './outbox.ts';
import { createTicketRedactor } from './redaction.ts';
import type { TicketRedactor } from './redaction.ts';
import type { SnapshotPort } from './snapshot.ts';
import { ConnectorError, ticketDraftSchema, ticketMessageKeys } from './types.ts';
import type { Connector, TicketDraft, TicketMessageKey, Urgency } from './types.ts';

export type TicketServiceOptions = {
  config: TicketConfig;
  /** Directory for `outbox.json`. */
  dataDir: string;
  secrets: SecretStore;
  snapshot: SnapshotPort;
  clock?: Clock;
  random?: () => number;
  /** Literal secret values from machine policy (hidden from every ticket and log line). */
  policySecrets?: readonly string[];
  fetch?: typeof fetch;
  smtpPool?: boolean;
  log?: Logger;
  /** A delivered ticket's helpdesk status changed (the app notifies the employee). */
  onStatusChange?: (change: Extract<OutboxEvent, { type: 'status-changed' }>) => void;
  /** Called when the outbox file was corrupt and moved aside. */
  onStoreReport?: (report: StoreReport) => void;
};

/** The troubleshooter a ticket is about: its texts, and what it declared its ticket needs. */
export type TicketTroubleshooter = { id: string; title: string; category?: string; urgency?: Urgency; attach?: readonly TicketAttachment[] };

export type DraftRequest = {
  lang: Lang;
  events?: readonly RunEvent[];
  troubleshooter?: TicketTroubleshooter;
  article?: ArticleContext;
  userText?: string;
  requesterEmail?: string;
};

export type SendResult =
  | { kind: 'sent'; clientId: string; number: string }
  | { kind: 'queued'; clientId: string; messageKey: TicketMessageKey }
  | { kind: 'rejected'; clientId: string; messageKey: TicketMessageKey }
  | { kind: 'mailto'; clientId: string; url: string }
  | { kind: 'error'; messageKey: TicketMessageKey };

export type MyTicket = {
  clientId: string;
  title: string;
  number: string | null;
  createdAt: string;
  deliveredAt: string | null;
  /** Delivery state on this machine. */
  delivery: 'queued' | 'sending' | 'sent' | 'rejected';
  /** Helpdesk status where the API allows reading it. */
  status: { state: string; raw: string; at: string } | null;
  messageKey: string | null;
};

function toMyTicket(e: OutboxEntry): MyTicket {
  const delivery = e.state === 'delivered' ? 'sent' : e.state === 'pending' ? 'queued' : e.state;
  return {
    clientId: e.clientId,
    title: e.draft.title,
    number: e.ref?.number ?? null,
    createdAt: e.draft.createdAt,
    deliveredAt: e.deliveredAt ?? null,
    delivery,
    status: e.status ?? null,
    messageKey: e.lastError?.messageKey ?? null,
  };
}

async function buildRedactor(options: TicketServiceOptions): Promise<TicketRedactor> {
  const names = [...referencedSecretNames(options.config.connector), ...options.config.redaction.secretNames];
  const values = await Promise.all(names.map((n) => options.secrets.get(n)));
  return createTicketRedactor({
    secrets: [...(options.policySecrets ?? []), ...values.filter((v): v is string => typeof v === 'string')],
    extraPatterns: options.config.redaction.extraPatterns,
  });
}

export type TicketChannel = 'api' | 'email' | 'mailto' | 'none';

export type TicketService = {
  /** Set when the outbox file was unreadable and moved aside at start. */
  storeReport: StoreReport | null;
  redactor: TicketRedactor;
  /** Where tickets go (the renderer words the preview). */
  channel(): TicketChannel;
  /** A redacted draft from a run's transcript and a fresh machine snapshot, for the employee to preview. */
  draft(request: DraftRequest): Promise<TicketDraft>;
  /** Persists, then tries once right away; later attempts run from the scheduler. */
  send(input: unknown): Promise<SendResult>;
  /** "My tickets", newest first. */
  list(): MyTicket[];
  /** Reads helpdesk statuses, then lists. */
  refresh(): Promise<MyTicket[]>;
  exportText(clientId: string): string | null;
  retry(clientId: string): Promise<void>;
  deliverNow(): Promise<void>;
  /** Starts background delivery (resumes anything left from before a restart). */
  start(timers: Timers): void;
  stop(): void;
};

export async function createTicketService(options: TicketServiceOptions): Promise<TicketService> {
  const clock = options.clock ?? systemClock;
  const { config } = options;
  const redactor = await buildRedactor(options);
  // Everything logged here is redacted with the ticket rules too, whatever the logger does.
  const base = options.log?.scope('tickets');
  const log = base && {
    info: (m: string, d?: unknown) => base.info(redactor.text(m), redactor.deep(d)),
    warn: (m: string, d?: unknown) => base.warn(redactor.text(m), redactor.deep(d)),
    error: (m: string, d?: unknown) => base.error(redactor.text(m), redactor.deep(d)),
  };
  const { store, report } = await openStore({
    file: path.join(options.dataDir, 'outbox.json'),
    schema: outboxFileSchema,
    defaults: emptyOutbox,
    clock,
    ...(options.onStoreReport ? { onReport: options.onStoreReport } : {}),
  });
  if (report) {
    const message = report.reason === 'invalid-entries' ? 'outbox: invalid entries moved aside, valid tickets kept' : 'outbox store was unreadable and moved aside';
    log?.warn(message, { reason: report.reason, movedTo: report.movedTo, kept: report.kept, dropped: report.dropped });
  }

  let connector: Connector | null = null;
  let configError: TicketMessageKey | null = null;
  if (config.connector) {
    try {
      connector = await createConnector(config.connector, {
        secrets: options.secrets,
        timeoutMs: config.timeoutMs,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.smtpPool ? { smtpPool: true } : {}),
      });
    } catch (error) {
      configError = error instanceof ConnectorError ? error.messageKey : ticketMessageKeys.config;
      log?.error('ticket connector could not be created', { messageKey: configError });
    }
  }
  const mailtoTo = config.connector?.type === 'mailto' ? config.connector.to : config.fallbackEmail;
  const titleLimit = connector?.titleLimit ?? 80;

  const outbox = connector
    ? createOutbox({
        store,
        connector,
        clock,
        ...(options.random ? { random: options.random } : {}),
        baseDelayMs: config.outbox.baseDelayMs,
        maxDelayMs: config.outbox.maxDelayMs,
        concurrency: config.outbox.concurrency,
        keepDelivered: config.outbox.keepDelivered,
        onEvent: (event) => {
          log?.info(`outbox ${event.type}`, event);
          if (event.type === 'status-changed') options.onStatusChange?.(event);
        },
      })
    : null;
  let scheduler: OutboxScheduler | null = null;
  let refreshHandle: unknown = null;
  let stopRefresh = (): void => undefined;

  return {
    storeReport: report,
    redactor,
    /** Where tickets go: 'api' | 'email' | 'mailto' | 'none' (the renderer words the preview). */
    channel: (): TicketChannel => (connector ? (connector.kind === 'email' ? 'email' : 'api') : mailtoTo ? 'mailto' : 'none'),

    async draft(request: DraftRequest): Promise<TicketDraft> {
      // What to collect is the troubleshooter's declaration (`ticket: { attach: [...] }`), not a guess from its category.
      const attach = request.troubleshooter?.attach ?? [];
      const snapshot = await options.snapshot.capture({ printer: attach.includes('printer-snapshot') });
      return buildDraft(
        {
          clientId: randomUUID(),
          now: clock.now(),
          lang: request.lang,
          snapshot,
          titleLimit,
          ...(request.events ? { events: request.events } : {}),
          ...(request.troubleshooter ? { troubleshooter: request.troubleshooter } : {}),
          ...(request.article ? { article: request.article } : {}),
          ...(request.userText ? { userText: request.userText } : {}),
          ...(request.requesterEmail ? { requesterEmail: request.requesterEmail } : {}),
        },
        redactor,
      );
    },

    /** Persists, then tries once right away; later attempts run from the scheduler. */
    async send(input: unknown): Promise<SendResult> {
      const parsed = ticketDraftSchema.safeParse(input);
      if (!parsed.success) return { kind: 'error', messageKey: ticketMessageKeys.unknown };
      const draft = finaliseDraft(parsed.data, redactor, titleLimit);
      if (!outbox) {
        if (mailtoTo) return { kind: 'mailto', clientId: draft.clientId, url: buildMailtoUrl(mailtoTo, draft) };
        return { kind: 'error', messageKey: configError ?? ticketMessageKeys.config };
      }
      log?.info('ticket queued', { clientId: draft.clientId, title: draft.title, connector: connector?.kind });
      try {
        await outbox.enqueue(draft);
      } catch {
        return { kind: 'error', messageKey: ticketMessageKeys.unknown };
      }
      if (scheduler) await scheduler.kick();
      else await outbox.deliverDue();
      const entry = outbox.get(draft.clientId);
      if (entry?.state === 'delivered') return { kind: 'sent', clientId: draft.clientId, number: entry.ref?.number ?? '' };
      const messageKey = (entry?.lastError?.messageKey ?? ticketMessageKeys.offline) as TicketMessageKey;
      if (entry?.state === 'rejected') return { kind: 'rejected', clientId: draft.clientId, messageKey };
      return { kind: 'queued', clientId: draft.clientId, messageKey };
    },

    list: (): MyTicket[] => (outbox ? outbox.entries().map(toMyTicket).reverse() : []),

    async refresh(): Promise<MyTicket[]> {
      await outbox?.refreshStatuses();
      return outbox ? outbox.entries().map(toMyTicket).reverse() : [];
    },

    exportText: (clientId: string): string | null => outbox?.exportText(clientId) ?? null,
    retry: async (clientId: string) => {
      await outbox?.retry(clientId);
      await scheduler?.kick();
    },
    deliverNow: async () => {
      await outbox?.deliverDue();
    },

    /** Starts background delivery (resumes anything left from before a restart). */
    start(timers: Timers) {
      if (!outbox || scheduler) return;
      scheduler = outbox.start(timers);
      void scheduler.kick();
      // Status on open, then at a modest interval (policy: outbox.statusRefreshMs).
      // Returns its promise so a caller (a test's fake timer) can await one refresh.
      const refreshLoop = (): Promise<void> =>
        scheduler
          ? outbox.refreshStatuses().finally(() => {
              if (scheduler) refreshHandle = timers.set(refreshLoop, timerDelay(config.outbox.statusRefreshMs, 60_000));
            })
          : Promise.resolve();
      stopRefresh = () => refreshHandle !== null && timers.clear(refreshHandle);
      void refreshLoop();
    },
    stop() {
      stopRefresh();
      scheduler?.stop();
      scheduler = null;
      connector?.close?.();
    },
  };
}
