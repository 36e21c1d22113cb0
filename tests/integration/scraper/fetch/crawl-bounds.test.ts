// Answers no real day could give: a page of 200 MB, a gzip bomb (200 MB decoded from some 200 KB
// on the wire) and a listing of more papers than any day holds. Each fails its own day with a
// reason and is not retried; the other days go on; the process reads no more than the bound
// (20 MB by default, `maxPageBytes` to change it) and its memory stays far below what reading
// the whole answer would take. The replay server makes these bodies as they are sent, so it
// stops when the client hangs up.
import { afterEach, describe, expect, it } from 'vitest';
import { listDayFiles } from '../../../../scraper/archive/store.ts';
import { DEFAULT_MAX_PAGE_BYTES } from '../../../../scraper/fetch/limits.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { type CrawlRun, crawlReplay, statuses, useReplay } from './crawl-helpers.ts';

const replay = useReplay();
afterEach(() => replay.server.faults.clear());

const DAYS = ['2026-08-04', '2026-08-05', '2026-08-06'];
const BAD = '2026-08-05';
const HUGE = 200_000_000;

/** Runs `crawl`, sampling the heap and buffers every few ms: the highest they went above where they started. */
async function peakMemory(crawl: () => Promise<CrawlRun>): Promise<{ run: CrawlRun; peakMb: number }> {
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const start = used();
  let peak = start;
  const sampler = setInterval(() => {
    peak = Math.max(peak, used());
  }, 2);
  try {
    const run = await crawl();
    return { run, peakMb: (Math.max(peak, used()) - start) / 1e6 };
  } finally {
    clearInterval(sampler);
  }
}

/** Body bytes the server made for the bad day's answer before the client hung up. */
function madeForBadDay(path: string): number {
  const entry = replay.server.requests.findLast((r) => r.path.startsWith(path));
  return entry?.bytes ?? Number.NaN;
}

describe('a page over the size bound', () => {
  for (const [fault, source] of [
    ['hugePage', 'page'],
    ['gzipBomb', 'page'],
    ['gzipBomb', 'api'],
  ] as const) {
    it(`fails its day at the 20 MB bound when the answer is a ${HUGE / 1e6} MB ${fault} (${source} source); the others go on`, async () => {
      const path = source === 'page' ? `/papers/date/${BAD}` : `/api/daily_papers?date=${BAD}`;
      replay.server.faults.set({ [fault]: { bytes: HUGE, paths: `${path}*` } });
      const content = tempDir();
      const { run, peakMb } = await peakMemory(() =>
        crawlReplay(replay.server, { contentDir: content, dates: DAYS, source }),
      );
      expect(statuses(run)).toEqual({ '2026-08-04': 'ok', [BAD]: 'failed', '2026-08-06': 'ok' });
      const url = source === 'page' ? `${replay.server.url}${path}` : `${replay.server.url}${path}&limit=100&p=0`;
      expect(run.reports.find((r) => r.date === BAD)?.message).toBe(
        `${url}: the answer is larger than 20 MB once decoded (the bound on one page): not read further`,
      );
      expect(run.retries).toEqual([]);
      expect(await listDayFiles(content)).toHaveLength(2);
      // The client stopped at the bound: the server never got to make the whole page (a bomb's
      // few hundred KB fit in the socket's buffers, so there only memory tells)...
      if (fault === 'hugePage') expect(madeForBadDay(path)).toBeLessThan(HUGE / 4);
      // ...and memory never held anything like it (whole, it is 200 MB of bytes, and 400 MB more as text).
      expect(peakMb).toBeLessThan(150);
      expect(DEFAULT_MAX_PAGE_BYTES).toBe(20_000_000);
    });
  }

  it('takes its bound from `maxPageBytes`', async () => {
    // A 2 MB page: whole and valid, over a 1 MB bound, under a 3 MB one.
    replay.server.faults.set({ hugePage: { bytes: 2_000_000, paths: `/papers/date/${BAD}` } });
    const small = await crawlReplay(replay.server, { contentDir: tempDir(), dates: [BAD], maxPageBytes: 1_000_000 });
    expect(small.reports[0]).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/: the answer is larger than 1 MB once decoded/),
    });
    const large = await crawlReplay(replay.server, { contentDir: tempDir(), dates: [BAD], maxPageBytes: 3_000_000 });
    expect(statuses(large)).toEqual({ [BAD]: 'ok' });
  });

  it('fails a page whose unencoded content-length is over the bound without reading it', async () => {
    // A normal page states its length; 300 KB is over a 100 KB bound.
    const run = await crawlReplay(replay.server, { contentDir: tempDir(), dates: [BAD], maxPageBytes: 100_000 });
    expect(run.reports[0]?.message).toMatch(/: the answer is larger than 100 KB \(content-length \d+\)/);
  });
});

describe('a listing of more papers than any day holds', () => {
  it('fails its day as implausible, through either source, not retried', async () => {
    const date = '2026-08-10';
    const items = Array.from({ length: 501 }, (_, i) => ({
      paper: { id: `2608.${20000 + i}`, title: `Paper ${i}`, authors: [], summary: '', upvotes: 1 },
      numComments: 0,
    }));
    replay.server.setDay(date, items);
    try {
      for (const source of ['page', 'api'] as const) {
        const run = await crawlReplay(replay.server, { contentDir: tempDir(), dates: [date], source });
        expect(run.reports[0]).toMatchObject({
          status: 'failed',
          message: expect.stringMatching(
            /more than (any day could \()?500( papers for the day)?\)?.*implausible, not filed/,
          ),
        });
        expect(run.retries).toEqual([]);
      }
    } finally {
      replay.server.setDay(date, null);
    }
  });
});
