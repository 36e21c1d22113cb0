// Listing days are calendar dates in UTC, always handled as "YYYY-MM-DD" strings: a Date object
// in local time is how other scrapers file Friday's papers under Saturday.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written as YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

export function toUtcMs(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`);
}

export function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return fromUtcMs(toUtcMs(date) + n * DAY_MS);
}

/** Every date from `from` to `to`, both included. */
export function dateRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = toUtcMs(from), end = toUtcMs(to); ms <= end; ms += DAY_MS) out.push(fromUtcMs(ms));
  return out;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
export function weekdayName(date: string): string {
  return WEEKDAY_NAMES[weekday(date)]!;
}

/** ISO 8601 week of a date, as Hugging Face names its week pages: "2026-W32". */
export function isoWeek(date: string): string {
  const d = new Date(toUtcMs(date));
  const dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dow); // the Thursday of this week decides its year
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / DAY_MS + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday … Sunday dates of an ISO week "YYYY-Www". */
export function isoWeekDates(week: string): string[] {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new Error(`not an ISO week: ${JSON.stringify(week)} (expected YYYY-Www)`);
  const jan4 = Date.UTC(Number(m[1]), 0, 4);
  const jan4Dow = new Date(jan4).getUTCDay() || 7;
  const monday = jan4 - (jan4Dow - 1) * DAY_MS + (Number(m[2]) - 1) * 7 * DAY_MS;
  return Array.from({ length: 7 }, (_, i) => fromUtcMs(monday + i * DAY_MS));
}

/**
 * Whether the ISO time `a` is later than `b`, as instants: "…:00Z" and "…:00.000Z" are one time,
 * which comparing the strings would not say.
 */
export function isLater(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

/** Today's date in UTC, from an injectable clock. */
export function utcToday(now: () => number = Date.now): string {
  return fromUtcMs(now());
}
