// The API behind the page source: a day whose page cannot be read for a reason the API does not
// meet (the layout changed, a bot check not passed, the pages refused) is fetched through the API
// in the same run, filed saying so and counted ok; failures the API would meet too (the site
// down, 429 after retries) stay failures and the API is not asked. Through the page source over
// plain HTTP and the replay server, on a virtual clock (the browser's side: tests/e2e/scraper/
// nightly-fallback.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { fallbackProblem } from '../../../../scraper/archive/archive-day.ts';
import { papersFromItems } from '../../../../scraper/archive/from-api.ts';
import { readLedger } from '../../../../scraper/archive/ledger.ts';
import { readDay } from '../../../../scraper/archive/store.ts';
import { fallbackAvoids } from '../../../../scraper/fetch/crawl.ts';
import { FetchError } from '../../../../scraper/fetch/retry.ts';
import { fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { crawlReplay, statuses, useReplay } from './crawl-helpers.ts';

const replay = useReplay();
afterEach(() => {
  replay.server.faults.clear();
  replay.server.requests.length = 0;
});

const DAYS = ['2026-08-05', '2026-08-06', '2026-08-07'];
const papersOf = (date: string) => papersFromItems(fixtureItems(date)).papers;
const apiUrl = (date: string) => `${replay.server.url}/api/daily_papers?date=${date}`;
/** A crawl through the page source with the API behind it, as `papers scrape` runs one. */
const withFallback = (content: string, dates: readonly string[], retries?: number) =>
  crawlReplay(replay.server, {
    contentDir: content,
    dates,
    fallback: true,
    ...(retries === undefined ? {} : { retries }),
  });
const pageLoads = () => replay.server.requests.filter((r) => r.path.startsWith('/papers/date/'));
const apiCalls = () => replay.server.requests.filter((r) => r.path.startsWith('/api/daily_papers'));

describe('a page that cannot be read', () => {
  it('(the layout changed) is fetched through the API: the same papers, filed via api, ok, saying why', async () => {
    replay.server.faults.set({ layout: 'no-data' });
    const content = tempDir();
    const run = await withFallback(content, DAYS);
    expect(statuses(run)).toEqual(Object.fromEntries(DAYS.map((d) => [d, 'ok'])));
    for (const date of DAYS) {
      const day = await readDay(content, date);
      expect(day).toMatchObject({ status: 'ok', via: 'api', source: apiUrl(date) });
      expect(day?.papers).toEqual(papersOf(date));
      expect(day?.problems).toHaveLength(1);
      expect(day?.problems[0]).toMatch(/^fetched through the API: the page could not be read \(.*layout changed\)$/);
      const report = run.reports.find((r) => r.date === date);
      expect(report?.fallback).toMatch(/layout changed/);
      expect(day?.problems[0]).toBe(fallbackProblem(report!.fallback!));
    }
    // Each day's page was tried (a layout is a page's, not the site's), once: it is not retried.
    expect(pageLoads()).toHaveLength(3);
    const ledger = await readLedger(content);
    expect(ledger.days['2026-08-07']).toMatchObject({ status: 'ok', via: 'api' });
    expect(ledger.days['2026-08-07']?.reason).toMatch(/^fetched through the API/);
  });

  it('fails as before without the fallback (--no-fallback), and the API is never asked', async () => {
    replay.server.faults.set({ layout: 'no-data' });
    const content = tempDir();
    const run = await crawlReplay(replay.server, { contentDir: content, dates: DAYS });
    expect(statuses(run)).toEqual(Object.fromEntries(DAYS.map((d) => [d, 'failed'])));
    expect(apiCalls()).toHaveLength(0);
    expect(await readDay(content, DAYS[0]!)).toBeNull();
  });

  it('(403 on every page) sends the days after the first straight to the API', async () => {
    replay.server.faults.set({ blockPages: { status: 403 } });
    const content = tempDir();
    const run = await withFallback(content, DAYS);
    expect(statuses(run)).toEqual(Object.fromEntries(DAYS.map((d) => [d, 'ok'])));
    // 403 is not retried; the site refused one page, so it is not asked for the others.
    expect(pageLoads()).toHaveLength(1);
    expect(run.reports.find((r) => r.date === DAYS[0])?.fallback).toMatch(/HTTP 403$/);
    expect(run.reports.find((r) => r.date === DAYS[2])?.fallback).toMatch(
      /^the site refused an earlier page of this run: .*HTTP 403$/,
    );
    for (const date of DAYS) expect((await readDay(content, date))?.papers).toEqual(papersOf(date));
  });

  it('(a bot check that never passes) is retried as before, then fetched through the API', async () => {
    replay.server.faults.set({ blockPages: { status: 202 } });
    const content = tempDir();
    const run = await withFallback(content, DAYS, 2);
    expect(statuses(run)).toEqual(Object.fromEntries(DAYS.map((d) => [d, 'ok'])));
    expect(run.retries.map((r) => r.date)).toEqual([DAYS[0], DAYS[0]]);
    expect(pageLoads()).toHaveLength(3);
    expect(run.reports[0]?.fallback).toMatch(/browser check \(HTTP 202\) \(3 attempts\)$/);
  });
});

describe('failures the API would meet too', () => {
  it('stay failures: the site down (503 for the day), the API not asked', async () => {
    replay.server.faults.set({ downDays: ['2026-08-06'] });
    const content = tempDir();
    const run = await withFallback(content, DAYS, 1);
    expect(statuses(run)).toEqual({ '2026-08-05': 'ok', '2026-08-06': 'failed', '2026-08-07': 'ok' });
    expect(run.reports.every((r) => r.fallback === undefined)).toBe(true);
    expect(apiCalls()).toHaveLength(0);
    expect((await readDay(content, '2026-08-05'))?.via).toBe('page');
  });

  it('stay failures: 429 after every retry', async () => {
    replay.server.faults.set({ tooManyRequests: { times: 1000, retryAfterSeconds: 1, paths: '/papers/date/*' } });
    const content = tempDir();
    const run = await withFallback(content, [DAYS[0]!], 1);
    expect(statuses(run)).toEqual({ [DAYS[0]!]: 'failed' });
    expect(apiCalls()).toHaveLength(0);
  });

  it('a day the API cannot give either fails, naming both, and nothing is written', async () => {
    replay.server.faults.set({ layout: 'no-data', serverError: { times: 1000, paths: '/api/*' } });
    const content = tempDir();
    const run = await withFallback(content, ['2026-08-07'], 0);
    expect(run.reports[0]).toMatchObject({ status: 'failed' });
    expect(run.reports[0]?.message).toMatch(
      /^the page could not be read \(.*layout changed\), nor the API: .*HTTP 500/,
    );
    expect(await readDay(content, '2026-08-07')).toBeNull();
  });
});

describe('fallbackAvoids', () => {
  it('is true of a refusal or a bot check, false of what every client meets', () => {
    const status = (s: number) => new FetchError(`HTTP ${s}`, { retryable: false, status: s });
    expect([202, 401, 403, 451].map((s) => fallbackAvoids(status(s)))).toEqual([true, true, true, true]);
    expect([404, 408, 429, 500, 503].map((s) => fallbackAvoids(status(s)))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(fallbackAvoids(new FetchError('timed out', { retryable: true }))).toBe(false);
  });
});
