// Where the stats page's charts put things (site/lib/stats-chart.ts): axes of round steps,
// bars and lines inside the plot, a gap in a line where a value is missing, and labels along
// the x axis that never touch at the largest size the stylesheet draws them, whether the chart
// has 6 weeks (each labelled) or 171 (the years).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays, isoWeek } from '../../../../scraper/archive/index.ts';
import { barChart, CHART, LABEL_FONT, lineChart, niceScale, type Period } from '../../../../site/lib/stats-chart.ts';
import { monthsBetween, weeksBetween } from '../../../../site/lib/stats-periods.ts';

const weeks = (from: string, to: string): Period[] =>
  weeksBetween(from, to).map((key, i) => ({
    key,
    first: addDays(from, 7 * i - ((new Date(from).getUTCDay() + 6) % 7)),
  }));
const months = (from: string, to: string): Period[] =>
  monthsBetween(from, to).map((key) => ({ key, first: `${key}-01` }));

/** The labels' extents at the largest font, as the layout estimates them. */
const extents = (ticks: { x: number; label: string; middle?: true }[]) =>
  ticks.map((t) => {
    const w = t.label.length * 0.62 * LABEL_FONT;
    return t.middle ? [t.x - w / 2, t.x + w / 2] : [t.x, t.x + 3 + w];
  });

describe('niceScale', () => {
  test('steps of 1, 2, 2.5 or 5 times a power of ten, up to the maximum or just above', () => {
    expect(niceScale(224)).toEqual({ top: 250, ticks: [0, 50, 100, 150, 200, 250] });
    expect(niceScale(39.4)).toEqual({ top: 40, ticks: [0, 10, 20, 30, 40] });
    expect(niceScale(100, 4)).toEqual({ top: 100, ticks: [0, 25, 50, 75, 100] });
    expect(niceScale(13)).toEqual({ top: 15, ticks: [0, 5, 10, 15] });
    expect(niceScale(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(niceScale(0)).toEqual({ top: 1, ticks: [0, 1] });
  });

  test('the top is never below the maximum, and there are a few ticks', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e7, noNaN: true }), (max) => {
        const { top, ticks } = niceScale(max);
        // (But for float noise: a top a billionth below the maximum is the maximum.)
        expect(top).toBeGreaterThanOrEqual(max * (1 - 1e-9));
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(9);
        expect(ticks.at(-1)).toBeCloseTo(top);
      }),
    );
  });
});

describe('barChart', () => {
  test('6 weeks: a bar each in its slot, none for a week without a count, each week labelled under its bar', () => {
    const periods = weeks('2026-06-30', '2026-08-05');
    expect(periods.map((p) => p.key)).toEqual(['2026-W27', '2026-W28', '2026-W29', '2026-W30', '2026-W31', '2026-W32']);
    const chart = barChart(periods, [7, null, null, 0, 13, 4]);
    expect(chart.bars.map((b) => b.index)).toEqual([0, 4, 5]);
    for (const b of chart.bars) {
      expect(b.x).toBeGreaterThanOrEqual(chart.left);
      expect(b.x + b.width).toBeLessThanOrEqual(chart.right + 0.1);
      expect(b.y + b.height).toBeCloseTo(chart.bottom);
    }
    // The tallest bar reaches 13 on an axis to 15.
    expect(chart.yTicks.map((t) => t.label)).toEqual(['0', '5', '10', '15']);
    expect(chart.xTicks.map((t) => t.label)).toEqual(['29 Jun', '6 Jul', '13 Jul', '20 Jul', '27 Jul', '3 Aug']);
    expect(chart.xTicks.every((t) => t.middle)).toBe(true);
  });

  test('171 weeks, May 2023 to August 2026: bars that touch, and a label at each year', () => {
    const periods = weeks('2023-05-04', '2026-08-07');
    expect(periods).toHaveLength(171);
    expect(periods.at(-1)).toEqual({ key: isoWeek('2026-08-07'), first: '2026-08-03' });
    const chart = barChart(
      periods,
      periods.map((_, i) => i % 50),
    );
    expect(chart.xTicks.map((t) => t.label)).toEqual(['2023', '2024', '2025', '2026']);
    expect(chart.slot).toBeLessThan(4);
  });

  test('a share: an axis to 100%', () => {
    const chart = barChart(months('2026-06-01', '2026-08-31'), [62.9, 57.2, 54.6], {
      top: 100,
      format: (n) => `${n}%`,
    });
    expect(chart.yTicks.map((t) => t.label)).toEqual(['0%', '25%', '50%', '75%', '100%']);
    expect(chart.xTicks.map((t) => t.label)).toEqual(['Jun 2026', 'Jul', 'Aug']);
  });
});

describe('lineChart', () => {
  test('a line a series through the middle of each slot, broken where a value is missing', () => {
    const chart = lineChart(months('2026-01-01', '2026-04-30'), [
      [10, null, 20, 30],
      [1, 2, 3, 4],
    ]);
    expect(chart.lines[0]).toMatch(/^M[\d.]+ [\d.]+ M[\d.]+ [\d.]+ L[\d.]+ [\d.]+$/);
    expect(chart.lines[1]).toMatch(/^M[\d.]+ [\d.]+( L[\d.]+ [\d.]+){3}$/);
    expect(chart.dots.map((d) => d.length)).toEqual([3, 4]);
    const first = chart.dots[1]![0]!;
    expect(first.x).toBeCloseTo(chart.left + chart.slot / 2, 0);
  });

  test('40 months: a label at each year, and lines without dots, which would crowd them; 100 months too', () => {
    const chart = lineChart(months('2023-05-01', '2026-08-31'), [Array.from({ length: 40 }, (_, i) => i)]);
    expect(chart.xTicks.map((t) => t.label)).toEqual(['2023', '2024', '2025', '2026']);
    expect(chart.dots).toEqual([[]]);
    expect(
      lineChart(months('2024-01-01', '2026-06-30'), [Array.from({ length: 30 }, (_, i) => i)]).dots[0],
    ).toHaveLength(30);
    const long = lineChart(months('2023-05-01', '2031-08-31'), [Array.from({ length: 100 }, (_, i) => i)]);
    expect(long.dots).toEqual([[]]);
    // May 2023 has no room before 2024, nor 2031 (its last 8 months) before the end.
    expect(long.xTicks.map((t) => t.label)).toEqual(['2024', '2025', '2026', '2027', '2028', '2029', '2030']);
  });
});

test('whatever the range, the x axis’s labels do not touch and stay inside the chart', () => {
  const day = fc.date({ min: new Date('2023-05-01'), max: new Date('2030-12-31'), noInvalidDate: true });
  fc.assert(
    fc.property(day, day, fc.boolean(), (a, b, weekly) => {
      const [from, to] = [a, b].map((d) => d.toISOString().slice(0, 10)).sort() as [string, string];
      const periods = weekly ? weeks(from, to) : months(from, to);
      const chart = barChart(
        periods,
        periods.map(() => 1),
      );
      const spans = extents(chart.xTicks);
      spans.forEach(([start, end], i) => {
        expect(start).toBeGreaterThanOrEqual(chart.left - 50);
        expect(end).toBeLessThanOrEqual(CHART.width + 1);
        if (i > 0) expect(start).toBeGreaterThan(spans[i - 1]![1]!);
      });
      expect(chart.xTicks.length).toBeGreaterThan(0);
    }),
    { numRuns: 200 },
  );
});
