/**
 * Per-caller sliding window: at most `max` requests per `windowMs` for each caller (uid, or SID on Windows). Refusals are
 * not counted (a flood cannot extend its own ban), and `firstRefusal` lets the audit log record a
 * flood once per window instead of once per request.
 */
export type RateDecision = { allowed: boolean; firstRefusal: boolean };
export type RateLimiter = { check(caller: number | string, now?: number): RateDecision };

export function createRateLimiter(max: number, windowMs: number): RateLimiter {
  const hits = new Map<number | string, { times: number[]; refusedSince?: number }>();
  return {
    check(caller, now = Date.now()) {
      const entry = hits.get(caller) ?? { times: [] };
      entry.times = entry.times.filter((t) => now - t < windowMs);
      if (entry.refusedSince !== undefined && now - entry.refusedSince >= windowMs) delete entry.refusedSince;
      const allowed = entry.times.length < max;
      let firstRefusal = false;
      if (allowed) entry.times.push(now);
      else if (entry.refusedSince === undefined) {
        entry.refusedSince = now;
        firstRefusal = true;
      }
      hits.set(caller, entry);
      // Bounded memory: forget callers whose window has passed.
      if (hits.size > 10_000) for (const [key, e] of hits) if (e.times.every((t) => now - t >= windowMs)) hits.delete(key);
      return { allowed, firstRefusal };
    },
  };
}
