/**
 * Every timer delay that comes from policy or disk goes through here (#11): `setTimeout` turns a
 * delay above 2^31−1 ms (24.8 days) into 1 ms, and NaN into 0, which made a 30-day policy value
 * fire 400 status requests in 3 s. The result is finite, at least `floorMs`, at most the maximum.
 */
export const MAX_TIMER_MS = 2_147_483_647;

export function timerDelay(ms: number, floorMs = 1_000): number {
  if (!Number.isFinite(ms)) return Number.isNaN(ms) ? floorMs : MAX_TIMER_MS;
  return Math.min(MAX_TIMER_MS, Math.max(floorMs, Math.round(ms)));
}
