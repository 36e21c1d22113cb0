// The archive index the site's pages are built from (site/lib/archive-index.ts): days in
// order and their neighbours, a paper listed on several days as one entry, week and month
// rankings. Pure functions over hand-made records, no build.
import { describe, expect, test } from 'vitest';
import type { Day, Paper } from '../../../../scraper/archive/schema.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';
import { adjacent, buildArchiveIndex } from '../../../../site/lib/archive-index.ts';

const paper = (id: string, upvotes: number): Paper => paperRecord(id, { upvotes });
const day = (date: string, papers: Paper[]): Day => dayRecord(date, papers);

describe('buildArchiveIndex', () => {
  const days = [
    day('2026-08-07', [paper('2608.00003', 5), paper('2608.00001', 30)]),
    day('2026-08-03', [paper('2608.00001', 10), paper('2608.00002', 20)]),
    day('2026-07-31', [paper('2607.00009', 50)]),
  ];
  const index = buildArchiveIndex(days);

  test('orders days and finds their neighbours', () => {
    expect(index.days.map((d) => d.date)).toEqual(['2026-07-31', '2026-08-03', '2026-08-07']);
    expect(index.newest?.date).toBe('2026-08-07');
    expect(index.neighbours('2026-08-03')).toEqual({ previous: '2026-07-31', next: '2026-08-07' });
    expect(index.neighbours('2026-08-07')).toEqual({ previous: '2026-08-03', next: null });
    expect(index.neighbours('1999-01-01')).toEqual({ previous: null, next: null });
  });

  test('a paper listed twice is one entry: every day it was on, and its newest record', () => {
    const entry = index.papers.get('2608.00001')!;
    expect(entry.featured).toEqual([
      { date: '2026-08-03', rank: 1 },
      { date: '2026-08-07', rank: 2 },
    ]);
    expect(entry.paper.upvotes).toBe(30);
    expect([entry.firstDate, entry.lastDate]).toEqual(['2026-08-03', '2026-08-07']);
    expect(index.papers.size).toBe(4);
  });

  test('weeks and months rank their papers by upvotes, each once', () => {
    expect(index.weekKeys).toEqual(['2026-W31', '2026-W32']);
    expect(index.weeks.get('2026-W32')!.map((e) => e.id)).toEqual(['2608.00001', '2608.00002', '2608.00003']);
    expect(index.monthKeys).toEqual(['2026-07', '2026-08']);
    expect(index.months.get('2026-07')!.map((e) => e.id)).toEqual(['2607.00009']);
    expect(adjacent(index.monthKeys, '2026-08')).toEqual({ previous: '2026-07', next: null });
  });
});
