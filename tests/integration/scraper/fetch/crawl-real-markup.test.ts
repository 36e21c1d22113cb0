// Crawls of real fixture days served as the real site serves them, in both shapes it has had
// (2024: the day as a `date` timestamp; 2026: `dateString`, more links to the paper on each card;
// on both, the "Submitted by" badge is `.leading-none` and comes before the vote box). Without the
// embedded data the cards must give the same votes, comments, submitters and thumbnails as the
// embedded data does; and a 2024-shaped page of the wrong day is never filed, whichever key
// names its day.
import { afterEach, describe, expect, it } from 'vitest';
import { papersFromItems } from '../../../../scraper/archive/from-api.ts';
import { readLedger } from '../../../../scraper/archive/ledger.ts';
import { listDayFiles, readDay } from '../../../../scraper/archive/store.ts';
import { NO_DAY_KEY } from '../../../../scraper/fetch/listing.ts';
import { fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { type Era, eraOf } from '../../../../scripts/replay/listing-page.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { crawlReplay, statuses, useReplay } from './crawl-helpers.ts';

const replay = useReplay();
afterEach(() => replay.server.faults.clear());

const BUILT_FROM_CARDS = 'the page had no embedded listing data: built from its cards and the paper API';

/** What a reader of the card fields compares: the archive's record of each. */
const cardFields = (papers: { upvotes: number; comments: number; submitter: unknown; thumbnail: unknown }[]) =>
  papers.map(({ upvotes, comments, submitter, thumbnail }) => ({ upvotes, comments, submitter, thumbnail }));

describe('the card fallback on real days, in both shapes', () => {
  const cases: [string, Era][] = [
    ['2026-08-07', '2026'], // organizations, videos, GitHub stars, submitters with display names in the paper API
    ['2024-10-10', '2024'], // 46 papers, one without votes; the paper API has no submitter
    ['2026-08-07', '2024'], // a 2026 day in the 2024 shape (pageEra)
  ];
  for (const [date, era] of cases) {
    it(`gives ${date} (${era} page) the votes, comments, submitters and thumbnails of its embedded data`, async () => {
      const embedded = papersFromItems(fixtureItems(date)).papers;
      // A paper without votes shows "-" on its card.
      if (date === '2024-10-10') expect(embedded.some((p) => p.upvotes === 0)).toBe(true);
      replay.server.faults.set({ layout: 'no-embedded-json', ...(era !== eraOf(date) ? { pageEra: era } : {}) });
      const content = tempDir();
      const run = await crawlReplay(replay.server, { contentDir: content, dates: [date] });
      expect(statuses(run)).toEqual({ [date]: 'partial' });
      const day = await readDay(content, date);
      expect(day?.papers.map((p) => p.id)).toEqual(embedded.map((p) => p.id));
      const fromCards = cardFields(day!.papers);
      const expected = cardFields(embedded);
      if (date === '2024-10-10') {
        // 2024 papers name their submitter's display name only in the embedded data: the account
        // name stands in, and the day says so.
        expect(fromCards).toEqual(
          expected.map((p) => ({
            ...p,
            submitter: { handle: (p.submitter as any).handle, name: (p.submitter as any).handle },
          })),
        );
        expect(day?.problems).toContain(
          `submitters' display names unknown for ${embedded.length} of ${embedded.length} papers: their account names stand in`,
        );
      } else {
        expect(fromCards).toEqual(expected);
        expect(day?.papers).toEqual(embedded);
      }
      // Whole as to papers, but the page named no day: only its URL vouches for the day.
      expect(day?.problems.slice(0, 2)).toEqual([NO_DAY_KEY, BUILT_FROM_CARDS]);
    });
  }

  it('files the embedded data of either shape as it is, complete', async () => {
    const content = tempDir();
    const run = await crawlReplay(replay.server, { contentDir: content, dates: ['2024-10-10', '2026-08-07'] });
    expect(statuses(run)).toEqual({ '2024-10-10': 'ok', '2026-08-07': 'ok' });
    for (const date of ['2024-10-10', '2026-08-07'])
      expect((await readDay(content, date))?.papers).toEqual(papersFromItems(fixtureItems(date)).papers);
  });
});

describe('a page of the wrong day', () => {
  it('is no listing when a 2024-shaped page names another day by its `date`, and is never filed', async () => {
    replay.server.faults.set({ wrongDayPages: { '2024-07-16': '2024-07-15', '2024-10-10': '2024-07-15' } });
    const content = tempDir();
    const run = await crawlReplay(replay.server, { contentDir: content, dates: ['2024-07-16', '2024-10-10'] });
    expect(statuses(run)).toEqual({ '2024-07-16': 'no-listing', '2024-10-10': 'no-listing' });
    expect(run.reports.map((r) => r.message)).toEqual([
      'the page for 2024-07-16 shows the listing of 2024-07-15',
      'the page for 2024-10-10 shows the listing of 2024-07-15',
    ]);
    expect(await listDayFiles(content)).toEqual([]);
    expect((await readLedger(content)).days['2024-07-16']).toMatchObject({ status: 'no-listing' });
  });

  it('is no listing in the 2026 shape too, named by `dateString`', async () => {
    replay.server.faults.set({ wrongDayPages: { '2026-08-07': '2026-08-06' } });
    const content = tempDir();
    const run = await crawlReplay(replay.server, { contentDir: content, dates: ['2026-08-07'] });
    expect(run.reports[0]).toMatchObject({
      status: 'no-listing',
      message: 'the page for 2026-08-07 shows the listing of 2026-08-06',
    });
    expect(await listDayFiles(content)).toEqual([]);
  });
});
