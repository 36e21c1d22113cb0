// How fresh the archive is: when it last changed, and whether its newest listing day is so old
// that the job that keeps it has probably stopped. Pure, and shared by the build (the pages) and
// the browser (client/staleness.ts reveals the notice by the reader's clock), so it imports
// nothing at run time: the page's script stays a few hundred bytes.
//
// "Updated" is the newest listing check: the newest `at` in the ledger among the dates the
// archive settled (a day held, or known to have no listing) by asking Hugging Face (its pages or
// its API), not the newest `fetchedAt` of a day file, and never when the site was built: every
// run of the nightly adds a ledger entry for each new date it settles, weekends and holidays
// included, while a day file (and its fetchedAt) is only written when a listing changed, so
// fetchedAt would make a healthy archive look two days old every Monday. Failed attempts are left
// out (a run that got nothing did not update the archive), and so are imports, whose time is when
// old answers were copied in, not when Hugging Face was asked. The newest fetchedAt of a day
// fetched from Hugging Face is the fallback for an archive without a ledger. An archive never
// checked against Hugging Face (imported dumps only) has no such time: it is a snapshot, as of
// its newest day.
import type { LedgerEntry } from '../../scraper/archive/index.ts';

const DAY_MS = 86_400_000;

/**
 * Weekdays that may pass with no new listing day before the notice shows. Hugging Face lists
 * papers every weekday (weekends have none), and the nightly archives a day within hours of its
 * end; three missed weekdays are more than a late run or a one-day holiday explain.
 */
export const STALE_AFTER_WEEKDAYS = 3;

/** "YYYY-MM-DD" of a moment, in UTC (listing days are UTC days). */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const dayMs = (date: string): number => Date.parse(`${date}T00:00:00.000Z`);

/**
 * Weekdays (Monday to Friday) strictly after `from` and strictly before `to`: the days whose
 * listing should have been archived by `to`, since `to` itself has not ended. 0 when `to` is not
 * after `from`, or either is not a date.
 */
export function weekdaysBetween(from: string, to: string): number {
  const start = dayMs(from) + DAY_MS;
  const end = dayMs(to);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return 0;
  const days = Math.round((end - start) / DAY_MS);
  let count = Math.floor(days / 7) * 5;
  const firstWeekday = new Date(start).getUTCDay();
  for (let i = 0; i < days % 7; i++) {
    const dow = (firstWeekday + i) % 7;
    if (dow !== 0 && dow !== 6) count++;
  }
  return count;
}

/** Whether an archive whose newest listing day is `newestDay` looks abandoned on `today`. */
export function isStale(newestDay: string, today: string, after = STALE_AFTER_WEEKDAYS): boolean {
  return weekdaysBetween(newestDay, today) >= after;
}

/** When the archive last checked a listing with Hugging Face (an ISO time), or null when it never did. */
export function lastUpdated(
  entries: Iterable<Pick<LedgerEntry, 'status' | 'at' | 'via'>>,
  days: Iterable<{ fetchedAt: string; via: LedgerEntry['via'] }> = [],
): string | null {
  const newest = (times: Iterable<string>): string | null => {
    let best: string | null = null;
    for (const t of times) {
      if (Number.isFinite(Date.parse(t)) && (best === null || Date.parse(t) > Date.parse(best))) best = t;
    }
    return best;
  };
  const settled = [...entries].filter((e) => e.status !== 'failed' && e.via !== 'import').map((e) => e.at);
  return newest(settled) ?? newest([...days].filter((d) => d.via !== 'import').map((d) => d.fetchedAt));
}

/** "2026-08-08 01:00 UTC" for "2026-08-08T01:00:12.345Z". */
export function updatedLabel(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const t = new Date(ms).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)} UTC`;
}

/** The notice's sentence, for the newest day written out ("Wednesday, 5 August 2026"). */
export function staleMessage(newestDayLong: string): string {
  return `Its newest day is ${newestDayLong}, though Hugging Face lists papers every weekday.`;
}
