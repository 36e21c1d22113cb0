// When the listing page changes: without its embedded data the day is built from the cards and
// the paper API, partial (the page no longer names its day, so only its URL vouches for it) and
// never over a complete day; with neither data nor cards, the day fails naming the URL and
// nothing is written. Through the page source over plain HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { papersFromItems } from '../../../../scraper/archive/from-api.ts';
import { readLedger } from '../../../../scraper/archive/ledger.ts';
import { listDayFiles, readDay } from '../../../../scraper/archive/store.ts';
import { NO_DAY_KEY } from '../../../../scraper/fetch/listing.ts';
import { fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import type { FaultConfig } from '../../../../scripts/replay/server.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { crawlReplay, useReplay } from './crawl-helpers.ts';

const replay = useReplay();
afterEach(() => replay.server.faults.clear());

const FRIDAY = '2026-08-07';
const papersOf = (date: string) => papersFromItems(fixtureItems(date)).papers;
const noApi: FaultConfig = { layout: 'no-embedded-json', serverError: { times: 1000, paths: '/api/papers/' } };

describe('a page without its embedded data', () => {
  it('is read from its cards, with the rest of each paper from the paper API, paced: whole but partial', async () => {
    replay.server.faults.set({ layout: 'no-embedded-json' });
    const content = tempDir();
    const run = await crawlReplay(replay.server, { contentDir: content, dates: [FRIDAY] });
    expect(run.reports[0]).toMatchObject({ status: 'partial', action: 'created' });
    const day = await readDay(content, FRIDAY);
    expect(day?.status).toBe('partial');
    expect(day?.problems).toEqual([
      NO_DAY_KEY,
      'the page had no embedded listing data: built from its cards and the paper API',
    ]);
    // Every field as the embedded data has it.
    expect(day?.papers).toEqual(papersOf(FRIDAY));
    // One page load, then 20 paper lookups at 100 a minute: the last 19 × 600 ms later.
    expect(run.clock.now()).toBe(19 * 600);
  });

  it('is partial when the API cannot fill the cards, and never replaces a complete day', async () => {
    replay.server.faults.set(noApi);
    const content = tempDir();
    const partial = await crawlReplay(replay.server, { contentDir: content, dates: [FRIDAY], retries: 0 });
    expect(partial.reports[0]).toMatchObject({ status: 'partial', action: 'created' });
    const day = await readDay(content, FRIDAY);
    expect(day?.status).toBe('partial');
    expect(day?.problems.join(' ')).toMatch(
      /abstract, authors and links missing for 20 of 20 papers: 2608\.\S+ \(HTTP 500\)/,
    );
    expect(day?.papers.map((p) => p.id)).toEqual(papersOf(FRIDAY).map((p) => p.id));

    // The complete day replaces the partial one; a partial fetch then keeps it.
    replay.server.faults.clear();
    const whole = await crawlReplay(replay.server, { contentDir: content, dates: [FRIDAY] });
    expect(whole.reports[0]).toMatchObject({ status: 'ok', action: 'updated' });
    replay.server.faults.set(noApi);
    const again = await crawlReplay(replay.server, { contentDir: content, dates: [FRIDAY], retries: 0 });
    expect(again.reports[0]).toMatchObject({ status: 'partial', action: 'refused' });
    expect(again.reports[0]?.message).toContain('would replace a complete one; kept the archived day');
    expect((await readDay(content, FRIDAY))?.status).toBe('ok');
    expect((await readLedger(content)).days[FRIDAY]).toMatchObject({ status: 'ok' });
  });
});

describe('a page with neither embedded data nor cards', () => {
  it('fails its day naming the URL, is not retried, and writes no day file', async () => {
    replay.server.faults.set({ layout: 'no-data' });
    const content = tempDir();
    const run = await crawlReplay(replay.server, { contentDir: content, dates: [FRIDAY] });
    expect(run.reports[0]).toMatchObject({
      status: 'failed',
      action: 'none',
      message: `${replay.server.url}/papers/date/${FRIDAY}: no DailyPapers embedded data and no paper cards; the page layout changed`,
    });
    expect(run.retries).toEqual([]);
    expect(await listDayFiles(content)).toEqual([]);
    expect((await readLedger(content)).days[FRIDAY]).toMatchObject({ status: 'failed' });
  });
});
