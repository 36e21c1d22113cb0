// Politeness: requests to the site start at most `ratePerMinute` a minute, evenly spaced (the
// published anonymous limit is 100 page loads per 5 minutes, so the default is 20 a minute),
// and not at all while the site has asked us to wait (Retry-After, RateLimit r=0).
import type { Clock } from './clock.ts';

export type Pacer = {
  /** Waits for this request's turn. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** No request starts before `clock.now() + ms` (a longer pause already set wins). */
  pauseFor(ms: number): void;
  readonly intervalMs: number;
};

export function createPacer({ ratePerMinute, clock }: { ratePerMinute: number; clock: Clock }): Pacer {
  if (!(ratePerMinute > 0)) throw new RangeError(`rate must be > 0, not ${ratePerMinute}`);
  const intervalMs = 60_000 / ratePerMinute;
  let nextSlot = -Infinity;
  let pausedUntil = -Infinity;

  return {
    intervalMs,
    async acquire(signal) {
      // Claim a slot synchronously so concurrent callers queue in order, then wait for it.
      for (;;) {
        const now = clock.now();
        const slot = Math.max(now, nextSlot, pausedUntil);
        nextSlot = slot + intervalMs;
        await clock.sleep(slot - now, signal);
        // A pause set while we slept (another request got a 429) moves us back in line.
        if (clock.now() >= pausedUntil) return;
      }
    },
    pauseFor(ms) {
      pausedUntil = Math.max(pausedUntil, clock.now() + ms);
    },
  };
}
