// The words of the stats page that come from its numbers: how a quarter or a figure is written,
// and each chart's gist, the one sentence a screen reader reads for the chart (its aria-label)
// and a sighted reader gets from a glance: the range, the highs and lows, the latest. Here
// rather than in the page, so the sentences are tested with the numbers they state. Pure.
import { formatDate, monthName, plural, thousands, weekLabel } from './format.ts';
import type { MonthRow, Stats, WeekRow } from './stats.ts';

/** "Q3 2026" for "2026-Q3". */
export function quarterLabel(quarter: string): string {
  return `${quarter.slice(5)} ${quarter.slice(0, 4)}`;
}

/** One decimal, none when whole, thousands separated: "37.5", "40", "1,234.5". */
export function oneDecimal(n: number): string {
  const [whole, fraction] = n.toFixed(1).split('.') as [string, string];
  const sign = whole.startsWith('-') ? '-' : '';
  return `${sign}${thousands(Number(whole.replace('-', '')))}${fraction === '0' ? '' : `.${fraction}`}`;
}

/** "Mon 15 Jun 2026 to Fri 7 Aug 2026"; "Tue 30 Jun 2026" alone when the two are one day. */
export function span(from: string, to: string): string {
  return from === to ? formatDate(from) : `${formatDate(from)} to ${formatDate(to)}`;
}

/**
 * The days of a period within a year, as the week pages write a week's (format.ts weekLabel):
 * "15–30 Jun", "1 Jul – 7 Aug", "30 Jun" for one day.
 */
export function shortSpan(from: string, to: string): string {
  const day = (d: string): string => formatDate(d).slice(4, -5);
  if (from === to) return day(from);
  return from.slice(0, 7) === to.slice(0, 7) ? `${Number(from.slice(8))}–${day(to)}` : `${day(from)} – ${day(to)}`;
}

/** The item with the highest (or lowest) value, the earliest on a tie; null for none. */
function extreme<T>(items: readonly T[], value: (t: T) => number | null, highest: boolean): T | null {
  let best: T | null = null;
  for (const item of items) {
    const v = value(item);
    if (v === null) continue;
    if (best === null || (highest ? v > value(best)! : v < value(best)!)) best = item;
  }
  return best;
}

export function weeksGist(stats: Pick<Stats, 'weeks' | 'papers'>): string {
  const { weeks } = stats;
  if (weeks.length === 0) return 'No papers yet.';
  const whole = weeks.filter((w) => !w.partial && w.days > 0);
  const busiest = extreme(weeks, (w) => w.papers, true)!;
  const latest = whole.at(-1);
  const parts = [
    `${plural(stats.papers, 'paper')} in ${plural(weeks.length, 'week')}, ${weekLabel(weeks[0]!.week)} to ${weekLabel(weeks.at(-1)!.week)}`,
    `the most in ${weekLabel(busiest.week)}: ${thousands(busiest.papers)}`,
  ];
  if (latest) parts.push(`the latest whole week, ${weekLabel(latest.week)}, had ${thousands(latest.papers)}`);
  const empty = weeks.filter((w: WeekRow) => w.days === 0).length;
  if (empty > 0) parts.push(`${plural(empty, 'week')} without a day held`);
  return `Papers per week: ${parts.join('; ')}.`;
}

const monthValue = (m: MonthRow | null, value: (m: MonthRow) => number | null, unit = ''): string =>
  m ? `${oneDecimal(value(m)!)}${unit} (${monthName(m.month)})` : '–';

export function upvotesGist(stats: Pick<Stats, 'months'>): string {
  const months = stats.months.filter((m) => m.papers > 0);
  if (months.length === 0) return 'No papers yet.';
  const settled = months.filter((m) => m.settled);
  const latest = settled.at(-1);
  const range = (value: (m: MonthRow) => number | null) =>
    `from ${monthValue(extreme(months, value, false), value)} to ${monthValue(extreme(months, value, true), value)}`;
  const parts = [`the median ${range((m) => m.median)}`, `the 90th percentile ${range((m) => m.p90)}`];
  parts.push(
    latest
      ? `the latest settled month, ${monthName(latest.month)}: median ${oneDecimal(latest.median!)}, 90th percentile ${oneDecimal(latest.p90!)}`
      : 'no month has settled yet',
  );
  return `Upvotes per paper, by the month it was first featured: ${parts.join('; ')}.`;
}

export function codeGist(stats: Pick<Stats, 'months'>): string {
  const months = stats.months.filter((m) => m.papers > 0);
  if (months.length === 0) return 'No papers yet.';
  const value = (m: MonthRow) => m.percentWithCode;
  const latest = months.at(-1)!;
  return (
    `Share of papers with a GitHub repository, by month: from ${monthValue(extreme(months, value, false), value, '%')}` +
    ` to ${monthValue(extreme(months, value, true), value, '%')}; ${oneDecimal(latest.percentWithCode!)}% in ${monthName(latest.month)}.`
  );
}
