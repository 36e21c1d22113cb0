// `papers merge` in process, over archives written by the archive's own writer: two archives of
// one person merged both ways, the guards kept, ledger entries of days without files, and the
// folders that cannot be merged.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveDay } from '../../../../scraper/archive/archive-day.ts';
import { dayFilePath } from '../../../../scraper/archive/day-file.ts';
import { historyFilePath, readHistory } from '../../../../scraper/archive/history.ts';
import { readLedger, writeLedger } from '../../../../scraper/archive/ledger.ts';
import type { LedgerEntry } from '../../../../scraper/archive/schema.ts';
import { readDay } from '../../../../scraper/archive/store.ts';
import { fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { runMain } from '../../../helpers/cli.ts';
import { tempDir } from '../../../helpers/temp.ts';

type Hold = { fetchedAt?: string; lower?: number; keep?: number };

/** Holds `date` in `content` as a scrape at `fetchedAt` would have (votes `lower` fewer, `keep` papers). */
async function hold(
  content: string,
  date: string,
  { fetchedAt = '2026-08-08T01:00:00.000Z', lower = 0, keep }: Hold = {},
) {
  const items = fixtureItems(date)
    .slice(0, keep)
    .map((i) => ({ ...i, paper: { ...i.paper, upvotes: Math.max(0, i.paper.upvotes - lower) } }));
  const { ledger } = await archiveDay(content, await readLedger(content), {
    date,
    kind: 'listing',
    via: 'api',
    source: `https://huggingface.co/api/daily_papers?date=${date}`,
    fetchedAt,
    items,
  });
  await writeLedger(content, ledger);
}

async function record(content: string, date: string, entry: Partial<LedgerEntry>) {
  const ledger = await readLedger(content);
  const full: LedgerEntry = {
    status: 'no-listing',
    papers: 0,
    at: '2026-08-08T01:00:00.000Z',
    via: 'api',
    reason: null,
    ...entry,
  };
  await writeLedger(content, { ...ledger, days: { ...ledger.days, [date]: full } });
}

const EARLY = '2026-06-20T01:00:00.000Z';
const LATE = '2026-08-01T01:00:00.000Z';

const merge = (...args: string[]) => runMain(['merge', ...args]);

describe('papers merge', () => {
  it('merges two archives of one person: newer copies win, older ones are kept out, weekends come along', async () => {
    const mine = tempDir();
    const laptop = tempDir();
    for (const d of ['2026-06-15', '2026-06-16']) await hold(mine, d, { fetchedAt: EARLY });
    await hold(mine, '2026-06-17', { fetchedAt: LATE });
    await hold(laptop, '2026-06-16', { fetchedAt: LATE }); // fetched later, the same: not rewritten
    await hold(laptop, '2026-06-17', { fetchedAt: EARLY, lower: 2 }); // fetched earlier, fewer votes
    await hold(laptop, '2026-06-18', { fetchedAt: LATE });
    await record(laptop, '2026-06-20', { reason: 'redirected to 2026-06-19' });

    const laptopAt = (await readLedger(laptop)).days['2026-06-18']!.at;
    const before17 = readFileSync(dayFilePath(mine, '2026-06-17'), 'utf8');
    const result = await merge('--content', mine, laptop);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 4)).toEqual([
      '2026-06-16 ok 34 papers, unchanged',
      '2026-06-17 ok 26 papers, unchanged',
      '2026-06-18 ok 19 papers, created',
      '2026-06-20 no-listing: redirected to 2026-06-19',
    ]);
    expect(result.stdout).toContain('Merged 4 days');
    expect(readFileSync(dayFilePath(mine, '2026-06-17'), 'utf8')).toBe(before17);
    const ledger = await readLedger(mine);
    expect(Object.keys(ledger.days)).toEqual(['2026-06-15', '2026-06-16', '2026-06-17', '2026-06-18', '2026-06-20']);
    // A day taken from the source keeps the time the source tried it.
    expect(ledger.days['2026-06-18']).toMatchObject({ status: 'ok', papers: 19, at: laptopAt });
    expect(ledger.days['2026-06-20']).toEqual({
      status: 'no-listing',
      papers: 0,
      at: '2026-08-08T01:00:00.000Z',
      via: 'api',
      reason: 'redirected to 2026-06-19',
    });

    // And the other way: the laptop gets what only mine had, and mine's later 06-17.
    const back = await merge('--content', laptop, mine);
    expect(back.code).toBe(0);
    expect((await readDay(laptop, '2026-06-17'))?.fetchedAt).toBe(LATE);
    expect((await readDay(laptop, '2026-06-15'))?.papers).toHaveLength(34);
  });

  it("merges the histories of votes: both archives' entries, whichever day is kept, the same both ways", async () => {
    const [mine, laptop] = [tempDir(), tempDir()];
    const date = '2026-06-17';
    const MID = '2026-07-10T01:00:00.000Z';
    await hold(mine, date, { fetchedAt: EARLY, lower: 4 });
    await hold(mine, date, { fetchedAt: LATE });
    await hold(laptop, date, { fetchedAt: MID, lower: 2 });
    expect([...new Set((await readHistory(mine, date)).map((e) => e.at))]).toEqual([EARLY, LATE]);
    expect((await merge('--content', mine, laptop)).code).toBe(0);
    expect((await merge('--content', laptop, mine)).code).toBe(0);
    const merged = await readHistory(mine, date);
    // Each paper's entries: before, a week later, now (those whose votes were too few to lower
    // stay at one entry), in time order; the day file holds the newest numbers.
    expect([...new Set(merged.map((e) => e.at))]).toEqual([EARLY, MID, LATE]);
    const votes = (await readDay(mine, date))!.papers.map((p) => p.upvotes);
    const newest = new Map(merged.map((e) => [e.id, e.upvotes]));
    expect((await readDay(mine, date))!.papers.map((p) => newest.get(p.id))).toEqual(votes);
    expect(readFileSync(historyFilePath(laptop, date), 'utf8')).toBe(readFileSync(historyFilePath(mine, date), 'utf8'));
  });

  it('keeps the guards: a newer copy with fewer papers is refused, exit 1, the held day intact', async () => {
    const mine = tempDir();
    const other = tempDir();
    await hold(mine, '2026-06-15', { fetchedAt: EARLY });
    await hold(other, '2026-06-15', { fetchedAt: LATE, keep: 10 });
    const before = readFileSync(dayFilePath(mine, '2026-06-15'), 'utf8');
    const result = await merge('--content', mine, other);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '2026-06-15 ok 10 papers, kept the archived day: 2026-06-15: the new listing has 10 papers where the archive holds 34',
    );
    expect(readFileSync(dayFilePath(mine, '2026-06-15'), 'utf8')).toBe(before);
    expect((await merge('--content', mine, '--force', other)).code).toBe(0);
    expect((await readDay(mine, '2026-06-15'))?.papers).toHaveLength(10);
  });

  it('merges entries of days without files, never over a day held, never a "failed" over a "no listing"', async () => {
    const mine = tempDir();
    const shard = tempDir();
    await hold(mine, '2026-06-15');
    await record(mine, '2026-06-16', { status: 'no-listing', reason: 'a holiday' });
    await record(shard, '2026-06-15', { status: 'failed', reason: 'HTTP 503', at: LATE });
    await record(shard, '2026-06-16', { status: 'failed', reason: 'HTTP 503', at: LATE });
    await record(shard, '2026-06-17', { status: 'failed', reason: 'HTTP 503' });
    const result = await merge('--content', mine, shard);
    expect(result.code).toBe(1); // 2026-06-17 is failed
    const ledger = await readLedger(mine);
    expect(ledger.days['2026-06-15']).toMatchObject({ status: 'ok', papers: 34 });
    expect(ledger.days['2026-06-16']).toMatchObject({ status: 'no-listing', reason: 'a holiday' });
    expect(ledger.days['2026-06-17']).toMatchObject({ status: 'failed', reason: 'HTTP 503' });
    expect(result.stdout).toContain('2026-06-17 failed: HTTP 503');
  });

  it('names a folder that is not an archive and one with a file gone, and merges the others', async () => {
    const mine = tempDir();
    const good = tempDir();
    const empty = tempDir();
    const lost = tempDir();
    await hold(good, '2026-06-15');
    await hold(lost, '2026-06-16');
    await hold(lost, '2026-06-17');
    await import('node:fs/promises').then((fs) => fs.rm(dayFilePath(lost, '2026-06-16')));
    const result = await merge('--content', mine, empty, good, lost, path.join(good, 'nope'));
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      `papers merge: ${empty}: holds no archive (no days/ and no ledger.json)`,
      `papers merge: ${path.join(good, 'nope')}: no such folder`,
      `papers merge: ${lost}: its ledger holds 2026-06-16 (34 papers) but not its day file; not merged`,
    ]);
    expect(Object.keys((await readLedger(mine)).days)).toEqual(['2026-06-15', '2026-06-17']);
  });

  it('names a day file of a source that does not read', async () => {
    const mine = tempDir();
    const bad = tempDir();
    await hold(bad, '2026-06-15');
    mkdirSync(path.join(bad, 'days', '2026'), { recursive: true });
    writeFileSync(dayFilePath(bad, '2026-06-15'), '---\nnot: a day\n---\n');
    const result = await merge('--content', mine, bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^papers merge: ${dayFilePath(bad, '2026-06-15')}: `));
    expect(Object.keys((await readLedger(mine)).days)).toEqual([]);
  });

  it('is a usage error without a folder, or with the archive itself as one', async () => {
    const mine = tempDir();
    const usage = (m: string) => `papers merge: ${m}\nRun 'papers merge --help' for usage.\n`;
    expect((await merge('--content', mine)).stderr).toBe(usage('give at least one archive folder to merge'));
    const self = await merge('--content', mine, mine);
    expect(self).toMatchObject({ code: 2, stderr: usage(`${mine} is the archive being merged into (--content)`) });
  });
});
