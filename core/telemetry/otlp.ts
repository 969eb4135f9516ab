/**
 * Optional export of anonymous run events to the organisation's OpenTelemetry collector as
 * OTLP/HTTP JSON logs (POST <endpoint>/v1/logs). Off unless policy enables it. Events carry the
 * troubleshooter id, category, outcome, duration and whether a ticket was made — never a user,
 * machine or run id. Batched; retried with backoff on network errors, 429 and 5xx.
 * Spec: https://opentelemetry.io/docs/specs/otlp/#otlphttp
 */
import type { ActivityRecord } from '../report/activity.ts';
import type { Diagnosis } from '../report/types.ts';
import { normalizeSearch } from '../report/search-terms.ts';
import type { RunHistoryRecord } from '../report/types.ts';
import { redact, type RedactOptions } from '../redact.ts';

export type RunTelemetryEvent = Pick<RunHistoryRecord, 'troubleshooterId' | 'category' | 'outcome' | 'ticketCreated' | 'finishedAt'> & {
  kind?: 'run';
  durationMs: number;
  /** From opening Firstline to the end of the run, when the opening time is known. */
  fromOpeningMs?: number;
};

/**
 * "What IT learns" (issue 15) as events next to the runs: searches that found nothing (normalized
 * words only), articles viewed and their "Did this help?", the answer after a fix, and the category
 * and diagnosis of every ticket sent. No ids of people, machines, runs or tickets.
 */
export type LearningTelemetryEvent =
  | { kind: 'search-missed'; terms: string; at: string }
  | { kind: 'article-viewed'; articleId: string; at: string }
  | { kind: 'article-feedback'; articleId: string; helpful: boolean; at: string }
  | { kind: 'run-feedback'; troubleshooterId: string; category: string; helpful: boolean; at: string }
  | { kind: 'ticket-sent'; category: string; diagnosis: Diagnosis; troubleshooterId?: string; at: string };

export type TelemetryEvent = RunTelemetryEvent | LearningTelemetryEvent;

export type OtlpExporterOptions = {
  /** Collector base URL, e.g. https://otel.example.com:4318 — `/v1/logs` is appended. */
  endpoint: string;
  appVersion: string;
  platform: string;
  batchSize?: number;
  /** Oldest events are dropped beyond this many waiting events. */
  maxQueue?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  fetch?: typeof globalThis.fetch;
  /** Injectable so tests need no real waiting. */
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
  /**
   * The one redaction pipeline (#11): built-in rules plus the policy's `redactionPatterns`, applied
   * to every text that leaves (bodies and string attributes), as for tickets and logs.
   */
  redact?: RedactOptions;
};

export type FlushResult = { sent: number; dropped: number; pending: number };

const retryable = new Set([408, 429, 500, 502, 503, 504]);

const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const int = (key: string, value: number) => ({ key, value: { intValue: String(Math.round(value)) } });
const bool = (key: string, value: boolean) => ({ key, value: { boolValue: value } });
type Attribute = ReturnType<typeof str> | ReturnType<typeof int> | ReturnType<typeof bool>;

/** One event as an OTLP log record's name, body and attributes; null when nothing countable is left. */
function logRecord(e: TelemetryEvent): { at: string; name: string; body: string; attributes: Attribute[] } | null {
  switch (e.kind) {
    case undefined:
    case 'run':
      return {
        at: e.finishedAt,
        name: 'firstline.run.finished',
        body: `troubleshooter ${e.troubleshooterId} finished: ${e.outcome}`,
        attributes: [
          str('firstline.troubleshooter.id', e.troubleshooterId),
          str('firstline.troubleshooter.category', e.category),
          str('firstline.run.outcome', e.outcome),
          int('firstline.run.duration_ms', e.durationMs),
          bool('firstline.run.ticket_created', e.ticketCreated),
          ...(e.fromOpeningMs === undefined ? [] : [int('firstline.run.from_opening_ms', e.fromOpeningMs)]),
        ],
      };
    case 'search-missed': {
      // Normalized again at the border: whatever reached the queue, no digit, address or name leaves.
      const terms = normalizeSearch(e.terms);
      return terms ? { at: e.at, name: 'firstline.search.missed', body: `search found nothing: ${terms}`, attributes: [str('firstline.search.terms', terms)] } : null;
    }
    case 'article-viewed':
      return { at: e.at, name: 'firstline.article.viewed', body: `article ${e.articleId} viewed`, attributes: [str('firstline.article.id', e.articleId)] };
    case 'article-feedback':
      return {
        at: e.at,
        name: 'firstline.article.feedback',
        body: `article ${e.articleId} helpful: ${e.helpful}`,
        attributes: [str('firstline.article.id', e.articleId), bool('firstline.feedback.helpful', e.helpful)],
      };
    case 'run-feedback':
      return {
        at: e.at,
        name: 'firstline.run.feedback',
        body: `troubleshooter ${e.troubleshooterId} helpful: ${e.helpful}`,
        attributes: [str('firstline.troubleshooter.id', e.troubleshooterId), str('firstline.troubleshooter.category', e.category), bool('firstline.feedback.helpful', e.helpful)],
      };
    case 'ticket-sent':
      return {
        at: e.at,
        name: 'firstline.ticket.sent',
        body: `ticket sent: ${e.category}, diagnosis ${e.diagnosis}`,
        attributes: [
          str('firstline.ticket.category', e.category),
          str('firstline.ticket.diagnosis', e.diagnosis),
          ...(e.troubleshooterId ? [str('firstline.troubleshooter.id', e.troubleshooterId)] : []),
        ],
      };
  }
}

/** An activity record (activity.json) as a telemetry event. */
export function eventFromActivity(record: ActivityRecord): LearningTelemetryEvent {
  switch (record.type) {
    case 'search-missed':
      return { kind: 'search-missed', terms: record.terms, at: record.at };
    case 'article-viewed':
      return { kind: 'article-viewed', articleId: record.articleId, at: record.at };
    case 'article-feedback':
      return { kind: 'article-feedback', articleId: record.articleId, helpful: record.helpful, at: record.at };
  }
}

export function toOtlpLogs(events: readonly TelemetryEvent[], options: Pick<OtlpExporterOptions, 'appVersion' | 'platform' | 'redact'>) {
  // Only texts: timestamps and counts are digits that a card-number rule could mistake for data.
  const clean = (text: string) => redact(text, options.redact);
  const cleanAttribute = (a: Attribute): Attribute => ('stringValue' in a.value ? str(a.key, clean(a.value.stringValue)) : a);
  return {
    resourceLogs: [
      {
        resource: { attributes: [str('service.name', 'firstline'), str('service.version', options.appVersion), str('os.type', options.platform)] },
        scopeLogs: [
          {
            scope: { name: 'firstline.runs', version: '1' },
            logRecords: events.flatMap((e) => {
              const record = logRecord(e);
              if (!record) return [];
              const nanos = `${BigInt(Date.parse(record.at)) * 1_000_000n}`;
              return [
                {
                  timeUnixNano: nanos,
                  observedTimeUnixNano: nanos,
                  severityNumber: 9,
                  severityText: 'INFO',
                  eventName: record.name,
                  body: { stringValue: clean(record.body) },
                  attributes: record.attributes.map(cleanAttribute),
                },
              ];
            }),
          },
        ],
      },
    ],
  };
}

/** Batches telemetry events and sends them to the OTLP collector, redacted, with bounded retries. */
export type OtlpExporter = {
  /** Queues one event (dropped, and counted, when the queue is full). */
  record(event: TelemetryEvent): void;
  /** Sends what is queued now, in batches. */
  flush(): Promise<FlushResult>;
  /** Resolves when no flush is in progress. */
  idle(): Promise<void>;
  /** Events waiting to be sent. */
  pending(): number;
  /** Flushes every `intervalMs` until stopped. */
  start(intervalMs?: number): void;
  /** Stops the timer and sends what is left. */
  stop(): Promise<FlushResult>;
};

export function createOtlpExporter(options: OtlpExporterOptions): OtlpExporter {
  const batchSize = options.batchSize ?? 50;
  const maxQueue = options.maxQueue ?? 1000;
  const maxAttempts = options.maxAttempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref()));
  const url = new URL('v1/logs', options.endpoint.endsWith('/') ? options.endpoint : options.endpoint + '/').href;
  let queue: TelemetryEvent[] = [];
  let dropped = 0;
  let inFlight: Promise<FlushResult> | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  /** 'ok' | 'retry' | 'drop' for one POST. */
  async function post(batch: readonly TelemetryEvent[]): Promise<'ok' | 'retry' | 'drop'> {
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(toOtlpLogs(batch, options)),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return 'ok';
      return retryable.has(response.status) ? 'retry' : 'drop';
    } catch {
      return 'retry';
    }
  }

  async function send(batch: readonly TelemetryEvent[]): Promise<'ok' | 'retry' | 'drop'> {
    for (let attempt = 1; ; attempt++) {
      const result = await post(batch);
      if (result !== 'retry' || attempt >= maxAttempts) return result;
      await sleep(baseDelayMs * 2 ** (attempt - 1));
    }
  }

  async function drain(): Promise<FlushResult> {
    let sent = 0;
    while (queue.length > 0) {
      const batch = queue.slice(0, batchSize);
      const result = await send(batch);
      // Only remove the batch after the collector answered; keep it for the next flush when it is down.
      if (result === 'retry') break;
      queue = queue.slice(batch.length);
      if (result === 'ok') sent += batch.length;
      else dropped += batch.length;
    }
    const summary = { sent, dropped, pending: queue.length };
    dropped = 0;
    return summary;
  }

  /** Flushes run one after another; a flush requested during another one waits for it. */
  function flush(): Promise<FlushResult> {
    const run = (inFlight ?? Promise.resolve()).catch(() => undefined).then(drain);
    const tracked: Promise<FlushResult> = run.finally(() => {
      if (inFlight === tracked) inFlight = undefined;
    });
    inFlight = tracked;
    return run;
  }

  return {
    record(event: TelemetryEvent): void {
      queue.push(event);
      if (queue.length > maxQueue) {
        dropped += queue.length - maxQueue;
        queue = queue.slice(-maxQueue);
      }
      if (queue.length >= batchSize && !inFlight) void flush();
    },
    flush,
    /** Resolves when no flush is running (for shutdown and tests). */
    idle: async (): Promise<void> => {
      while (inFlight) await inFlight.catch(() => undefined);
    },
    pending: () => queue.length,
    /** Flush every `intervalMs` so a quiet machine's few events still arrive; the timer never keeps the app alive. */
    start(intervalMs = 60_000): void {
      if (timer) return;
      timer = setInterval(() => void flush(), intervalMs);
      timer.unref();
    },
    /** Stop the timer and try to deliver what is left (app quit). */
    async stop(): Promise<FlushResult> {
      if (timer) clearInterval(timer);
      timer = undefined;
      return flush();
    },
  };
}

/** From policy: an exporter when telemetry is enabled with an endpoint, otherwise nothing at all. */
export function exporterFromPolicy(telemetry: { enabled: boolean; endpoint?: string | undefined }, rest: Omit<OtlpExporterOptions, 'endpoint'>): OtlpExporter | undefined {
  if (!telemetry.enabled || !telemetry.endpoint) return undefined;
  return createOtlpExporter({ ...rest, endpoint: telemetry.endpoint });
}

/** Anonymous event from a history record (drops runId and timestamps other than the finish). */
export function eventFromRecord(record: RunHistoryRecord): RunTelemetryEvent {
  return {
    troubleshooterId: record.troubleshooterId,
    category: record.category,
    outcome: record.outcome,
    ticketCreated: record.ticketCreated,
    finishedAt: record.finishedAt,
    durationMs: Math.max(0, Date.parse(record.finishedAt) - Date.parse(record.startedAt)),
    ...(record.openedAt ? { fromOpeningMs: Math.max(0, Date.parse(record.finishedAt) - Date.parse(record.openedAt)) } : {}),
  };
}
