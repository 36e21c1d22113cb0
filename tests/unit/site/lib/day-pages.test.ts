// Pages for days without papers (site/lib/day-pages.ts): every date of the archive's range,
// why a day has no papers in the ledger's words, and the nearest days that have some.
import { describe, expect, test } from 'vitest';
import type { Ledger } from '../../../../scraper/archive/schema.ts';
import { buildCalendar } from '../../../../site/lib/calendar.ts';
import { missingDayText, nearestHeld, rangeDays } from '../../../../site/lib/day-pages.ts';

const at = '2026-08-06T01:00:00.000Z';
const ledger: Ledger = {
  format: 1,
  days: {
    '2026-07-28': { status: 'failed', papers: 0, at, via: 'page', reason: 'HTTP 503 from huggingface.co' },
    '2026-08-01': { status: 'no-listing', papers: 0, at, via: 'page', reason: 'redirected to 2026-07-31' },
    '2026-08-03': { status: 'no-listing', papers: 0, at, via: 'page', reason: 'no listing for this date' },
    '2026-08-06': { status: 'ok', papers: 3, at, via: 'page', reason: null },
  },
};
const held = [
  { date: '2026-07-27', status: 'ok' as const, papers: 4 },
  { date: '2026-07-31', status: 'partial' as const, papers: 2 },
  { date: '2026-08-05', status: 'ok' as const, papers: 4 },
];

describe('days without papers', () => {
  const range = rangeDays(buildCalendar(held, ledger));

  test('every date from the first known to the last, in order, each with its status', () => {
    expect(range.map((d) => d.date)).toEqual([
      '2026-07-27',
      '2026-07-28',
      '2026-07-29',
      '2026-07-30',
      '2026-07-31',
      '2026-08-01',
      '2026-08-02',
      '2026-08-03',
      '2026-08-04',
      '2026-08-05',
      '2026-08-06',
    ]);
    expect(Object.fromEntries(range.map((d) => [d.date, d.status]))).toMatchObject({
      '2026-07-28': 'failed',
      '2026-07-29': 'never-tried',
      '2026-07-31': 'partial',
      '2026-08-01': 'no-listing',
      '2026-08-02': 'weekend',
      '2026-08-06': 'file-lost',
    });
    expect(rangeDays([])).toEqual([]);
  });

  test('the nearest days with papers on either side, and none past the ends', () => {
    const dates = held.map((d) => d.date);
    expect(nearestHeld('2026-08-01', dates)).toEqual({ previous: '2026-07-31', next: '2026-08-05' });
    expect(nearestHeld('2026-07-31', dates)).toEqual({ previous: '2026-07-27', next: '2026-08-05' });
    expect(nearestHeld('2026-08-06', dates)).toEqual({ previous: '2026-08-05', next: null });
    expect(nearestHeld('2026-07-01', dates)).toEqual({ previous: null, next: '2026-07-27' });
    expect(nearestHeld('2026-07-01', [])).toEqual({ previous: null, next: null });
  });

  test('each kind of day says why it has no papers, with the ledger’s words where it has some', () => {
    const text = (date: string) => missingDayText(range.find((d) => d.date === date)!);
    expect(text('2026-08-01')).toEqual({
      label: 'no listing',
      why: 'Hugging Face lists no papers on a Saturday: the archive asked, and there was no listing.',
      note: 'redirected to 2026-07-31',
    });
    expect(text('2026-08-02')).toMatchObject({ label: 'weekend', note: null });
    expect(text('2026-08-02').why).toMatch(/^A Sunday: Hugging Face lists no papers at weekends/);
    expect(text('2026-08-03').why).toMatch(/no listing for this Monday \(a holiday/);
    expect(text('2026-07-28')).toMatchObject({ label: 'not fetched', note: 'HTTP 503 from huggingface.co' });
    expect(text('2026-07-28').why).toMatch(/tried to fetch this Tuesday and could not/);
    expect(text('2026-07-29')).toMatchObject({ label: 'never fetched', note: null });
    expect(text('2026-08-06')).toMatchObject({ label: 'file missing' });
  });
});
