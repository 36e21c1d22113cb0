// The archive calendar: every day from the first date the archive knows to the last, and what
// it holds for it. A day without a file says why, from the ledger, with the same rules as
// `papers status` (scraper/archive/coverage.ts): a quiet day and a lost one look different.
import { type DayStatus, dateRange, isoWeek, isWeekend, type Ledger, weekday } from '../../scraper/archive/index.ts';

export type CalendarStatus =
  | 'held' // a day file, complete
  | 'partial' // a day file, something known missing
  | 'no-listing' // Hugging Face had no listing (weekend, holiday)
  | 'failed' // tried, could not get it
  | 'never-tried' // a weekday nobody tried
  | 'file-lost' // the ledger held it, the file is gone
  | 'weekend' // a weekend day nobody tried: usually no listing
  | 'outside'; // before the archive's first day or after its last

export type CalendarDay = {
  date: string;
  status: CalendarStatus;
  papers: number;
  reason: string | null;
};

export type CalendarWeek = { week: string; days: (CalendarDay | null)[] };

export type CalendarMonth = {
  month: string;
  weeks: CalendarWeek[];
  held: number;
  papers: number;
  /** Days without a file that should say why (weekends without an entry are left out). */
  gaps: CalendarDay[];
};

export type CalendarYear = { year: string; months: CalendarMonth[]; held: number; papers: number };

export type HeldDaySummary = { date: string; status: DayStatus; papers: number };

export const STATUS_LABELS: Record<CalendarStatus, string> = {
  held: 'papers',
  partial: 'papers, partial',
  'no-listing': 'no listing',
  failed: 'failed',
  'never-tried': 'never tried',
  'file-lost': 'file lost',
  weekend: 'weekend',
  outside: '',
};

/** What a calendar cell shows for a day without papers: a few characters fit a phone's width. */
export const STATUS_MARKS: Record<CalendarStatus, string> = {
  held: '',
  partial: '',
  'no-listing': 'none',
  failed: 'failed',
  'never-tried': '?',
  'file-lost': 'lost',
  weekend: '',
  outside: '',
};

export function dayStatus(date: string, held: HeldDaySummary | undefined, ledger: Ledger): CalendarDay {
  if (held) {
    return { date, status: held.status === 'partial' ? 'partial' : 'held', papers: held.papers, reason: null };
  }
  const entry = ledger.days[date];
  if (!entry) return { date, status: isWeekend(date) ? 'weekend' : 'never-tried', papers: 0, reason: null };
  const status: CalendarStatus =
    entry.status === 'no-listing' ? 'no-listing' : entry.status === 'failed' ? 'failed' : 'file-lost';
  return { date, status, papers: 0, reason: entry.reason };
}

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function monthKeys(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.slice(0, 7).split('-').map(Number) as [number, number];
  const end = last.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= end) return out;
    m += 1;
    if (m === 13) [y, m] = [y + 1, 1];
  }
}

function buildMonth(
  month: string,
  first: string,
  last: string,
  held: ReadonlyMap<string, HeldDaySummary>,
  ledger: Ledger,
): CalendarMonth {
  const weeks: CalendarWeek[] = [];
  const gaps: CalendarDay[] = [];
  let heldCount = 0;
  let papers = 0;
  for (const date of dateRange(`${month}-01`, lastDayOfMonth(month))) {
    const day: CalendarDay =
      date < first || date > last
        ? { date, status: 'outside', papers: 0, reason: null }
        : dayStatus(date, held.get(date), ledger);
    if (day.status === 'held' || day.status === 'partial') {
      heldCount += 1;
      papers += day.papers;
    } else if (day.status !== 'outside' && day.status !== 'weekend') {
      gaps.push(day);
    }
    const week = isoWeek(date);
    let row = weeks.at(-1);
    if (!row || row.week !== week) {
      row = { week, days: Array.from({ length: 7 }, () => null) };
      weeks.push(row);
    }
    row.days[(weekday(date) + 6) % 7] = day; // Monday first, as ISO weeks are
  }
  return { month, weeks, held: heldCount, papers, gaps };
}

/** Years newest first, their months oldest first (a calendar reads forwards). */
export function buildCalendar(heldDays: readonly HeldDaySummary[], ledger: Ledger): CalendarYear[] {
  const held = new Map(heldDays.map((d) => [d.date, d]));
  const known = [...new Set([...held.keys(), ...Object.keys(ledger.days)])].sort();
  const first = known[0];
  const last = known.at(-1);
  if (!first || !last) return [];
  const years = new Map<string, CalendarYear>();
  for (const month of monthKeys(first, last)) {
    const m = buildMonth(month, first, last, held, ledger);
    const year = month.slice(0, 4);
    const y = years.get(year) ?? { year, months: [], held: 0, papers: 0 };
    years.set(year, y);
    y.months.push(m);
    y.held += m.held;
    y.papers += m.papers;
  }
  return [...years.values()].reverse();
}
