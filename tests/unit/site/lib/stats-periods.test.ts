// The stats page's periods and percentile (site/lib/stats-periods.ts): quarters' and months'
// edges, ISO weeks across a new year, and the one definition of the median and the 90th
// percentile (linear between the two nearest values, numpy's and PERCENTILE.INC's).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isoWeek } from '../../../../scraper/archive/index.ts';
import {
  monthLastDay,
  monthsBetween,
  quantile,
  quarterDays,
  quarterOf,
  quartersBetween,
  weeksBetween,
} from '../../../../site/lib/stats-periods.ts';

describe('quarters and months', () => {
  test('a quarter holds its three months, from the first day to the last', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-06-30', '2026-07-01', '2026-12-31'].map(quarterOf)).toEqual(
      ['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q2', '2026-Q3', '2026-Q4'],
    );
    expect(quarterDays('2026-Q1')).toEqual({ first: '2026-01-01', last: '2026-03-31' });
    expect(quarterDays('2024-Q4')).toEqual({ first: '2024-10-01', last: '2024-12-31' });
    expect(quarterDays('2026-Q3')).toEqual({ first: '2026-07-01', last: '2026-09-30' });
  });

  test('a month’s last day, February of a leap year and of a common one', () => {
    expect(['2024-02', '2026-02', '2026-04', '2026-12'].map(monthLastDay)).toEqual([
      '2024-02-29',
      '2026-02-28',
      '2026-04-30',
      '2026-12-31',
    ]);
  });

  test('every month and quarter between two days, both ends included, across a year', () => {
    expect(monthsBetween('2025-11-30', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-08-05', '2026-08-07')).toEqual(['2026-08']);
    expect(quartersBetween('2023-05-04', '2024-01-02')).toEqual(['2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1']);
  });

  test('every day between the two falls in one of the quarters listed, and each quarter is listed once', () => {
    const day = fc.date({ min: new Date('2023-05-01'), max: new Date('2030-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = [a, b].map((d) => d.toISOString().slice(0, 10)).sort() as [string, string];
        const quarters = quartersBetween(from, to);
        expect(new Set(quarters).size).toBe(quarters.length);
        expect(quarters[0]).toBe(quarterOf(from));
        expect(quarters.at(-1)).toBe(quarterOf(to));
        expect(quarters).toEqual([...quarters].sort());
      }),
    );
  });
});

describe('weeksBetween', () => {
  test('ISO weeks across a new year: 2020 has a week 53, and 1 Jan 2021 is in it', () => {
    expect(weeksBetween('2020-12-24', '2021-01-11')).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
    // 29 Dec 2025 is a Monday of 2026's first week.
    expect(weeksBetween('2025-12-28', '2025-12-29')).toEqual(['2025-W52', '2026-W01']);
    expect(weeksBetween('2026-08-05', '2026-08-05')).toEqual(['2026-W32']);
  });

  test('consecutive weeks, from the first day’s to the last day’s, none skipped or twice', () => {
    const day = fc.date({ min: new Date('2023-05-01'), max: new Date('2030-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = [a, b].map((d) => d.toISOString().slice(0, 10)).sort() as [string, string];
        const weeks = weeksBetween(from, to);
        expect(weeks[0]).toBe(isoWeek(from));
        expect(weeks.at(-1)).toBe(isoWeek(to));
        const days = (Date.parse(`${to}T00:00Z`) - Date.parse(`${from}T00:00Z`)) / 86_400_000;
        expect(weeks.length).toBeGreaterThanOrEqual(Math.ceil((days + 1) / 7));
        expect(weeks.length).toBeLessThanOrEqual(Math.ceil((days + 1) / 7) + 1);
        expect(new Set(weeks).size).toBe(weeks.length);
      }),
    );
  });
});

describe('quantile', () => {
  test('the median: the middle value, or the mean of the two middle ones', () => {
    expect(quantile([7], 0.5)).toBe(7);
    expect(quantile([1, 2, 3], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 10], 0.5)).toBe(2.5);
    expect(quantile([0, 0, 5, 100], 0.5)).toBe(2.5);
  });

  test('the 90th percentile: at (n − 1) × 0.9, between the two nearest values (numpy.percentile, PERCENTILE.INC)', () => {
    // numpy.percentile([1..10], 90) = 9.1; of [0, 10] = 9; of 11 values 0..100 by 10 = 90.
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9.1);
    expect(quantile([0, 10], 0.9)).toBe(9);
    expect(quantile([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(90);
    expect(quantile([3, 3, 3], 0.9)).toBe(3);
    expect(quantile([1, 1000], 0.9)).toBe(900.1);
  });

  test('none for no values', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([], 0.9)).toBeNull();
  });

  test('between the least and the most, and never lower for a higher q', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 100_000 }), { minLength: 1, maxLength: 200 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const median = quantile(sorted, 0.5)!;
        const p90 = quantile(sorted, 0.9)!;
        expect(median).toBeGreaterThanOrEqual(sorted[0]!);
        expect(p90).toBeLessThanOrEqual(sorted.at(-1)!);
        expect(p90).toBeGreaterThanOrEqual(median);
        // At most a tenth of the values are above the 90th percentile.
        expect(sorted.filter((v) => v > p90).length).toBeLessThanOrEqual(Math.floor(sorted.length / 10) + 1);
        // A tenth of a whole upvote at most: the rounding keeps no float noise.
        expect(Math.round(p90 * 10) / 10).toBe(p90);
      }),
    );
  });
});
