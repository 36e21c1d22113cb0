// The site's one way of writing dates (site/lib/format.ts formatDate, formatTime, weekLabel):
// "Fri 7 Aug 2026", "(UTC)" where a listing day is named, never through local time.
import { describe, expect, test } from 'vitest';
import { formatDate, formatTime, weekLabel } from '../../../../site/lib/format.ts';

describe('dates', () => {
  test('a day is written "Fri 7 Aug 2026", with "(UTC)" when asked', () => {
    expect(formatDate('2026-08-07')).toBe('Fri 7 Aug 2026');
    expect(formatDate('2026-08-07', { utc: true })).toBe('Fri 7 Aug 2026 (UTC)');
    expect(formatDate('2024-02-29')).toBe('Thu 29 Feb 2024');
    expect(formatDate('2026-01-01')).toBe('Thu 1 Jan 2026');
  });

  test('an ISO time is written as its UTC day, whatever the offset', () => {
    expect(formatDate('2026-08-06T00:00:00.000Z')).toBe('Thu 6 Aug 2026');
    expect(formatTime('2026-08-06T01:00:12.345Z')).toBe('Thu 6 Aug 2026, 01:00 UTC');
    expect(formatTime('2026-08-07T01:30:00+02:00')).toBe('Thu 6 Aug 2026, 23:30 UTC');
  });

  test('what is not a date comes back as it was', () => {
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatTime('garbage')).toBe('garbage');
  });

  test('the same in any time zone of the machine', () => {
    const saved = process.env['TZ'];
    try {
      process.env['TZ'] = 'Pacific/Kiritimati';
      expect(formatDate('2026-08-07')).toBe('Fri 7 Aug 2026');
      process.env['TZ'] = 'America/Adak';
      expect(formatDate('2026-08-07')).toBe('Fri 7 Aug 2026');
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });

  test('weeks in the same words', () => {
    expect(weekLabel('2026-W32')).toBe('Week 32, 2026 (3–9 Aug)');
    expect(weekLabel('2026-W01')).toBe('Week 1, 2026 (29 Dec – 4 Jan)');
    expect(() => weekLabel('2026-32')).toThrow(/not an ISO week/);
  });
});
