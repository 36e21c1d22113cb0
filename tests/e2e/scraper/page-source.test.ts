// The page source with a real Chromium, in process, on a virtual clock: what only a browser can
// show. Chromium follows redirects itself, so these check where it landed and what it loaded:
// a site that sends every URL to its canonical origin (behind its bot check) is crawled whole, by
// the browser's first load and then by plain requests carrying its cookies; a page too large, a
// gzip bomb, a redirect loop and a landing on another host each fail their own day, and the
// days after them go on. The size bound is set low (1 MB, over any real listing page) and the
// faults' bodies in proportion to it: Chromium then decodes a few megabytes, not tens of them,
// for the same guard (the 20 MB default bound is tested over plain HTTP in
// tests/integration/scraper/fetch/crawl-bounds.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDayFiles, readDay } from '../../../scraper/archive/store.ts';
import { ManualClock } from '../../../scraper/fetch/clock.ts';
import { type CrawlResult, crawl } from '../../../scraper/fetch/crawl.ts';
import { createPacer } from '../../../scraper/fetch/pacer.ts';
import { DEFAULT_RETRY } from '../../../scraper/fetch/retry.ts';
import { openPageSource } from '../../../scraper/fetch/sources.ts';
import { type ReplayServer, startReplayServer } from '../../../scripts/replay/server.ts';
import { tempDir } from '../../helpers/temp.ts';

const QUOTA = { pages: 1e9, api: 1e9 };
/** The bound on one page for the size faults: over the largest listing page (~0.4 MB). */
const BOUND = 1_000_000;
let replay: ReplayServer;
beforeAll(async () => {
  replay = await startReplayServer({ waf: true, quota: QUOTA });
});
afterAll(async () => {
  await replay.close();
});

/** Crawls `dates` through a real Chromium, one day at a time, waits on a virtual clock. */
async function crawlInBrowser(content: string, dates: string[], maxPageBytes?: number): Promise<CrawlResult> {
  const clock = new ManualClock();
  const pacer = createPacer({ ratePerMinute: 20, clock });
  const apiPacer = createPacer({ ratePerMinute: 100, clock });
  const source = await openPageSource({
    baseUrl: replay.url,
    pacer,
    apiPacer,
    timeoutMs: 15_000,
    concurrency: 1,
    maxPageBytes,
  });
  try {
    return await clock.run(
      crawl({
        contentDir: content,
        dates,
        source,
        pacer,
        clock,
        concurrency: 1,
        retry: DEFAULT_RETRY,
        today: '2026-08-10',
        random: () => 0.5,
      }),
    );
  } finally {
    await source.close();
  }
}

const messages = (run: CrawlResult) =>
  Object.fromEntries(run.reports.map((r) => [r.date, `${r.status}: ${r.message}`]));

describe('the page source in a browser', () => {
  it('crawls a site that sends every URL to its canonical origin, past its bot check, with the browser’s cookies', async () => {
    replay.faults.set({ canonicalRedirect: { to: 'localhost' } });
    try {
      const content = tempDir();
      const dates = ['2026-08-03', '2026-08-04', '2026-08-05', '2026-08-06', '2026-08-07', '2026-08-08'];
      const before = replay.requests.length;
      const run = await crawlInBrowser(content, dates);
      expect(run.reports.map((r) => [r.date, r.status])).toEqual(dates.map((d, i) => [d, i < 5 ? 'ok' : 'no-listing']));
      expect((await readDay(content, '2026-08-07'))?.source).toBe(
        `http://localhost:${new URL(replay.url).port}/papers/date/2026-08-07`,
      );
      // One challenge, met by the browser's first load; every other day went out as a plain
      // request that followed the redirect and carried the cookie set on the canonical host.
      const pages = replay.requests.slice(before).filter((r) => r.path.startsWith('/papers/date/'));
      expect(pages.filter((r) => r.fault === 'waf')).toHaveLength(1);
      expect(pages.filter((r) => r.status === 200).map((r) => r.path.slice(-10))).toEqual(dates.slice(0, 5));
      expect(pages.filter((r) => r.status === 200).every((r) => r.cookie?.includes('aws-waf-token='))).toBe(true);
    } finally {
      replay.faults.clear();
    }
  });

  it('fails a huge page, a gzip bomb, a redirect loop and a landing off the site, each on its own day', async () => {
    const elsewhere = await startReplayServer({ host: '127.0.0.2', quota: QUOTA });
    try {
      // Far past the bound (40 times it): only what Chromium reads before the guard trips is made.
      replay.faults.set({
        hugePage: { bytes: 40 * BOUND, paths: '/papers/date/2026-07-27' },
        gzipBomb: { bytes: 40 * BOUND, paths: '/papers/date/2026-07-29' },
        redirectLoop: { paths: '/papers/date/2026-07-30' },
        canonicalRedirect: { to: elsewhere.url, paths: '/papers/date/2026-07-31' },
      });
      const content = tempDir();
      // Every failed first load leaves the next day to the browser too: all four meet Chromium.
      const dates = ['2026-07-27', '2026-07-29', '2026-07-30', '2026-07-31', '2026-08-03', '2026-08-04'];
      const run = await crawlInBrowser(content, dates, BOUND);
      const url = (d: string) => `${replay.url}/papers/date/${d}`;
      expect(messages(run)).toEqual({
        '2026-07-27': `failed: ${url('2026-07-27')}: the answer is larger than 1 MB once decoded (the bound on one page): not read further`,
        '2026-07-29': `failed: ${url('2026-07-29')}: the answer is larger than 1 MB once decoded (the bound on one page): not read further`,
        '2026-07-30': `failed: ${url('2026-07-30')}: the site's redirects go round in a loop (the browser gave up)`,
        '2026-07-31': `failed: ${url('2026-07-31')}: the browser was sent to ${new URL(elsewhere.url).host}, which is not the site: not filed`,
        '2026-08-03': 'ok: null',
        '2026-08-04': 'ok: null',
      });
      // The other host did serve the page: the browser was there, and nothing of it was filed.
      expect(elsewhere.requests.some((r) => r.path === '/papers/date/2026-07-31' && r.status === 200)).toBe(true);
      expect((await listDayFiles(content)).map((f) => f.date)).toEqual(['2026-08-03', '2026-08-04']);
      // None of it was retried (the same answer would come again): past the bot check, one load each.
      for (const day of ['2026-07-27', '2026-07-29'])
        expect(replay.requests.filter((r) => r.path === `/papers/date/${day}` && r.fault !== 'waf')).toHaveLength(1);
    } finally {
      replay.faults.clear();
      await elsewhere.close();
    }
  });
});
