import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimeoutError, within } from '../../../core/util/within.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('within', () => {
  it('resolves with the value when the work settles in time', async () => {
    await expect(within(Promise.resolve(42), 1000)).resolves.toBe(42);
  });

  it('rejects with TimeoutError once the time is up, and the fallback pattern turns that into a value', async () => {
    vi.useFakeTimers();
    const never = new Promise<number>(() => undefined);
    const timed = within(never, 500);
    const fallback = within(never, 500).catch(() => -1);
    vi.advanceTimersByTime(500);
    await expect(timed).rejects.toBeInstanceOf(TimeoutError);
    await expect(fallback).resolves.toBe(-1);
  });

  it("passes the work's own failure through, wrapping a non-Error rejection", async () => {
    await expect(within(Promise.reject(new Error('refused')), 1000)).rejects.toThrow('refused');
    await expect(within(Promise.reject('plain text' as unknown as Error), 1000)).rejects.toThrow('plain text');
  });

  it('clears its timer when the work settles first', async () => {
    vi.useFakeTimers();
    await within(Promise.resolve('done'), 10_000);
    expect(vi.getTimerCount()).toBe(0);
  });
});
