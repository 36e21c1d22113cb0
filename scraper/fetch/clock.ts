// Time as a dependency: the scraper waits (pacing, backoff, Retry-After) through a Clock, so
// tests can check a rate of 20 a minute without waiting minutes.

export type Clock = {
  /** Milliseconds on a monotonic scale (only differences matter). */
  now(): number;
  /** Resolves after `ms` (at once for ms ≤ 0); rejects with the signal's reason if aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
};

export const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      if (ms <= 0) return resolve();
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/**
 * A clock whose time moves only when every pending task is waiting on it: sleeps resolve in
 * time order, instantly in real time. Used by tests.
 */
export class ManualClock implements Clock {
  #now = 0;
  #sleepers: { until: number; resolve: () => void }[] = [];

  now(): number {
    return this.#now;
  }

  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.#sleepers.push({ until: this.#now + ms, resolve });
      this.#sleepers.sort((a, b) => a.until - b.until);
    });
  }

  /** Moves time to the next sleeper's wake-up and wakes it (and any due at the same time). */
  advanceToNext(): boolean {
    const next = this.#sleepers[0];
    if (!next) return false;
    this.#now = Math.max(this.#now, next.until);
    while (this.#sleepers[0] && this.#sleepers[0].until <= this.#now) this.#sleepers.shift()!.resolve();
    return true;
  }

  /** Runs `task`, advancing time whenever it is only waiting on this clock. */
  async run<T>(task: Promise<T>): Promise<T> {
    let done = false;
    const result = task.finally(() => {
      done = true;
    });
    // A task that fails does so while this loop still waits; its caller sees the failure when
    // `result` is returned, so it must not count as unhandled meanwhile.
    result.catch(() => {});
    while (!done) {
      // Let every microtask and I/O callback settle before deciding that all wait on the clock.
      await new Promise((r) => setImmediate(r));
      if (!done && this.#sleepers.length > 0) this.advanceToNext();
    }
    return result;
  }
}
