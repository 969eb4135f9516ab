/**
 * Optional export of anonymous run events to the organisation's OpenTelemetry collector as
 * OTLP/HTTP JSON logs (POST <endpoint>/v1/logs). Off unless policy enables it. Events carry the
 * troubleshooter id, category, outcome, duration and whether a ticket was made — never a user,
 * machine or run id. Batched; retried with backoff on network errors, 429 and 5xx.
 * Spec: https://opentelemetry.io/docs/specs/otlp/#otlphttp
 */
import type { RunHistoryRecord } from '../report/types.ts';

export type RunTelemetryEvent = Pick<RunHistoryRecord, 'troubleshooterId' | 'category' | 'outcome' | 'ticketCreated' | 'finishedAt'> & { durationMs: number };

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
};

export type FlushResult = { sent: number; dropped: number; pending: number };

const retryable = new Set([408, 429, 500, 502, 503, 504]);

export function toOtlpLogs(events: readonly RunTelemetryEvent[], options: Pick<OtlpExporterOptions, 'appVersion' | 'platform'>) {
  const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
  return {
    resourceLogs: [
      {
        resource: { attributes: [str('service.name', 'firstline'), str('service.version', options.appVersion), str('os.type', options.platform)] },
        scopeLogs: [
          {
            scope: { name: 'firstline.runs', version: '1' },
            logRecords: events.map((e) => {
              const nanos = `${BigInt(Date.parse(e.finishedAt)) * 1_000_000n}`;
              return {
                timeUnixNano: nanos,
                observedTimeUnixNano: nanos,
                severityNumber: 9,
                severityText: 'INFO',
                eventName: 'firstline.run.finished',
                body: { stringValue: `troubleshooter ${e.troubleshooterId} finished: ${e.outcome}` },
                attributes: [
                  str('firstline.troubleshooter.id', e.troubleshooterId),
                  str('firstline.troubleshooter.category', e.category),
                  str('firstline.run.outcome', e.outcome),
                  { key: 'firstline.run.duration_ms', value: { intValue: String(Math.round(e.durationMs)) } },
                  { key: 'firstline.run.ticket_created', value: { boolValue: e.ticketCreated } },
                ],
              };
            }),
          },
        ],
      },
    ],
  };
}

export function createOtlpExporter(options: OtlpExporterOptions) {
  const batchSize = options.batchSize ?? 50;
  const maxQueue = options.maxQueue ?? 1000;
  const maxAttempts = options.maxAttempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref()));
  const url = new URL('v1/logs', options.endpoint.endsWith('/') ? options.endpoint : options.endpoint + '/').href;
  let queue: RunTelemetryEvent[] = [];
  let dropped = 0;
  let inFlight: Promise<FlushResult> | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  /** 'ok' | 'retry' | 'drop' for one POST. */
  async function post(batch: readonly RunTelemetryEvent[]): Promise<'ok' | 'retry' | 'drop'> {
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

  async function send(batch: readonly RunTelemetryEvent[]): Promise<'ok' | 'retry' | 'drop'> {
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
    record(event: RunTelemetryEvent): void {
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
export type OtlpExporter = ReturnType<typeof createOtlpExporter>;

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
  };
}
