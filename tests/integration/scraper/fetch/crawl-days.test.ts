// Which day files and ledger entries a crawl leaves, through the page source (plain HTTP and
// cheerio: the browser source's parsing path, minus Chromium) and the API source: weekends are
// never filed as Friday, both sources give the same files, a re-fetch updates or leaves a day
// alone, a held day the site now redirects is kept, and big days come whole.
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dayFilePath } from '../../../../scraper/archive/day-file.ts';
import { papersFromItems } from '../../../../scraper/archive/from-api.ts';
import { readLedger } from '../../../../scraper/archive/ledger.ts';
import { listDayFiles, readDay } from '../../../../scraper/archive/store.ts';
import { fixtureDates, fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { crawlReplay, statuses, useReplay } from './crawl-helpers.ts';

const replay = useReplay();
afterEach(() => replay.server.faults.clear());

const FRIDAY = '2026-08-07';
const WEEK = ['2026-08-03', '2026-08-04', '2026-08-05', '2026-08-06', FRIDAY, '2026-08-08', '2026-08-09'];
const papersOf = (date: string) => papersFromItems(fixtureItems(date)).papers;
const held = async (content: string) => (await listDayFiles(content)).map((f) => f.date);

/** Runs `body` with the replay server serving `items` for `date`, then restores the fixture day. */
async function withDay(date: string, items: unknown[] | null, body: () => Promise<void>): Promise<void> {
  const original = fixtureDates().includes(date) ? fixtureItems(date) : null;
  replay.server.setDay(date, items);
  try {
    await body();
  } finally {
    replay.server.setDay(date, original);
  }
}

describe('a week through the page source', () => {
  it('files the five weekdays, and the weekend as no listing, never as Friday', async () => {
    const content = tempDir();
    const run = await crawlReplay(replay.server, { contentDir: content, dates: WEEK, concurrency: 2 });
    expect(run.reports.map((r) => r.status).sort()).toEqual(['no-listing', 'no-listing', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(await held(content)).toEqual(WEEK.slice(0, 5));
    const friday = await readDay(content, FRIDAY);
    expect(friday).toMatchObject({ status: 'ok', via: 'page', source: `${replay.server.url}/papers/date/${FRIDAY}` });
    expect(friday?.papers).toEqual(papersOf(FRIDAY));
    const ledger = await readLedger(content);
    expect(ledger.days['2026-08-08']).toMatchObject({
      status: 'no-listing',
      reason: 'the site redirects 2026-08-08 to 2026-08-07',
    });
    expect(ledger.days['2026-08-09']).toMatchObject({
      status: 'no-listing',
      reason: 'the site redirects 2026-08-09 to 2026-08-07',
    });
    // Page loads paced at 20 a minute, two days at a time or not.
    expect(run.starts).toEqual(WEEK.map((_, i) => i * 3000));
  });
});

describe('the API source', () => {
  it('gives the same day files as the page source, and changes nothing over a page-made archive', async () => {
    const viaPage = tempDir();
    const viaApi = tempDir();
    const dates = ['2026-07-27', '2026-07-28', '2026-07-29', '2026-07-30', '2026-07-31', '2026-08-01', '2026-08-02'];
    await crawlReplay(replay.server, { contentDir: viaPage, dates });
    await crawlReplay(replay.server, { contentDir: viaApi, dates, source: 'api' });
    const files = await held(viaPage);
    expect(files).toEqual(['2026-07-27', '2026-07-29', '2026-07-30', '2026-07-31']); // no capture of 07-28
    expect(await held(viaApi)).toEqual(files);
    const body = (file: string) => readFileSync(file, 'utf8').split('\n---\n')[1];
    for (const date of files) {
      const a = await readDay(viaPage, date);
      const b = await readDay(viaApi, date);
      expect(b?.papers).toEqual(a?.papers);
      expect(b?.status).toBe(a?.status);
      expect(body(dayFilePath(viaApi, date))).toBe(body(dayFilePath(viaPage, date)));
    }
    const again = await crawlReplay(replay.server, { contentDir: viaPage, dates, source: 'api' });
    expect(again.reports.filter((r) => r.status === 'ok').map((r) => r.action)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
  });

  it('asks for 100 papers at a time, so an 82-paper day is one request, and is whole by either source', async () => {
    const date = '2026-08-10';
    const items = [...fixtureItems('2026-05-12'), ...fixtureItems(FRIDAY)].slice(0, 82);
    await withDay(date, items, async () => {
      for (const source of ['api', 'page'] as const) {
        const content = tempDir();
        const before = replay.server.requests.length;
        const run = await crawlReplay(replay.server, { contentDir: content, dates: [date], source });
        expect(statuses(run)).toEqual({ [date]: 'ok' });
        expect((await readDay(content, date))?.papers.map((p) => p.id)).toEqual(items.map((i) => i.paper.id));
        if (source === 'api') {
          expect(replay.server.requests.slice(before).map((r) => r.path)).toEqual([
            `/api/daily_papers?date=${date}&limit=100&p=0`,
          ]);
        }
      }
    });
  });

  it('follows the paging past 100 papers', async () => {
    const date = '2026-08-10';
    const seen = new Set<string>();
    const items = fixtureDates()
      .reverse()
      .flatMap((d) => fixtureItems(d))
      .filter((i) => !seen.has(i.paper.id) && seen.add(i.paper.id))
      .slice(0, 150);
    await withDay(date, items, async () => {
      const content = tempDir();
      const before = replay.server.requests.length;
      const run = await crawlReplay(replay.server, { contentDir: content, dates: [date], source: 'api' });
      expect(statuses(run)).toEqual({ [date]: 'ok' });
      expect((await readDay(content, date))?.papers.map((p) => p.id)).toEqual(items.map((i) => i.paper.id));
      expect(replay.server.requests.slice(before).map((r) => r.path)).toEqual([
        `/api/daily_papers?date=${date}&limit=100&p=0`,
        `/api/daily_papers?date=${date}&limit=100&p=1`,
      ]);
    });
  });
});

describe('fetching a day again', () => {
  it('updates upvotes and late additions, and leaves an unchanged day untouched', async () => {
    const date = '2026-08-05';
    const original = fixtureItems(date);
    const content = tempDir();
    await withDay(date, original.slice(0, -2), async () => {
      const first = await crawlReplay(replay.server, { contentDir: content, dates: [date] });
      expect(first.reports[0]).toMatchObject({ status: 'ok', action: 'created', papers: original.length - 2 });
      const grown = structuredClone(original);
      grown[0]!.paper.upvotes += 10;
      replay.server.setDay(date, grown);
      const update = await crawlReplay(replay.server, { contentDir: content, dates: [date] });
      expect(update.reports[0]).toMatchObject({
        status: 'ok',
        action: 'updated',
        papers: original.length,
        before: original.length - 2,
      });
      expect((await readDay(content, date))?.papers[0]?.upvotes).toBe(original[0]!.paper.upvotes + 10);

      const file = dayFilePath(content, date);
      const old = new Date('2020-01-01T00:00:00Z');
      utimesSync(file, old, old);
      const same = await crawlReplay(replay.server, { contentDir: content, dates: [date] });
      expect(same.reports[0]).toMatchObject({ status: 'ok', action: 'unchanged', papers: original.length });
      expect(statSync(file).mtimeMs).toBe(old.getTime());
    });
  });

  it('keeps a held day that the site now redirects, and says so', async () => {
    const date = '2026-08-04';
    const papers = fixtureItems(date).length;
    const content = tempDir();
    await crawlReplay(replay.server, { contentDir: content, dates: [date] });
    const file = dayFilePath(content, date);
    const before = readFileSync(file, 'utf8');
    await withDay(date, null, async () => {
      const run = await crawlReplay(replay.server, { contentDir: content, dates: [date] });
      expect(run.reports[0]).toEqual({
        date,
        status: 'no-listing',
        papers: 0,
        action: 'none',
        before: papers,
        rejected: [],
        message: `the site redirects ${date} to 2026-08-03; the archive holds ${papers} papers for ${date}, kept`,
      });
    });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect((await readLedger(content)).days[date]).toMatchObject({ status: 'ok', papers });
  });
});
