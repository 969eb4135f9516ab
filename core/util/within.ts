/**
 * The one timeout helper: races a promise against a timer. Probes map the rejection to a
 * "timeout" status; the ticket snapshot turns it into a fallback value with `.catch`.
 */

/** Thrown by `within` when the work did not settle in time. */
export class TimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`timed out after ${String(ms)} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * Settles like `promise`, or rejects with TimeoutError after `ms`. The timer is cleared on settle
 * and never keeps the process alive; a non-Error rejection is wrapped so callers can rely on
 * `error.message`. The work itself is not cancelled — pass it an AbortSignal for that.
 */
export function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(ms)), ms);
    timer.unref?.();
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}
