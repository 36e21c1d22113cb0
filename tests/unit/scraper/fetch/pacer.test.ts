// Pacing is checked on a manual clock: a rate of 20 a minute is verified in milliseconds.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../scraper/fetch/clock.ts';
import { createPacer } from '../../../../scraper/fetch/pacer.ts';
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter, rateLimitPauseMs } from '../../../../scraper/fetch/retry.ts';

describe('the pacer', () => {
  it('starts at most N requests a minute, evenly spaced, with concurrent callers', async () => {
    const clock = new ManualClock();
    const pacer = createPacer({ ratePerMinute: 20, clock });
    const starts: number[] = [];
    const caller = async (n: number) => {
      for (let i = 0; i < n; i++) {
        await pacer.acquire();
        starts.push(clock.now());
      }
    };
    await clock.run(Promise.all([caller(25), caller(25), caller(25), caller(25)]));
    expect(starts).toHaveLength(100);
    // 100 page loads take 99 intervals of 3 s: just under 5 minutes, the published window.
    expect(starts.at(-1)).toBe(99 * 3000);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBe(3000);
    // No 60-second window ever holds more than 20 starts.
    for (const t of starts) expect(starts.filter((s) => s >= t && s < t + 60_000).length).toBeLessThanOrEqual(20);
  });

  it('holds every caller while the site asked to wait', async () => {
    const clock = new ManualClock();
    const pacer = createPacer({ ratePerMinute: 60, clock });
    const starts: number[] = [];
    await clock.run(
      (async () => {
        await pacer.acquire();
        starts.push(clock.now());
        pacer.pauseFor(30_000); // a 429 with Retry-After: 30
        await Promise.all(
          [1, 2].map(async () => {
            await pacer.acquire();
            starts.push(clock.now());
          }),
        );
      })(),
    );
    expect(starts).toEqual([0, 30_000, 31_000]);
  });
});

describe('backoff', () => {
  it('grows exponentially within bounds, and never undercuts Retry-After', () => {
    const opts = { retries: 5, baseDelayMs: 1000, maxDelayMs: 10_000 };
    expect(backoffDelay(1, opts, null, () => 0)).toBe(500);
    expect(backoffDelay(1, opts, null, () => 1)).toBe(1000);
    expect(backoffDelay(3, opts, null, () => 1)).toBe(4000);
    expect(backoffDelay(10, opts, null, () => 1)).toBe(10_000);
    expect(backoffDelay(1, opts, 42_000, () => 1)).toBe(42_000);
    expect(DEFAULT_RETRY.retries).toBeGreaterThan(0);
  });

  it('reads Retry-After in seconds or as a date, and RateLimit in both header styles', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:00 GMT'))).toBe(60_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(rateLimitPauseMs('"pages";r=0;t=42')).toBe(42_000);
    expect(rateLimitPauseMs('"pages";r=5;t=42')).toBeNull();
    expect(rateLimitPauseMs('limit=100, remaining=0, reset=7')).toBe(7_000);
    expect(rateLimitPauseMs(undefined)).toBeNull();
  });
});
