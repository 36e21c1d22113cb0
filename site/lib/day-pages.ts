// Every date in the archive's range has a page, so a link to a Saturday, a holiday or a day the
// archive failed to fetch never ends on "not found": the page says why there are no papers, in
// the ledger's words where it has some, and links to the nearest days with papers. Pure: the
// calendar (lib/calendar.ts) has already decided each date's status.
import type { CalendarDay, CalendarStatus, CalendarYear } from './calendar.ts';

/** Every date from the archive's first known date to its last, oldest first, with its status. */
export function rangeDays(calendar: readonly CalendarYear[]): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const year of calendar) {
    for (const month of year.months) {
      for (const week of month.weeks) {
        for (const d of week.days) if (d && d.status !== 'outside') days.push(d);
      }
    }
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** The nearest held dates before and after `date` in `held` (sorted, oldest first). */
export function nearestHeld(date: string, held: readonly string[]): { previous: string | null; next: string | null } {
  let lo = 0;
  let hi = held.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (held[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  const next = held[lo] === date ? held[lo + 1] : held[lo];
  return { previous: held[lo - 1] ?? null, next: next ?? null };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const weekdayOf = (date: string): string => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
const isWeekendDate = (date: string): boolean => /^S/.test(weekdayOf(date));

export type MissingDayText = {
  /** A short name for the case, as the page's heading ends: "no listing". */
  label: string;
  /** Why the archive has no papers for the day, in one or two sentences. */
  why: string;
  /** The ledger's own words, when it has some ("HTTP 503 from huggingface.co"). */
  note: string | null;
};

/** What a day without papers says about itself. */
export function missingDayText(day: Pick<CalendarDay, 'date' | 'status' | 'reason'>): MissingDayText {
  const weekday = weekdayOf(day.date);
  const note = day.reason?.trim() || null;
  const texts: Record<Exclude<CalendarStatus, 'held' | 'partial' | 'outside'>, MissingDayText> = {
    'no-listing': {
      label: 'no listing',
      why: isWeekendDate(day.date)
        ? `Hugging Face lists no papers on a ${weekday}: the archive asked, and there was no listing.`
        : `Hugging Face had no listing for this ${weekday} (a holiday, or a day it skipped): the archive asked, and there was none.`,
      note,
    },
    weekend: {
      label: 'weekend',
      why: `A ${weekday}: Hugging Face lists no papers at weekends, so the archive did not ask for this day.`,
      note: null,
    },
    failed: {
      label: 'not fetched',
      why: `The archive tried to fetch this ${weekday} and could not; the next run that asks for it may succeed.`,
      note,
    },
    'never-tried': {
      label: 'never fetched',
      why: `The archive has never fetched this ${weekday}. Hugging Face probably listed papers on it: see them there.`,
      note: null,
    },
    'file-lost': {
      label: 'file missing',
      why: `The archive fetched this ${weekday}, but its day file is missing from the archive now.`,
      note,
    },
  };
  const status = day.status === 'held' || day.status === 'partial' || day.status === 'outside' ? null : day.status;
  return status ? texts[status] : { label: 'papers', why: '', note: null };
}
