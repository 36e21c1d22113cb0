// Where the stats page's charts put their bars, lines and labels (components/StatsChart.astro
// draws them as SVG at build time, no script). One frame for every chart: 640 units wide, the
// y axis's labels at its left, the periods along the bottom. The SVG scales to the column, so
// on a phone its units shrink to about half a pixel; the stylesheet then draws its text larger,
// up to LABEL_FONT units (stats.css), and the labels are laid out for that largest size:
// the x axis labels every period where they fit (6 weeks: each week), else every month, or
// quarter, or year (170 weeks: the years), never two labels overlapping. Pure.
import { formatDate, monthName, thousands } from './format.ts';
import { quarterOf } from './stats-periods.ts';

export const CHART = { width: 640, height: 300, top: 44, bottom: 34, right: 10 } as const;
/** The largest font the stylesheet gives a chart's text, in the chart's units (stats.css). */
export const LABEL_FONT = 22;
/** A generous average width of a character of system-ui, as a share of the font size. */
const CHAR = 0.62;
const textWidth = (text: string): number => text.length * CHAR * LABEL_FONT;

export type YTick = { y: number; label: string };
/** A label under the axis: from `x` on, or centred on it (`middle`, under its period). */
export type XTick = { x: number; label: string; middle?: true };
export type Frame = {
  width: number;
  height: number;
  /** The plot: from `left` to `right`, from `top` down to the baseline at `bottom`. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  yTicks: YTick[];
  xTicks: XTick[];
  /** The width of one period's slot along the x axis. */
  slot: number;
};
export type Bar = { x: number; y: number; width: number; height: number; index: number };
export type BarChart = Frame & { bars: Bar[] };
export type LineChart = Frame & {
  /** One SVG path per series, broken where a value is missing. */
  lines: string[];
  /** Each series' points, where they stand apart (a slot of 16 units or more: 36 months at most). */
  dots: { x: number; y: number }[][];
};

/** A period on the x axis: its key ("2026-W31", "2026-07") and its first day. */
export type Period = { key: string; first: string };

/** Axis steps of 1, 2, 2.5 or 5 times a power of ten, about `count` of them up to at least `max`. */
export function niceScale(max: number, count = 5): { top: number; ticks: number[] } {
  if (!(max > 0)) return { top: 1, ticks: [0, 1] };
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + 1e-9; i++) ticks.push(Math.round(i * step * 1e6) / 1e6);
  return { top, ticks };
}

type Level = { of: (p: Period) => string; label: (p: Period) => string; every?: (p: Period) => boolean; weeks?: true };

const dayMonth = (p: Period): string => formatDate(p.first).slice(4, -5); // "29 Jun"
/** "Jan 2026" for January, where the year turns; "Jun" for another month. */
const monthLabel = (p: Period): string => {
  const name = monthName(p.first.slice(0, 7)).replace(/^(\w{3})\w*/, '$1');
  return p.first.slice(5, 7) === '01' ? name : name.slice(0, 3);
};
const monthNumber = (p: Period): number => Number(p.first.slice(5, 7));
/**
 * The finest first: each week, every 2nd or 4th; each month, every 2nd or 3rd (from January,
 * so the year is named); each quarter; each year, every 2nd or 5th.
 */
const LEVELS: Level[] = [
  ...[1, 2, 4].map((n) => ({
    of: (p: Period) => p.key,
    label: dayMonth,
    every: (p: Period) => (Number(p.key.slice(6)) - 1) % n === 0,
    weeks: true as const,
  })),
  ...[1, 2, 3].map((n) => ({
    of: (p: Period) => p.first.slice(0, 7),
    label: monthLabel,
    every: (p: Period) => (monthNumber(p) - 1) % n === 0,
  })),
  { of: (p) => quarterOf(p.first), label: (p) => quarterOf(p.first).replace(/(\d{4})-(Q\d)/, '$2 $1') },
  ...[1, 2, 5].map((n) => ({
    of: (p: Period) => p.key.slice(0, 4),
    label: (p: Period) => p.key.slice(0, 4),
    every: (p: Period) => Number(p.key.slice(0, 4)) % n === 0,
  })),
];

const fitsBefore = (tick: XTick, next: XTick | undefined, right: number): boolean =>
  tick.x + textWidth(tick.label) + 8 <= (next ? next.x : right + CHART.right);

/**
 * The labels along the x axis. Where every period's label fits under it, each is centred under
 * its period (the first, and a January, with its year). Else at the start of every period of
 * the finest level (LEVELS) whose labels fit side by side without touching, at the largest
 * font; the chart's first period, when it is not one of those, too where there is room.
 */
export function timeTicks(periods: readonly Period[], left: number, slot: number, right: number): XTick[] {
  const weekly = /W\d\d$/.test(periods[0]?.key ?? '');
  const own = periods.map((p, i) =>
    weekly ? dayMonth(p) : i === 0 ? monthName(p.first.slice(0, 7)).replace(/^(\w{3})\w*/, '$1') : monthLabel(p),
  );
  if (own.every((label) => textWidth(label) + 8 <= slot)) {
    return own.map((label, i) => ({ x: left + (i + 0.5) * slot, label, middle: true }));
  }
  for (const level of LEVELS.filter((l) => weekly || !l.weeks)) {
    const starts = periods.flatMap((p, i) => (i > 0 && level.of(p) !== level.of(periods[i - 1]!) ? [i] : []));
    // A label that would run past the chart's end (a year begun in its last weeks) is left out.
    const ticks = starts
      .filter((i) => level.every?.(periods[i]!) ?? true)
      .map((i) => ({ x: left + i * slot, label: level.label(periods[i]!) }))
      .filter((t) => fitsBefore(t, undefined, right));
    if (!ticks.every((t, n) => fitsBefore(t, ticks[n + 1], right))) continue;
    const first = periods[0] && { x: left, label: level.label(periods[0]) };
    return first && ticks[0]?.x !== left && fitsBefore(first, ticks[0], right) ? [first, ...ticks] : ticks;
  }
  return [];
}

function frame(periods: readonly Period[], max: number, format: (n: number) => string, scale = niceScale(max)) {
  const labels = scale.ticks.map(format);
  const left = Math.ceil(Math.max(...labels.map(textWidth)) + 10);
  const right = CHART.width - CHART.right;
  const bottom = CHART.height - CHART.bottom;
  const slot = (right - left) / Math.max(1, periods.length);
  const y = (v: number): number => round(bottom - (v / scale.top) * (bottom - CHART.top));
  return {
    width: CHART.width,
    height: CHART.height,
    left,
    right,
    top: CHART.top,
    bottom,
    slot: round(slot),
    yTicks: scale.ticks.map((v, i) => ({ y: y(v), label: labels[i]! })),
    xTicks: timeTicks(periods, left, slot, right).map((t) => ({ ...t, x: round(t.x) })),
    y,
    at: (i: number): number => left + i * slot,
  };
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** A bar a period, from the baseline; none for a missing value or a 0. */
export function barChart(
  periods: readonly Period[],
  values: readonly (number | null)[],
  { format = thousands, top }: { format?: (n: number) => string; top?: number } = {},
): BarChart {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  // A share's axis runs to 100% in quarters.
  const { y, at, ...f } = frame(periods, max, format, top === undefined ? undefined : niceScale(top, 4));
  // A gap between bars where they are wide enough to show one; 170 weeks' bars touch.
  const gap = f.slot >= 6 ? f.slot * 0.2 : f.slot >= 3 ? 0.6 : 0;
  const bars = values.flatMap((v, index) => {
    if (v === null || v <= 0) return [];
    const top = y(v);
    return [
      { x: round(at(index) + gap / 2), y: top, width: round(f.slot - gap), height: round(f.bottom - top), index },
    ];
  });
  return { ...f, bars };
}

/** One line a series, through the middle of each period's slot. */
export function lineChart(
  periods: readonly Period[],
  series: readonly (readonly (number | null)[])[],
  { format = thousands }: { format?: (n: number) => string } = {},
): LineChart {
  const max = Math.max(0, ...series.flatMap((s) => s.map((v) => v ?? 0)));
  const { y, at, ...f } = frame(periods, max, format);
  const points = series.map((s) => s.map((v, i) => (v === null ? null : { x: round(at(i) + f.slot / 2), y: y(v) })));
  const lines = points.map((ps) =>
    ps
      .map((p, i) => (p === null ? '' : `${i > 0 && ps[i - 1] ? 'L' : 'M'}${p.x} ${p.y}`))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const dots = f.slot >= 16 ? points.map((ps) => ps.filter((p) => p !== null)) : points.map(() => []);
  return { ...f, lines, dots };
}
