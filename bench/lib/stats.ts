/**
 * Timing helpers for the benchmarks. Machines are noisy, so every figure is a median of several
 * samples, and a ratio's two sides are sampled alternately in the same run (a background burst
 * then hits both sides, not just one).
 */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/**
 * Runs `a` and `b` alternately `rounds` times (after `warmup` unrecorded rounds) and returns every
 * sample, so the caller can take medians of both sides measured under the same conditions.
 */
export async function alternate(rounds: number, a: () => Promise<number>, b: () => Promise<number>, warmup = 1): Promise<{ a: number[]; b: number[] }> {
  const out = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < warmup + rounds; i++) {
    // Swap the order every round so neither side always runs right after the other.
    const first = i % 2 === 0;
    const x = first ? await a() : undefined;
    const y = await b();
    const x2 = first ? x! : await a();
    if (i >= warmup) {
      out.a.push(x2);
      out.b.push(y);
    }
  }
  return out;
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
