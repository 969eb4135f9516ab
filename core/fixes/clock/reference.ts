/**
 * The reference time: the `Date` header of an intranet page (policy `timeReferenceUrl`, else the
 * network probes' internal URL). A HEAD request is enough; the header has one-second resolution,
 * so the server's time is taken as the middle of that second, compared with the middle of our
 * request. No body is read, no data is sent. node:http(s) is imported when the clock is checked,
 * not when the action registry loads (the app's cold start, issue #17).
 */
import { TimeoutError } from '../../util/within.ts';

export type Reference = { url: string; source: 'policy' | 'internal-url' };

export function referenceFromPolicy(policy: Readonly<Record<string, unknown>>): Reference | undefined {
  const usable = (value: unknown): value is string => {
    if (typeof value !== 'string') return false;
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  };
  if (usable(policy.timeReferenceUrl)) return { url: policy.timeReferenceUrl, source: 'policy' };
  const internal = (policy.networkProbes as { internalUrl?: { url?: unknown } } | undefined)?.internalUrl?.url;
  if (usable(internal)) return { url: internal, source: 'internal-url' };
  return undefined;
}

export type Sample = { status: number; date?: string | undefined; sentAt: number; receivedAt: number };

export async function sampleDate(url: string, timeoutMs: number, signal: AbortSignal, clock: () => number): Promise<Sample> {
  const target = new URL(url);
  const { request: send } = target.protocol === 'https:' ? await import('node:https') : await import('node:http');
  return new Promise((resolve, reject) => {
    const sentAt = clock();
    const req = send(target, { method: 'HEAD', timeout: timeoutMs, signal, headers: { 'user-agent': 'Firstline clock check' } }, (res) => {
      const receivedAt = clock();
      res.resume();
      resolve({ status: res.statusCode ?? 0, date: res.headers.date, sentAt, receivedAt });
    });
    req.on('timeout', () => req.destroy(new TimeoutError(timeoutMs)));
    req.on('error', reject);
    req.end();
  });
}

/** Local minus reference, in whole seconds (positive: this computer is ahead). Undefined without a valid Date header. */
export function skewSeconds(sample: Sample): number | undefined {
  if (!sample.date) return undefined;
  const server = Date.parse(sample.date);
  if (Number.isNaN(server)) return undefined;
  const local = (sample.sentAt + sample.receivedAt) / 2;
  return Math.round((local - (server + 500)) / 1000);
}
