// The periods the stats page counts by (ISO weeks, calendar months and quarters, all of UTC
// days) and the one definition of a percentile it uses, kept apart from the counting
// (lib/stats.ts) so that their edges are tested on their own: a week that starts in one year
// and ends in the next, a quarter's last day, a percentile between two papers. Pure.
import { addDays, isoWeek, isoWeekDates } from '../../scraper/archive/index.ts';

/** "2026-Q3" for any day of July to September 2026. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

/** The first and last day of a quarter "2026-Q3": 2026-07-01 and 2026-09-30. */
export function quarterDays(quarter: string): { first: string; last: string } {
  const year = quarter.slice(0, 4);
  const q = Number(quarter.slice(6));
  const firstMonth = String(q * 3 - 2).padStart(2, '0');
  const next = q === 4 ? `${Number(year) + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  return { first: `${year}-${firstMonth}-01`, last: addDays(next, -1) };
}

/** The last day of a month "2026-02": 2026-02-28. */
export function monthLastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
}

/** Every ISO week from the one holding `from` to the one holding `to`, in order. */
export function weeksBetween(from: string, to: string): string[] {
  const last = isoWeek(to);
  const weeks: string[] = [];
  for (let monday = isoWeekDates(isoWeek(from))[0]!; ; monday = addDays(monday, 7)) {
    const week = isoWeek(monday);
    weeks.push(week);
    if (week >= last) return weeks;
  }
}

/** Every month "YYYY-MM" from the one holding `from` to the one holding `to`, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) return months;
    months.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

/** Every quarter from the one holding `from` to the one holding `to`, in order. */
export function quartersBetween(from: string, to: string): string[] {
  return [...new Set(monthsBetween(from, to).map((m) => quarterOf(`${m}-01`)))];
}

/**
 * The q-quantile of `sorted` (ascending), null for none: the value at position (n − 1)·q,
 * between the two nearest values by linear interpolation. The definition of numpy's and
 * pandas' defaults and of spreadsheets' PERCENTILE.INC (Hyndman and Fan's type 7), so a reader
 * gets the same figure from the same papers; its median is the usual one (the middle value, or
 * the mean of the two middle ones). Rounded to one decimal: of whole upvotes, a median is a
 * whole or a half and a 90th percentile a tenth, and the rounding only drops float noise.
 */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below]!;
  const high = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return Math.round((low + (high - low) * (position - below)) * 10) / 10;
}
