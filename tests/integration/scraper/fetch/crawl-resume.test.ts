// An interrupted crawl (what Ctrl-C does to `papers scrape`: its AbortSignal fires) stops
// cleanly, files nothing for the day in flight and says which days it did not try; `onlyMissing`
// then resumes it, skipping days held whole and settled empty days, and nothing else.
import { describe, expect, it } from 'vitest';
import { dateRange } from '../../../../scraper/archive/dates.ts';
import { readLedger } from '../../../../scraper/archive/ledger.ts';
import { listDayFiles } from '../../../../scraper/archive/store.ts';
import { fetchGet } from '../../../../scraper/fetch/http.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { crawlReplay, useReplay } from './crawl-helpers.ts';

const replay = useReplay();

const DATES = dateRange('2026-07-13', '2026-07-24'); // two weeks: ten weekdays and a weekend
const held = async (content: string) => (await listDayFiles(content)).map((f) => f.date);
const pagesAskedSince = (since: number) =>
  replay.server.requests
    .slice(since)
    .filter((r) => r.path.startsWith('/papers/date/'))
    .map((r) => r.path.slice(-10));

describe('an interrupted crawl', () => {
  it('stops with the day in flight untried, and onlyMissing resumes it', async () => {
    const content = tempDir();
    const abort = new AbortController();
    const first = await crawlReplay(replay.server, {
      contentDir: content,
      dates: DATES,
      signal: abort.signal,
      // Interrupted while the fourth day's page is on its way.
      get: (url, options) => {
        const answer = fetchGet(url, options);
        if (url.endsWith('/2026-07-16')) abort.abort(new Error('interrupted'));
        return answer;
      },
    });
    expect(first.reports.map((r) => [r.date, r.status])).toEqual([
      ['2026-07-13', 'ok'],
      ['2026-07-14', 'ok'],
      ['2026-07-15', 'ok'],
    ]);
    expect(first.notAttempted).toEqual(DATES.slice(3));
    expect(await held(content)).toEqual(DATES.slice(0, 3));
    expect(Object.keys((await readLedger(content)).days)).toEqual(DATES.slice(0, 3));

    const since = replay.server.requests.length;
    const resumed = await crawlReplay(replay.server, { contentDir: content, dates: DATES, onlyMissing: true });
    expect(resumed.skipped).toEqual(DATES.slice(0, 3));
    expect(resumed.notAttempted).toEqual([]);
    expect(pagesAskedSince(since)).toEqual(DATES.slice(3));
    expect(await held(content)).toHaveLength(10);

    // Everything held, the weekend known empty and settled: nothing left to ask.
    const done = replay.server.requests.length;
    const again = await crawlReplay(replay.server, { contentDir: content, dates: DATES, onlyMissing: true });
    expect(again.skipped).toEqual(DATES);
    expect(again.reports).toEqual([]);
    expect(pagesAskedSince(done)).toEqual([]);
  });

  it('asks again for an empty day younger than three days: its listing may still come', async () => {
    const content = tempDir();
    const weekend = ['2026-07-18', '2026-07-19'];
    await crawlReplay(replay.server, { contentDir: content, dates: weekend });
    const since = replay.server.requests.length;
    const run = await crawlReplay(replay.server, {
      contentDir: content,
      dates: weekend,
      onlyMissing: true,
      today: '2026-07-22', // 07-18 is older than three days, 07-19 is not
    });
    expect(run.skipped).toEqual(['2026-07-18']);
    expect(pagesAskedSince(since)).toEqual(['2026-07-19']);
  });
});
