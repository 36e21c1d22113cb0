// Words and numbers as pages show them. Dates are "YYYY-MM-DD" strings in UTC throughout
// (scraper/archive/dates.ts); formatting them never goes through local time.
//
// Every page writes a date one way, formatDate's "Fri 7 Aug 2026", and says "UTC" where it
// names a listing day (a day of Hugging Face's is a UTC day, which is another day in much of
// the world for part of it). This module imports nothing, so the browser's scripts (the search
// page's results) can format dates with the very same function at no cost.

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
const DAY_MS = 86_400_000;

const utcMs = (date: string): number => Date.parse(`${date.slice(0, 10)}T00:00:00.000Z`);
const shortMonth = (m: number): string => MONTHS[m]!.slice(0, 3);

/** "12,345": Intl's toLocaleString costs more than the rest of a page's formatting. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${thousands(n)} ${n === 1 ? one : many}`;
}

/**
 * The site's one way of writing a date: "Fri 7 Aug 2026" for "2026-08-07" (anything after the
 * first ten characters, such as an ISO time, is ignored). `utc` adds " (UTC)", for where a
 * listing day is named. What is not a date is returned as it is.
 */
export function formatDate(date: string, { utc = false }: { utc?: boolean } = {}): string {
  const ms = utcMs(date);
  if (!Number.isFinite(ms)) return date;
  const d = new Date(ms);
  const text = `${WEEKDAYS[d.getUTCDay()]!.slice(0, 3)} ${d.getUTCDate()} ${shortMonth(d.getUTCMonth())} ${d.getUTCFullYear()}`;
  return utc ? `${text} (UTC)` : text;
}

/** A moment, as the footer's "Updated" says it: "Thu 6 Aug 2026, 01:00 UTC". */
export function formatTime(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const t = new Date(ms).toISOString();
  return `${formatDate(t)}, ${t.slice(11, 16)} UTC`;
}

/** "Friday, 7 August 2026": the feeds' form (pages use formatDate). */
export function longDate(date: string): string {
  const d = new Date(utcMs(date));
  return `${WEEKDAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The Monday … Sunday of an ISO week "YYYY-Www" (as scraper/archive/dates.ts, without importing it). */
function weekDates(week: string): string[] {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new Error(`not an ISO week: ${JSON.stringify(week)} (expected YYYY-Www)`);
  const jan4 = Date.UTC(Number(m[1]), 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() || 7) - 1) * DAY_MS + (Number(m[2]) - 1) * 7 * DAY_MS;
  return Array.from({ length: 7 }, (_, i) => new Date(monday + i * DAY_MS).toISOString().slice(0, 10));
}

/** "August 2026" for "2026-08" */
export function monthName(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1]} ${y}`;
}

/** "Week 32, 2026 (3–9 Aug)" for "2026-W32": the pages' form, months as formatDate writes them. */
export function weekLabel(week: string): string {
  const [first, last] = [weekDates(week)[0]!, weekDates(week)[6]!];
  const month = (d: string): string => shortMonth(Number(d.slice(5, 7)) - 1);
  const day = (d: string): number => Number(d.slice(8, 10));
  const span =
    first.slice(0, 7) === last.slice(0, 7)
      ? `${day(first)}–${day(last)} ${month(last)}`
      : `${day(first)} ${month(first)} – ${day(last)} ${month(last)}`;
  return `Week ${Number(week.slice(6))}, ${week.slice(0, 4)} (${span})`;
}

/** "Week 32, 2026 (3–9 August)" for "2026-W32" */
export function weekName(week: string): string {
  const dates = weekDates(week);
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

/**
 * The most authors a card's opened list links: a paper of hundreds (the full corpus has one of
 * 573: 37 KB of links, a day page over its 40 KB) lists the first of them, and the paper's page
 * lists them all.
 */
export const AUTHORS_LISTED = 50;

export function shownAuthors(authors: readonly string[], shown = AUTHORS_SHOWN): { shown: string[]; more: number } {
  if (authors.length <= shown + 1) return { shown: [...authors], more: 0 };
  return { shown: authors.slice(0, shown), more: authors.length - shown };
}

/** One line of text for a description or feed: whitespace collapsed, cut at a word. */
export function excerpt(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // The first `max` code points (a cut never splits a surrogate pair), without spreading the text.
  let end = 0;
  for (let n = 0; n < max && end < flat.length; n++) {
    const c = flat.charCodeAt(end);
    const next = flat.charCodeAt(end + 1);
    end += c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  if (end >= flat.length) return flat;
  const cut = flat.slice(0, end);
  const space = cut.lastIndexOf(' ');
  return `${(space > cut.length * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** XML 1.0 allows neither U+FFFE/U+FFFF nor (already replaced by the archive) lone surrogates. */
export function xmlSafe(text: string): string {
  return text.replace(/[\uFFFE\uFFFF]/g, '\uFFFD');
}
