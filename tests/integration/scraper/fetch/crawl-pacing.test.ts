// The rate is honoured on an injected clock: twelve days at 20 a minute take 33 virtual seconds
// and no real ones, against the real replay server over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../scraper/fetch/clock.ts';
import { crawl } from '../../../../scraper/fetch/crawl.ts';
import { createPacer, type Pacer } from '../../../../scraper/fetch/pacer.ts';
import { openApiSource } from '../../../../scraper/fetch/sources.ts';
import { type ReplayServer, startReplayServer } from '../../../../scripts/replay/server.ts';
import { tempDir } from '../../../helpers/temp.ts';

let replay: ReplayServer;
beforeAll(async () => {
  replay = await startReplayServer({ quota: { pages: 1e9, api: 1e9 } });
});
afterAll(async () => {
  await replay.close();
});

/** The pacer, noting the (virtual) time each request is let through. */
function recording(pacer: Pacer, clock: ManualClock, starts: number[]): Pacer {
  return {
    intervalMs: pacer.intervalMs,
    pauseFor: (ms) => pacer.pauseFor(ms),
    acquire: async (signal) => {
      await pacer.acquire(signal);
      starts.push(clock.now());
    },
  };
}

describe('pacing a crawl', () => {
  it('lets at most 20 requests a minute through, evenly, whatever the concurrency', async () => {
    const clock = new ManualClock();
    const starts: number[] = [];
    const pacer = recording(createPacer({ ratePerMinute: 20, clock }), clock, starts);
    const source = openApiSource({ baseUrl: replay.url, pacer, apiPacer: pacer, timeoutMs: 10_000 });
    const dates = [
      '2026-07-20',
      '2026-07-21',
      '2026-07-22',
      '2026-07-23',
      '2026-07-24',
      '2026-07-27',
      '2026-07-29',
      '2026-07-30',
      '2026-07-31',
      '2026-08-03',
      '2026-08-04',
      '2026-08-05',
    ];
    const result = await clock.run(
      crawl({
        contentDir: tempDir(),
        dates,
        source,
        pacer,
        concurrency: 4,
        clock,
        retry: { retries: 2, baseDelayMs: 1000, maxDelayMs: 10_000 },
      }),
    );
    expect(result.reports.every((r) => r.status === 'ok')).toBe(true);
    expect(starts).toEqual(dates.map((_, i) => i * 3000));
  });

  it('holds every request for the Retry-After of a 429', async () => {
    const clock = new ManualClock();
    const starts: number[] = [];
    const pacer = recording(createPacer({ ratePerMinute: 60, clock }), clock, starts);
    const source = openApiSource({ baseUrl: replay.url, pacer, apiPacer: pacer, timeoutMs: 10_000 });
    replay.faults.set({ tooManyRequests: { times: 1, retryAfterSeconds: 120, paths: 'date=2026-08-04' } });
    try {
      const result = await clock.run(
        crawl({
          contentDir: tempDir(),
          dates: ['2026-08-03', '2026-08-04', '2026-08-05'],
          source,
          pacer,
          concurrency: 1,
          clock,
          retry: { retries: 2, baseDelayMs: 1000, maxDelayMs: 10_000 },
        }),
      );
      expect(result.reports.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
      // 08-03 at 0 s, 08-04 at 1 s (429: wait 120 s), 08-04 again and 08-05 after the wait.
      expect(starts.slice(0, 2)).toEqual([0, 1000]);
      expect(starts[2]).toBeGreaterThanOrEqual(121_000);
      expect(starts[3]! - starts[2]!).toBe(1000);
    } finally {
      replay.faults.clear();
    }
  });
});
