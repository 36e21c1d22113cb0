// What the archive covers, from its day files and its ledger: the numbers `papers status`
// prints and the site's calendar shows. Pure: data in, data out.
import { dateRange, isWeekend } from './dates.ts';
import type { Day, Ledger } from './schema.ts';

/** "file lost": the ledger says the day was held, but its file is gone. */
export type MissingWhy = 'never tried' | 'failed' | 'no listing' | 'file lost';

export type Coverage = {
  first: string | null;
  last: string | null;
  held: number;
  ok: number;
  partial: number;
  papers: number;
  /** Distinct papers: a paper featured on two days counts once. */
  distinctPapers: number;
  weekendDaysHeld: number;
  /** Weekdays between first and last known date with no day file, and why. */
  missingWeekdays: { date: string; why: MissingWhy; reason: string | null }[];
  /** Day files the ledger does not know (written by hand, or by a run killed before its ledger write). */
  untracked: string[];
  /** Dates the ledger says are held but whose file is gone. */
  lost: string[];
};

export type HeldDay = Pick<Day, 'date' | 'status'> & { paperIds: readonly string[] };

export function heldDay(day: Day): HeldDay {
  return { date: day.date, status: day.status, paperIds: day.papers.map((p) => p.id) };
}

export function computeCoverage(days: readonly HeldDay[], ledger: Ledger): Coverage {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const known = [...new Set([...byDate.keys(), ...Object.keys(ledger.days)])].sort();
  const first = known[0] ?? null;
  const last = known.at(-1) ?? null;
  const distinct = new Set(days.flatMap((d) => d.paperIds));

  const missingWeekdays: Coverage['missingWeekdays'] = [];
  if (first && last) {
    for (const date of dateRange(first, last)) {
      if (byDate.has(date) || isWeekend(date)) continue;
      const entry = ledger.days[date];
      const why: MissingWhy = !entry
        ? 'never tried'
        : entry.status === 'no-listing'
          ? 'no listing'
          : entry.status === 'failed'
            ? 'failed'
            : 'file lost';
      missingWeekdays.push({ date, why, reason: entry?.reason ?? null });
    }
  }

  return {
    first,
    last,
    held: days.length,
    ok: days.filter((d) => d.status === 'ok').length,
    partial: days.filter((d) => d.status === 'partial').length,
    papers: days.reduce((n, d) => n + d.paperIds.length, 0),
    distinctPapers: distinct.size,
    weekendDaysHeld: days.filter((d) => isWeekend(d.date)).length,
    missingWeekdays,
    untracked: days.filter((d) => !ledger.days[d.date]).map((d) => d.date),
    lost: Object.entries(ledger.days)
      .filter(([date, e]) => (e.status === 'ok' || e.status === 'partial') && !byDate.has(date))
      .map(([date]) => date)
      .sort(),
  };
}
