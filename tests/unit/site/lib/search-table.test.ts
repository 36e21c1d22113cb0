// The paper table (site/lib/search-table.ts): what the build writes the search page reads back,
// day, upvotes and code of each paper in index order, and the span of a year or month.
import { describe, expect, test } from 'vitest';
import { decodeTable, encodeTable, type TableRow } from '../../../../site/lib/search-table.ts';

const rows: TableRow[] = [
  { day: '2025-12-31', upvotes: 3, code: false },
  { day: '2026-01-02', upvotes: 70_000, code: true },
  { day: '2026-01-02', upvotes: 0, code: false },
  { day: '2026-02-01', upvotes: 12, code: true },
  ...Array.from({ length: 9 }, (_, i) => ({ day: '2026-02-03', upvotes: i, code: i % 3 === 0 })),
];

describe('the paper table', () => {
  test('reads back what was written, upvotes capped at 65,535', () => {
    const table = decodeTable(encodeTable(rows));
    expect(table.size).toBe(rows.length);
    expect(rows.map((_, i) => ({ day: table.day(i), upvotes: table.upvotes(i), code: table.hasCode(i) }))).toEqual(
      rows.map((r) => ({ ...r, upvotes: Math.min(r.upvotes, 65_535) })),
    );
  });

  test('a year or a month is one span of papers; one without papers is empty', () => {
    const table = decodeTable(encodeTable(rows));
    expect(table.span('2025')).toEqual([0, 1]);
    expect(table.span('2026')).toEqual([1, rows.length]);
    expect(table.span('2026-01')).toEqual([1, 3]);
    expect(table.span('2026-02')).toEqual([3, rows.length]);
    expect(table.span('2026-03')).toEqual([0, 0]);
  });

  test('an empty table, rows out of order, and a file that is not a table', () => {
    expect(decodeTable(encodeTable([])).size).toBe(0);
    expect(() => encodeTable([rows[1]!, rows[0]!])).toThrow('paper 1 (2025-12-31) is older than the one before it');
    expect(() => decodeTable(new TextEncoder().encode('<!doctype html>'))).toThrow('not a paper table');
    expect(() => decodeTable(encodeTable(rows).subarray(0, 30))).toThrow('a cut-off paper table');
  });
});
