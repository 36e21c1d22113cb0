// The paper table (site/lib/search-table.ts): what the build writes the search reads back, day,
// upvotes, code, organization and length of each paper in index order, and the span of a year,
// a month or a date range.
import { describe, expect, test } from 'vitest';
import { decodeTable, encodeTable, type TableRow } from '../../../../site/lib/search-table.ts';

const rows: TableRow[] = [
  { day: '2025-12-31', upvotes: 3, code: false, organization: 0, length: 120 },
  { day: '2026-01-02', upvotes: 70_000, code: true, organization: 2, length: 90_000 },
  { day: '2026-01-02', upvotes: 0, code: false, organization: 1, length: 0 },
  { day: '2026-02-01', upvotes: 12, code: true, organization: 0, length: 233 },
  ...Array.from({ length: 9 }, (_, i) => ({
    day: '2026-02-03',
    upvotes: i,
    code: i % 3 === 0,
    organization: i % 2,
    length: 100 + i,
  })),
];

describe('the paper table', () => {
  test('reads back what was written, numbers capped at 65,535', () => {
    const table = decodeTable(encodeTable(rows));
    expect(table.size).toBe(rows.length);
    const read = rows.map((_, i) => ({
      day: table.day(i),
      upvotes: table.upvotes(i),
      code: table.hasCode(i),
      organization: table.organization(i),
      length: table.length(i),
    }));
    expect(read).toEqual(
      rows.map((r) => ({ ...r, upvotes: Math.min(r.upvotes, 65_535), length: Math.min(r.length, 65_535) })),
    );
  });

  test('a date range is one span of papers, its ends included', () => {
    const table = decodeTable(encodeTable(rows));
    expect(table.between('2026-01-02', '2026-02-01')).toEqual([1, 4]);
    expect(table.between('2026-01-01', '')).toEqual([1, rows.length]);
    expect(table.between('', '2026-01-01')).toEqual([0, 1]);
    expect(table.between('2026-02-02', '2026-02-02')).toEqual([4, 4]);
    expect(table.between('2027-01-01', '')).toEqual([rows.length, rows.length]);
    expect(table.between('2026-03-01', '2026-01-01')).toEqual([rows.length, rows.length]);
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
