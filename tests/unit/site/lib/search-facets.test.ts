// The facet counts the search form offers (site/lib/search-facets.ts). Pure functions over
// hand-made records.
import { describe, expect, test } from 'vitest';
import type { Day, Paper } from '../../../../scraper/archive/schema.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';
import { buildArchiveIndex } from '../../../../site/lib/archive-index.ts';
import { searchFacets } from '../../../../site/lib/search-facets.ts';

const paper = (id: string, upvotes: number): Paper => paperRecord(id, { upvotes });
const day = (date: string, papers: Paper[]): Day => dayRecord(date, papers);

describe('searchFacets', () => {
  const days = [
    day('2026-08-07', [paper('2608.00003', 5), paper('2608.00001', 30)]),
    day('2026-08-03', [paper('2608.00001', 10), paper('2608.00002', 20)]),
    day('2026-07-31', [paper('2607.00009', 50)]),
  ];
  const index = buildArchiveIndex(days);

  test('a paper is counted under the day it was first featured', () => {
    expect(searchFacets(index).months).toEqual([
      { value: '2026-08', count: 3 },
      { value: '2026-07', count: 1 },
    ]);
  });
});
