// The fake site's data: which days have papers, which papers exist, and what "today" is. Loading
// from disk is the only I/O; everything else derives a Site from a map of days.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { addDays, isDate } from './calendar.ts';
import { paperIdOf } from './items.ts';

export type Days = Map<string, unknown[]>;

export type Site = {
  days: ReadonlyMap<string, readonly unknown[]>;
  /** Days with at least one paper, sorted. An empty listing is no listing, as on the site. */
  dates: readonly string[];
  /** Every paper listed up to today, by id; a paper listed on two days is shown as its later day has it. */
  papers: ReadonlyMap<string, { item: unknown; date: string }>;
  today: string;
};

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.json(\.gz)?$/;

const loaded = new Map<string, Promise<Days>>();

/**
 * Every YYYY-MM-DD.json[.gz] under `dir`, at any depth, as a fresh map (a server changes its own
 * days). The files are read and parsed once per process: test files that each start a server on
 * the 111 fixture days would otherwise spend most of their start-up parsing them again.
 */
export async function loadDaysDir(dir: string): Promise<Days> {
  let days = loaded.get(dir);
  if (!days) {
    days = readDaysDir(dir);
    loaded.set(dir, days);
    days.catch(() => loaded.delete(dir));
  }
  return new Map(await days);
}

async function readDaysDir(dir: string): Promise<Days> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const days: Days = new Map();
  for (const entry of entries) {
    const m = DAY_FILE.exec(entry.name);
    if (!entry.isFile() || !m || !isDate(m[1]!)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const raw = await readFile(file);
    const data: unknown = JSON.parse((m[2] ? gunzipSync(raw) : raw).toString('utf8'));
    if (!Array.isArray(data)) throw new Error(`${file}: not a JSON array of API items`);
    days.set(m[1]!, data);
  }
  return days;
}

export function buildSite(days: ReadonlyMap<string, readonly unknown[]>, fixedToday?: string): Site {
  const dates = [...days]
    .filter(([d, items]) => isDate(d) && items.length > 0)
    .map(([d]) => d)
    .sort();
  // Left unset, "today" follows the data so that a day added at runtime is not in the future.
  const today = fixedToday ?? (dates.length ? addDays(dates[dates.length - 1]!, 1) : '1970-01-01');
  const papers = new Map<string, { item: unknown; date: string }>();
  for (const date of dates) {
    if (date > today) break; // the site does not know tomorrow's papers yet
    for (const item of days.get(date)!) {
      const id = paperIdOf(item);
      if (id !== undefined) papers.set(id, { item, date });
    }
  }
  return { days, dates, papers, today };
}

/** Index of the last element <= date, or -1. */
function lastAtOrBefore(dates: readonly string[], date: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The earlier of two YYYY-MM-DD dates (they sort as strings). */
const earlier = (a: string, b: string): string => (a <= b ? a : b);

/** The latest day with papers strictly before `date`, not after today. */
export function previousDay(site: Site, date: string): string | null {
  const i = lastAtOrBefore(site.dates, earlier(addDays(date, -1), site.today));
  return i >= 0 ? site.dates[i]! : null;
}

/** The first day with papers after `date`, not after today. */
export function nextDay(site: Site, date: string): string | null {
  const next = site.dates[lastAtOrBefore(site.dates, date) + 1];
  return next !== undefined && next <= site.today ? next : null;
}

/** The newest day with papers that is not in the fake site's future. */
export function newestDay(site: Site): string | null {
  const i = lastAtOrBefore(site.dates, site.today);
  return i >= 0 ? site.dates[i]! : null;
}

export function hasPapers(site: Site, date: string): boolean {
  return date <= site.today && (site.days.get(date)?.length ?? 0) > 0;
}

export type ListingTarget = { kind: 'page'; date: string } | { kind: 'redirect'; date: string } | { kind: 'not-found' };

/**
 * Where /papers/date/<date> lands: the day itself, or a redirect to the latest earlier day with
 * papers (to the newest day for a future date, to the earliest for one before the archive).
 */
export function listingTarget(site: Site, date: string): ListingTarget {
  if (!isDate(date)) return { kind: 'not-found' };
  if (hasPapers(site, date)) return { kind: 'page', date };
  const newest = newestDay(site);
  if (newest === null) return { kind: 'not-found' };
  if (date > site.today) return { kind: 'redirect', date: newest };
  const earlier = previousDay(site, date);
  return { kind: 'redirect', date: earlier ?? site.dates[0]! };
}
