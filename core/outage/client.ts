/**
 * Fetches the outage feed with If-None-Match, keeps the last good copy on disk, and serves that
 * copy whenever the network or the feed is broken — an outage often takes the network with it.
 */
import { z } from 'zod';
import { outageFeedSchema, type OutageFeed } from './feed.ts';
import { jsonStateFile, type JsonStateFileOptions } from './json-file.ts';

const cacheSchema = z.object({ url: z.string(), etag: z.string().optional(), fetchedAt: z.string(), feed: outageFeedSchema });
type FeedCache = z.infer<typeof cacheSchema>;

export type RefreshResult = {
  status: 'updated' | 'not-modified' | 'offline' | 'invalid' | 'disabled';
  /** The feed to show: fresh, or the cached copy; empty when there is none. */
  feed: OutageFeed;
  /** When the shown feed was last fetched successfully. */
  fetchedAt?: string;
  /** Why the cached copy is shown (for the log). */
  problem?: string;
};

export type OutageClientOptions = {
  /** From policy (`outageFeedUrl`); undefined disables the feed. */
  url: string | undefined;
  cacheFile: string;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
  timeoutMs?: number;
  /** A cache file that cannot be read is moved aside and reported here. */
  onReport?: JsonStateFileOptions['onReport'];
};

const empty: OutageFeed = { version: 1, outages: [] };

/** Fetches the outage feed (conditional GET, validated) and keeps the last good copy on disk. */
export type OutageClient = {
  refresh(): Promise<RefreshResult>;
  /** The last feed that was fetched and validated (empty before the first). */
  cached(): OutageFeed;
};

export function createOutageClient(options: OutageClientOptions): OutageClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => new Date());
  const cacheFile = jsonStateFile<FeedCache>(options.cacheFile, cacheSchema, { now, ...(options.onReport ? { onReport: options.onReport } : {}) });

  const cached = (): FeedCache | undefined => {
    const cache = cacheFile.read();
    // A cache of another URL (policy changed) must not be shown.
    return cache?.url === options.url ? cache : undefined;
  };

  const fromCache = (status: RefreshResult['status'], problem?: string): RefreshResult => {
    const cache = cached();
    return { status, feed: cache?.feed ?? empty, ...(cache ? { fetchedAt: cache.fetchedAt } : {}), ...(problem ? { problem } : {}) };
  };

  async function refresh(): Promise<RefreshResult> {
    if (!options.url) return { status: 'disabled', feed: empty };
    const cache = cached();
    const headers: Record<string, string> = { accept: 'application/json' };
    if (cache?.etag) headers['if-none-match'] = cache.etag;
    let response: Response;
    try {
      response = await fetchImpl(options.url, { headers, signal: AbortSignal.timeout(options.timeoutMs ?? 15_000) });
    } catch (error) {
      return fromCache('offline', `the outage feed could not be fetched: ${(error as Error).message}`);
    }
    if (response.status === 304 && cache) {
      await cacheFile.write({ ...cache, fetchedAt: now().toISOString() });
      return { status: 'not-modified', feed: cache.feed, fetchedAt: now().toISOString() };
    }
    if (!response.ok) return fromCache('offline', `the outage feed answered HTTP ${response.status}`);
    let parsed: ReturnType<typeof outageFeedSchema.safeParse>;
    try {
      parsed = outageFeedSchema.safeParse(await response.json());
    } catch (error) {
      return fromCache('invalid', `the outage feed is not JSON: ${(error as Error).message}`);
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fromCache('invalid', `the outage feed does not match the format: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
    }
    const etag = response.headers.get('etag') ?? undefined;
    const fetchedAt = now().toISOString();
    await cacheFile.write({ url: options.url, ...(etag ? { etag } : {}), fetchedAt, feed: parsed.data });
    return { status: 'updated', feed: parsed.data, fetchedAt };
  }

  return { refresh, cached: () => fromCache('offline').feed };
}
