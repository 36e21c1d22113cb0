// The top papers pages (site/lib/top.ts): the most upvoted papers of all time and of each year,
// a paper filed under the year it was first featured, with its freshest count.
import { describe, expect, test } from 'vitest';
import type { Day, Paper } from '../../../../scraper/archive/schema.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';
import { buildArchiveIndex } from '../../../../site/lib/archive-index.ts';
import { topByYear, topPapers } from '../../../../site/lib/top.ts';

const paper = (id: string, upvotes: number): Paper => paperRecord(id, { upvotes });
const day = (date: string, papers: Paper[]): Day => dayRecord(date, papers);

const index = buildArchiveIndex([
  day('2025-12-31', [paper('2512.00001', 40), paper('2512.00002', 5)]),
  // Featured again in 2026 with more upvotes: still a 2025 paper, with its newest count.
  day('2026-01-02', [paper('2512.00001', 90), paper('2601.00001', 60), paper('2601.00002', 60)]),
  day('2026-01-05', [paper('2601.00003', 1)]),
]);
const entries = [...index.papers.values()];

describe('top papers', () => {
  test('all time: by upvotes, ties in the order they were listed, cut at n', () => {
    expect(topPapers(entries).map((e) => e.id)).toEqual([
      '2512.00001',
      '2601.00001',
      '2601.00002',
      '2512.00002',
      '2601.00003',
    ]);
    expect(topPapers(entries, 2).map((e) => [e.id, e.paper.upvotes])).toEqual([
      ['2512.00001', 90],
      ['2601.00001', 60],
    ]);
  });

  test('each year: the papers first featured in it, years newest first', () => {
    const years = topByYear(entries, 2);
    expect([...years.keys()]).toEqual(['2026', '2025']);
    expect(years.get('2025')!.map((e) => e.id)).toEqual(['2512.00001', '2512.00002']);
    expect(years.get('2026')!.map((e) => e.id)).toEqual(['2601.00001', '2601.00002']);
  });

  test('an empty archive has no top papers', () => {
    expect(topPapers([])).toEqual([]);
    expect(topByYear([]).size).toBe(0);
  });
});
