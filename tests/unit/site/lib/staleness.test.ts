// The archive's freshness (site/lib/staleness.ts): weekdays without a listing since the newest
// day, when that makes the archive look stopped, when it was last updated, and the words for both.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays, dateRange, isWeekend } from '../../../../scraper/archive/index.ts';
import {
  isStale,
  lastUpdated,
  STALE_AFTER_WEEKDAYS,
  staleMessage,
  updatedLabel,
  utcDay,
  weekdaysBetween,
} from '../../../../site/lib/staleness.ts';

describe('weekdays between two days', () => {
  test('counts Monday to Friday strictly between them', () => {
    // 2026-08-05 is a Wednesday.
    expect(weekdaysBetween('2026-08-05', '2026-08-06')).toBe(0); // Thursday has not ended
    expect(weekdaysBetween('2026-08-05', '2026-08-07')).toBe(1); // Thursday
    expect(weekdaysBetween('2026-08-05', '2026-08-10')).toBe(2); // Thursday, Friday (not the weekend)
    expect(weekdaysBetween('2026-08-05', '2026-08-11')).toBe(3); // … and Monday
    expect(weekdaysBetween('2026-08-07', '2026-08-10')).toBe(0); // Friday to Monday: a weekend only
    expect(weekdaysBetween('2026-08-05', '2026-08-19')).toBe(9); // two weeks on
    expect(weekdaysBetween('2026-12-31', '2027-01-05')).toBe(2); // across a year: 1 and 4 January
  });

  test('0 when the second day is not after the first, or either is not a date', () => {
    expect(weekdaysBetween('2026-08-05', '2026-08-05')).toBe(0);
    expect(weekdaysBetween('2026-08-10', '2026-08-05')).toBe(0);
    expect(weekdaysBetween('not a date', '2026-08-05')).toBe(0);
    expect(weekdaysBetween('2026-08-05', '')).toBe(0);
  });

  test('agrees with counting day by day, over any span', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2023-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (from, span) => {
        const to = addDays(from, span);
        const naive = span < 2 ? 0 : dateRange(addDays(from, 1), addDays(to, -1)).filter((d) => !isWeekend(d)).length;
        expect(weekdaysBetween(from, to)).toBe(naive);
      }),
    );
  });
});

describe('stale', () => {
  test(`after ${STALE_AFTER_WEEKDAYS} weekdays have ended with no newer listing day`, () => {
    expect(STALE_AFTER_WEEKDAYS).toBe(3);
    expect(isStale('2026-08-05', '2026-08-10')).toBe(false); // Monday: Thursday and Friday missing
    expect(isStale('2026-08-05', '2026-08-11')).toBe(true); // Tuesday: Monday missing too
    expect(isStale('2026-08-07', '2026-08-12')).toBe(false); // Friday's day on Wednesday: normal
    expect(isStale('2026-08-05', '2026-11-29')).toBe(true);
    expect(isStale('2026-08-05', '2026-08-01')).toBe(false); // a clock behind the archive
  });

  test('the UTC day of a moment, whatever the local time zone', () => {
    expect(utcDay(Date.parse('2026-08-10T23:59:59.999Z'))).toBe('2026-08-10');
    expect(utcDay(Date.parse('2026-08-11T00:30:00+02:00'))).toBe('2026-08-10');
  });
});

describe('last updated', () => {
  const entry = (
    status: 'ok' | 'partial' | 'no-listing' | 'failed',
    at: string,
    via: 'page' | 'api' | 'import' = 'page',
  ) => ({ status, at, via });
  const day = (fetchedAt: string, via: 'page' | 'api' | 'import' = 'api') => ({ fetchedAt, via });

  test('the newest time the ledger settled a date; failed attempts do not count', () => {
    expect(
      lastUpdated([
        entry('ok', '2026-08-06T01:00:00.000Z'),
        entry('no-listing', '2026-08-09T01:17:05.000Z'), // a Saturday tried: the nightly ran
        entry('failed', '2026-08-10T01:17:00.000Z'),
        entry('partial', '2026-08-02T01:00:00.000Z'),
      ]),
    ).toBe('2026-08-09T01:17:05.000Z');
  });

  test('compares times, not strings; falls back to the day files, then to nothing', () => {
    expect(lastUpdated([entry('ok', '2026-08-06T01:00:00Z'), entry('ok', '2026-08-06T00:59:00.500Z')])).toBe(
      '2026-08-06T01:00:00Z',
    );
    expect(
      lastUpdated(
        [entry('failed', '2026-08-10T01:00:00Z')],
        [day('2026-08-07T01:00:00.000Z'), day('2026-08-08T01:00:00.000Z')],
      ),
    ).toBe('2026-08-08T01:00:00.000Z');
    expect(lastUpdated([], [])).toBeNull();
    expect(lastUpdated([entry('ok', 'garbage')])).toBeNull();
  });

  test('an import is no listing check: its time is when old answers were copied in', () => {
    const imported = entry('ok', '2026-12-06T10:07:22.259Z', 'import');
    expect(lastUpdated([entry('ok', '2026-08-06T01:00:00.000Z', 'api'), imported])).toBe('2026-08-06T01:00:00.000Z');
    // Never checked against Hugging Face: a snapshot, with no time of update.
    expect(lastUpdated([imported], [day('2026-12-06T10:07:20.032Z', 'import')])).toBeNull();
  });

  test('shown to the minute, in UTC', () => {
    expect(updatedLabel('2026-08-08T01:00:12.345Z')).toBe('2026-08-08 01:00 UTC');
    expect(updatedLabel('2026-08-08T03:00:00+02:00')).toBe('2026-08-08 01:00 UTC');
    expect(updatedLabel('garbage')).toBe('garbage');
  });
});

test('the notice names the newest day and why its age matters', () => {
  expect(staleMessage('Wednesday, 5 August 2026')).toBe(
    'Its newest day is Wednesday, 5 August 2026, though Hugging Face lists papers every weekday.',
  );
});
