// The archive calendar (site/lib/calendar.ts): every day from the first known date to the last
// says what the archive holds, or why it holds nothing. Pure functions over a hand-made ledger.
import { describe, expect, test } from 'vitest';
import type { Ledger } from '../../../../scraper/archive/schema.ts';
import { buildCalendar, dayStatus } from '../../../../site/lib/calendar.ts';

describe('buildCalendar', () => {
  const ledger: Ledger = {
    format: 1,
    days: {
      '2026-07-29': { status: 'ok', papers: 1, at: '2026-08-01T00:00:00.000Z', via: 'page', reason: null },
      '2026-07-30': { status: 'failed', papers: 0, at: '2026-08-01T00:00:00.000Z', via: 'page', reason: 'HTTP 503' },
      '2026-08-01': { status: 'no-listing', papers: 0, at: '2026-08-01T00:00:00.000Z', via: 'page', reason: null },
      '2026-08-04': { status: 'ok', papers: 3, at: '2026-08-05T00:00:00.000Z', via: 'page', reason: null },
    },
  };
  const held = [
    { date: '2026-07-29', status: 'ok' as const, papers: 1 },
    { date: '2026-08-05', status: 'partial' as const, papers: 2 },
  ];

  test('every day from the first known date to the last says what the archive holds, or why not', () => {
    const [year] = buildCalendar(held, ledger);
    expect(year!.year).toBe('2026');
    expect(year!.months.map((m) => m.month)).toEqual(['2026-07', '2026-08']);
    const status = (date: string) =>
      year!.months.flatMap((m) => m.weeks.flatMap((w) => w.days)).find((d) => d?.date === date)?.status;
    expect(status('2026-07-28')).toBe('outside');
    expect(status('2026-07-29')).toBe('held');
    expect(status('2026-07-30')).toBe('failed');
    expect(status('2026-07-31')).toBe('never-tried');
    expect(status('2026-08-01')).toBe('no-listing');
    expect(status('2026-08-02')).toBe('weekend');
    expect(status('2026-08-03')).toBe('never-tried');
    expect(status('2026-08-04')).toBe('file-lost');
    expect(status('2026-08-05')).toBe('partial');
    expect(status('2026-08-06')).toBe('outside');
    const august = year!.months[1]!;
    expect([august.held, august.papers]).toEqual([1, 2]);
    expect(august.gaps.map((g) => [g.date, g.status])).toEqual([
      ['2026-08-01', 'no-listing'],
      ['2026-08-03', 'never-tried'],
      ['2026-08-04', 'file-lost'],
    ]);
    // Weeks run Monday to Sunday: 2026-08-01 is a Saturday.
    expect(august.weeks[0]!.days.map((d) => d?.date ?? null)).toEqual([
      null,
      null,
      null,
      null,
      null,
      '2026-08-01',
      '2026-08-02',
    ]);
  });

  test('an empty archive has no calendar; a failed day keeps its reason', () => {
    expect(buildCalendar([], { format: 1, days: {} })).toEqual([]);
    expect(dayStatus('2026-07-30', undefined, ledger)).toEqual({
      date: '2026-07-30',
      status: 'failed',
      papers: 0,
      reason: 'HTTP 503',
    });
  });
});
