// `papers scrape` end to end through the page source, for the wiring only: the real command as a
// process, a real Chromium, the replay server on 127.0.0.1 behind its bot check. One run proves
// the parts meet: the flags, the browser passing the check once, the cookies it leaves carrying
// every other day, the weekend told apart from Friday, the lines and exit status a user sees.
// What a crawl decides (retries, backoff, weekends, the card fallback, the guards, resuming) is
// tested in process and on a virtual clock in tests/integration/scraper/fetch; the report of
// failed, refused and withdrawn days, exit codes and Ctrl-C, as a process through the API, in
// tests/integration/scraper/cli/scrape.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { papersFromItems } from '../../../scraper/archive/from-api.ts';
import { readLedger } from '../../../scraper/archive/ledger.ts';
import { listDayFiles, readDay } from '../../../scraper/archive/store.ts';
import { fixtureItems } from '../../../scripts/fixtures/hf-days.ts';
import { type ReplayServer, startReplayServer } from '../../../scripts/replay/server.ts';
import { runPapers } from '../../helpers/cli.ts';
import { FAST_PACING } from '../../helpers/replay.ts';
import { tempDir } from '../../helpers/temp.ts';

let replay: ReplayServer;
beforeAll(async () => {
  // The site's bot check (--waf), as on huggingface.co. The scraper heeds the RateLimit
  // headers: a quota of 100 pages would pause the run.
  replay = await startReplayServer({ waf: true, quota: { pages: 1e9, api: 1e9 } });
});
afterAll(async () => {
  await replay.close();
});

const FRIDAY = '2026-08-07';
const WEEKDAYS = ['2026-08-03', '2026-08-04', '2026-08-05', '2026-08-06', FRIDAY];
const papersOf = (date: string) => papersFromItems(fixtureItems(date)).papers;
const lines = (text: string) => text.split('\n');

describe('papers scrape through Chromium', () => {
  it("files a week with its weekend past the site's browser check, then with the browser's cookies: exit 0", async () => {
    const content = tempDir();
    const result = await runPapers([
      'scrape',
      '--content',
      content,
      '--base-url',
      replay.url,
      ...FAST_PACING,
      '--from',
      '2026-08-03',
      '--to',
      '2026-08-09',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // No Saturday or Sunday file, Friday intact.
    expect((await listDayFiles(content)).map((f) => f.date)).toEqual(WEEKDAYS);
    const friday = await readDay(content, FRIDAY);
    expect(friday).toMatchObject({ status: 'ok', via: 'page', source: `${replay.url}/papers/date/${FRIDAY}` });
    expect(friday?.papers).toEqual(papersOf(FRIDAY));
    const ledger = await readLedger(content);
    expect(ledger.days['2026-08-08']).toMatchObject({
      status: 'no-listing',
      reason: 'the site redirects 2026-08-08 to 2026-08-07',
    });
    expect(ledger.days['2026-08-09']).toMatchObject({ status: 'no-listing' });
    expect(lines(result.stdout)).toContain(`${FRIDAY} ok 20 papers, created`);
    expect(lines(result.stdout)).toContain('2026-08-08 no-listing: the site redirects 2026-08-08 to 2026-08-07');
    expect(result.stdout).toMatch(/Scraped 7 days in .*: 5 ok, 2 no-listing, 0 partial, 0 failed\./);
    // Only the browser's first load meets the check; every other day goes out with its cookie.
    const listings = replay.requests.filter((r) => r.path.startsWith('/papers/date/'));
    expect(listings.filter((r) => r.status === 202)).toHaveLength(1);
    expect(
      listings
        .filter((r) => r.status === 200)
        .map((r) => r.path.slice(-10))
        .sort(),
    ).toEqual(WEEKDAYS);
  });
});
