// Redirects as a crawl meets them, through both sources over plain HTTP against the replay
// server, which answers to two host names (127.0.0.1 and localhost). A redirect of every URL to
// its canonical origin is the same page, not a missing day: the days are filed from where they
// landed. A redirect to another day stays no listing; a loop fails its day at once, never
// retried; a redirect off the site is not followed and fails its day; the API's next-page link is
// followed only on the same origin.
import { afterEach, describe, expect, it } from 'vitest';
import { readLedger } from '../../../../scraper/archive/ledger.ts';
import { listDayFiles, readDay } from '../../../../scraper/archive/store.ts';
import { fetchGet } from '../../../../scraper/fetch/http.ts';
import { fixtureDates, fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { crawlReplay, statuses, useReplay } from './crawl-helpers.ts';

const replay = useReplay();
afterEach(() => replay.server.faults.clear());

const WEEK = ['2026-08-03', '2026-08-04', '2026-08-05', '2026-08-06', '2026-08-07', '2026-08-08', '2026-08-09'];
const port = () => new URL(replay.server.url).port;
const canonical = () => `http://localhost:${port()}`;
const held = async (content: string) => (await listDayFiles(content)).map((f) => f.date);

describe('a site that sends every URL to its canonical origin', () => {
  for (const source of ['page', 'api'] as const) {
    it(`is followed: the week is filed from the canonical URLs, the weekend is no listing (${source} source)`, async () => {
      replay.server.faults.set({ canonicalRedirect: { to: 'localhost' } });
      const content = tempDir();
      const before = replay.server.requests.length;
      // The replay's today is 2026-08-08: the API refuses the day after it, as the real one does.
      const dates = source === 'page' ? WEEK : WEEK.slice(0, 6);
      const run = await crawlReplay(replay.server, { contentDir: content, dates, source });
      expect(statuses(run)).toEqual(Object.fromEntries(dates.map((d, i) => [d, i < 5 ? 'ok' : 'no-listing'])));
      expect(await held(content)).toEqual(WEEK.slice(0, 5));
      const friday = await readDay(content, '2026-08-07');
      // The day records where its listing came from: the host the redirects reached.
      expect(friday?.source).toBe(
        source === 'page' ? `${canonical()}/papers/date/2026-08-07` : `${canonical()}/api/daily_papers?date=2026-08-07`,
      );
      if (source === 'page') {
        expect((await readLedger(content)).days['2026-08-08']).toMatchObject({
          status: 'no-listing',
          reason: 'the site redirects 2026-08-08 to 2026-08-07',
        });
      }
      // Each request went to 127.0.0.1 (301), then to localhost; nothing was asked twice.
      const log = replay.server.requests.slice(before);
      expect(log.filter((r) => r.fault === 'canonicalRedirect').length).toBe(log.length / 2);
    });
  }

  it('is followed through the API paging, on the canonical origin', async () => {
    const date = '2026-08-10';
    const seen = new Set<string>();
    const items = fixtureDates()
      .reverse()
      .flatMap((d) => fixtureItems(d))
      .filter((i) => !seen.has(i.paper.id) && seen.add(i.paper.id))
      .slice(0, 150);
    replay.server.setDay(date, items);
    replay.server.faults.set({ canonicalRedirect: { to: 'localhost' } });
    try {
      const content = tempDir();
      const before = replay.server.requests.length;
      const run = await crawlReplay(replay.server, { contentDir: content, dates: [date], source: 'api' });
      expect(statuses(run)).toEqual({ [date]: 'ok' });
      expect((await readDay(content, date))?.papers).toHaveLength(150);
      expect(replay.server.requests.slice(before).map((r) => [r.path.slice(-3), r.status])).toEqual([
        ['p=0', 301],
        ['p=0', 200],
        ['p=1', 200], // the Link points at localhost already: no hop
      ]);
    } finally {
      replay.server.setDay(date, null);
    }
  });
});

describe('redirects that are not followed', () => {
  it('fails a day whose redirects go round in a loop, at once and without retries; the others go on', async () => {
    replay.server.faults.set({ redirectLoop: { paths: '/papers/date/2026-08-05' } });
    const content = tempDir();
    const run = await crawlReplay(replay.server, { contentDir: content, dates: WEEK.slice(0, 5) });
    expect(statuses(run)['2026-08-05']).toBe('failed');
    expect(Object.values(statuses(run)).filter((s) => s === 'ok')).toHaveLength(4);
    expect(run.retries).toEqual([]);
    const p = port();
    expect(run.reports.find((r) => r.date === '2026-08-05')?.message).toBe(
      `${replay.server.url}/papers/date/2026-08-05: the site's redirects go round in a loop (127.0.0.1:${p} → localhost:${p} → 127.0.0.1:${p})`,
    );
    // A failed day is asked again next time (--only-missing skips only days held or settled empty).
    expect((await readLedger(content)).days['2026-08-05']).toMatchObject({ status: 'failed' });
  });

  it('fails a day the site sends off the site, even to the same path, and follows nothing there', async () => {
    const foreign = `http://127.0.0.2:${port()}`;
    replay.server.faults.set({ canonicalRedirect: { to: foreign, paths: '/papers/date/2026-08-06' } });
    const content = tempDir();
    const run = await crawlReplay(replay.server, { contentDir: content, dates: ['2026-08-05', '2026-08-06'] });
    expect(statuses(run)).toEqual({ '2026-08-05': 'ok', '2026-08-06': 'failed' });
    expect(run.reports.find((r) => r.date === '2026-08-06')?.message).toBe(
      `${replay.server.url}/papers/date/2026-08-06: the site redirects 2026-08-06 to ${foreign}/papers/date/2026-08-06, off the site: not followed`,
    );
    expect(run.retries).toEqual([]);
    expect(await held(content)).toEqual(['2026-08-05']);
  });

  it("does not follow the API's next-page link to another origin: pages on by itself and says so", async () => {
    const date = '2026-08-10';
    const items = fixtureDates()
      .slice(-8)
      .flatMap((d) => fixtureItems(d))
      .slice(0, 150);
    replay.server.setDay(date, items);
    const foreign = 'http://127.0.0.2:9';
    try {
      const content = tempDir();
      const asked: string[] = [];
      const run = await crawlReplay(replay.server, {
        contentDir: content,
        dates: [date],
        source: 'api',
        get: async (url, options) => {
          asked.push(url);
          const answer = await fetchGet(url, options);
          const link = answer.headers['link']?.replace(replay.server.url, foreign);
          return link ? { ...answer, headers: { ...answer.headers, link } } : answer;
        },
      });
      expect(asked.every((u) => u.startsWith(replay.server.url))).toBe(true);
      expect(asked).toHaveLength(2);
      const day = await readDay(content, date);
      expect(day?.papers).toHaveLength(150);
      expect(statuses(run)).toEqual({ [date]: 'partial' });
      expect(day?.problems).toEqual([`the API's next-page link goes to ${foreign}: not followed`]);
    } finally {
      replay.server.setDay(date, null);
    }
  });
});
