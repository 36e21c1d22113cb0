// Words and numbers as pages show them. Dates are "YYYY-MM-DD" strings in UTC throughout
// (scraper/archive/dates.ts); formatting them never goes through local time.
import { isoWeekDates, toUtcMs } from '../../scraper/archive/index.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** "12,345": Intl's toLocaleString costs more than the rest of a page's formatting. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${thousands(n)} ${n === 1 ? one : many}`;
}

/** "Friday, 7 August 2026" */
export function longDate(date: string): string {
  const d = new Date(toUtcMs(date));
  return `${WEEKDAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "7 Aug 2026" */
export function shortDate(date: string): string {
  const d = new Date(toUtcMs(date));
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]!.slice(0, 3)} ${d.getUTCFullYear()}`;
}

/** "August 2026" for "2026-08" */
export function monthName(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1]} ${y}`;
}

/** "Week 32, 2026 (3 – 9 August)" for "2026-W32" */
export function weekName(week: string): string {
  const dates = isoWeekDates(week);
  const [first, last] = [dates[0]!, dates[6]!];
  const monthOf = (d: string): string => MONTHS[Number(d.slice(5, 7)) - 1]!;
  const day = (d: string): number => Number(d.slice(8, 10));
  const span =
    first.slice(0, 7) === last.slice(0, 7)
      ? `${day(first)}–${day(last)} ${monthOf(last)}`
      : `${day(first)} ${monthOf(first)} – ${day(last)} ${monthOf(last)}`;
  return `Week ${Number(week.slice(6))}, ${week.slice(0, 4)} (${span})`;
}

/** Paragraphs of an abstract: the archive keeps them separated by a blank line. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The first few authors shown on a card; the rest are one click away. */
export const AUTHORS_SHOWN = 3;

export function shownAuthors(authors: readonly string[], shown = AUTHORS_SHOWN): { shown: string[]; more: number } {
  if (authors.length <= shown + 1) return { shown: [...authors], more: 0 };
  return { shown: authors.slice(0, shown), more: authors.length - shown };
}

/** One line of text for a description or feed: whitespace collapsed, cut at a word. */
export function excerpt(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat]; // code points: a cut never splits a surrogate pair
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > cut.length * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** XML 1.0 allows neither U+FFFE/U+FFFF nor (already replaced by the archive) lone surrogates. */
export function xmlSafe(text: string): string {
  return text.replace(/[\uFFFE\uFFFF]/g, '\uFFFD');
}
