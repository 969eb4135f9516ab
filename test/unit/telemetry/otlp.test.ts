import { createServer } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { policyDefaults } from '../../../core/policy/schema.ts';
import { createOtlpExporter, eventFromRecord, exporterFromPolicy, type RunTelemetryEvent } from '../../../core/telemetry/otlp.ts';

type Received = {
  path: string;
  contentType: string | undefined;
  body: { resourceLogs: { resource: { attributes: unknown[] }; scopeLogs: { logRecords: { attributes: { key: string; value: Record<string, unknown> }[] }[] }[] }[] };
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A local OTLP/HTTP receiver on 127.0.0.1 answering with the scripted statuses, then 200. */
async function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  let attempts = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const status = statuses[attempts++] ?? 200;
      if (status === 200) received.push({ path: req.url ?? '', contentType: req.headers['content-type'], body: JSON.parse(body) as Received['body'] });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  closers.push(close);
  return { endpoint: `http://127.0.0.1:${address.port}`, received, attempts: () => attempts, close };
}

const event = (i: number, over: Partial<RunTelemetryEvent> = {}): RunTelemetryEvent => ({
  troubleshooterId: 'wifi.reconnect',
  category: 'network',
  outcome: 'resolved',
  ticketCreated: false,
  finishedAt: `2026-11-24T10:00:0${i}.000Z`,
  durationMs: 1000 + i,
  ...over,
});
const attrs = (r: Received, n = 0) => Object.fromEntries((r.body.resourceLogs[0]?.scopeLogs[0]?.logRecords[n]?.attributes ?? []).map((a) => [a.key, Object.values(a.value)[0]]));
const recordCount = (r: Received) => r.body.resourceLogs[0]?.scopeLogs[0]?.logRecords.length ?? 0;

describe('OTLP/HTTP export of anonymous run events', () => {
  it('is off by default', () => {
    expect(exporterFromPolicy(policyDefaults().telemetry, { appVersion: '0.1.0', platform: 'linux' })).toBeUndefined();
  });

  it('posts batches of OTLP JSON logs to /v1/logs with only anonymous attributes', async () => {
    const collector = await receiver();
    const exporter = createOtlpExporter({ endpoint: collector.endpoint, appVersion: '0.1.0', platform: 'linux', batchSize: 2 });
    for (let i = 0; i < 5; i++) exporter.record(event(i, i === 4 ? { outcome: 'not-resolved', ticketCreated: true } : {}));
    expect(await exporter.flush()).toMatchObject({ pending: 0 });
    await exporter.idle();

    expect(collector.received.map(recordCount)).toEqual([2, 2, 1]);
    const first = collector.received[0];
    if (!first) throw new Error('nothing received');
    expect(first.path).toBe('/v1/logs');
    expect(first.contentType).toBe('application/json');
    expect(first.body.resourceLogs[0]?.resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'firstline' } });
    expect(attrs(first)).toEqual({
      'firstline.troubleshooter.id': 'wifi.reconnect',
      'firstline.troubleshooter.category': 'network',
      'firstline.run.outcome': 'resolved',
      'firstline.run.duration_ms': '1000',
      'firstline.run.ticket_created': false,
    });
    const last = collector.received[2];
    expect(last && attrs(last)).toMatchObject({ 'firstline.run.outcome': 'not-resolved', 'firstline.run.ticket_created': true });
  });

  it('sends a full batch on its own, without waiting for a flush', async () => {
    const collector = await receiver();
    const exporter = createOtlpExporter({ endpoint: collector.endpoint, appVersion: '0.1.0', platform: 'win32', batchSize: 3 });
    exporter.record(event(1));
    exporter.record(event(2));
    expect(collector.attempts()).toBe(0);
    exporter.record(event(3));
    await exporter.idle();
    expect(collector.received.map(recordCount)).toEqual([3]);
  });

  it('flushes on an interval once started, and delivers the rest on stop', async () => {
    const collector = await receiver();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const exporter = createOtlpExporter({ endpoint: collector.endpoint, appVersion: '0.1.0', platform: 'linux' });
      exporter.start(60_000);
      exporter.record(event(1));
      vi.advanceTimersByTime(59_999);
      await exporter.idle();
      expect(collector.attempts()).toBe(0);
      vi.advanceTimersByTime(1);
      await exporter.idle();
      expect(collector.received.map(recordCount)).toEqual([1]);
      exporter.record(event(2));
      expect(await exporter.stop()).toEqual({ sent: 1, dropped: 0, pending: 0 });
      vi.advanceTimersByTime(120_000);
      await exporter.idle();
      expect(collector.attempts()).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('retries with exponential backoff on 503 and delivers once', async () => {
    const collector = await receiver([503, 503]);
    const delays: number[] = [];
    const exporter = createOtlpExporter({ endpoint: collector.endpoint, appVersion: '0.1.0', platform: 'darwin', baseDelayMs: 100, sleep: (ms) => (delays.push(ms), Promise.resolve()) });
    exporter.record(event(1));
    expect(await exporter.flush()).toEqual({ sent: 1, dropped: 0, pending: 0 });
    expect(delays).toEqual([100, 200]);
    expect(collector.attempts()).toBe(3);
    expect(collector.received).toHaveLength(1);
  });

  it('keeps events while the collector is unreachable', async () => {
    const collector = await receiver();
    await collector.close();
    const exporter = createOtlpExporter({ endpoint: collector.endpoint, appVersion: '0.1.0', platform: 'linux', maxAttempts: 2, sleep: () => Promise.resolve() });
    exporter.record(event(1));
    exporter.record(event(2));
    expect(await exporter.flush()).toEqual({ sent: 0, dropped: 0, pending: 2 });
  });

  it('sends the kept events on the next flush once the collector recovers', async () => {
    const collector = await receiver([503, 503]);
    const exporter = createOtlpExporter({ endpoint: collector.endpoint, appVersion: '0.1.0', platform: 'linux', maxAttempts: 2, sleep: () => Promise.resolve() });
    exporter.record(event(1));
    exporter.record(event(2));
    expect(await exporter.flush()).toEqual({ sent: 0, dropped: 0, pending: 2 });
    expect(await exporter.flush()).toEqual({ sent: 2, dropped: 0, pending: 0 });
    expect(collector.received.map(recordCount)).toEqual([2]);
  });

  it('drops a batch the collector rejects as malformed instead of retrying forever', async () => {
    const collector = await receiver([400]);
    const exporter = createOtlpExporter({ endpoint: collector.endpoint, appVersion: '0.1.0', platform: 'linux', sleep: () => Promise.reject(new Error('must not wait')) });
    exporter.record(event(1));
    expect(await exporter.flush()).toEqual({ sent: 0, dropped: 1, pending: 0 });
    expect(collector.attempts()).toBe(1);
  });

  it('builds events from history records without the run id', () => {
    const e = eventFromRecord({
      runId: 'run-7',
      troubleshooterId: 'dns.flush',
      category: 'network',
      outcome: 'resolved',
      startedAt: '2026-11-24T10:00:00.000Z',
      finishedAt: '2026-11-24T10:00:42.500Z',
      ticketCreated: false,
    });
    expect(e).toEqual({ troubleshooterId: 'dns.flush', category: 'network', outcome: 'resolved', ticketCreated: false, finishedAt: '2026-11-24T10:00:42.500Z', durationMs: 42_500 });
  });
});

describe('OTLP export goes through the one redaction pipeline (#11)', () => {
  it("removes what the policy's redactionPatterns and the built-in rules match from bodies and attributes, never from timestamps", async () => {
    const { compilePatterns } = await import('../../../core/tickets/redaction.ts');
    // A finish time whose nanosecond form passes the Luhn check, so a card-number rule applied to
    // the whole payload would have eaten it.
    let finishedAt = '';
    for (let s = 0; !finishedAt; s++) {
      const at = new Date(Date.UTC(2026, 10, 24, 10, 0, s)).toISOString();
      const digits = `${BigInt(Date.parse(at)) * 1_000_000n}`;
      const sum = [...digits].reverse().reduce((acc, ch, i) => acc + (i % 2 === 1 ? (Number(ch) * 2 > 9 ? Number(ch) * 2 - 9 : Number(ch) * 2) : Number(ch)), 0);
      if (sum % 10 === 0) finishedAt = at;
    }
    const collector = await receiver();
    const exporter = exporterFromPolicy({ enabled: true, endpoint: collector.endpoint }, { appVersion: '0.1.0', platform: 'linux', redact: { patterns: compilePatterns(['falcon-[a-z]+']).patterns } });
    exporter?.record(event(0, { troubleshooterId: 'falcon-vpn', category: 'jan.peeters@example.com', finishedAt }));
    expect(await exporter?.flush()).toMatchObject({ sent: 1 });
    const sent = collector.received[0];
    if (!sent) throw new Error('nothing received');
    const text = JSON.stringify(sent.body);
    expect(text).not.toMatch(/falcon-vpn|jan\.peeters/);
    expect(attrs(sent)).toMatchObject({ 'firstline.troubleshooter.id': '[REDACTED]', 'firstline.run.outcome': 'resolved' });
    expect(sent.body.resourceLogs[0]?.scopeLogs[0]?.logRecords[0]).toMatchObject({ timeUnixNano: `${BigInt(Date.parse(finishedAt)) * 1_000_000n}` });
  });

  it('the app hands the policy redactionPatterns to the exporter', async () => {
    const { readFileSync } = await import('node:fs');
    // createFirstline needs an https/loopback collector and a finished run to show this end to end;
    // this pins the wiring the test above relies on.
    expect(readFileSync('app/compose.ts', 'utf8')).toMatch(/exporterFromPolicy\(policy\.telemetry, \{[^}]*redact: \{ patterns: compilePatterns\(policy\.redactionPatterns\)\.patterns \}/);
  });
});
