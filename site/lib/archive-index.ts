// The archive as the site needs it, built once per build from the day files: what each page
// looks up (a day's neighbours, a paper's days, a week's or month's ranking) is a map lookup,
// never a scan of every day. Pure: days in, indexes out.
import { type Day, isoWeek, type Paper } from '../../scraper/archive/index.ts';

export type Featuring = { date: string; rank: number };

export type PaperEntry = {
  id: string;
  /** The record from the newest day that listed the paper: its freshest counts. */
  paper: Paper;
  /** Every day that listed it, oldest first. */
  featured: readonly Featuring[];
  firstDate: string;
  lastDate: string;
};

export type ArchiveIndex = {
  /** Every held day, oldest first. */
  days: readonly Day[];
  newest: Day | null;
  dayByDate: ReadonlyMap<string, Day>;
  neighbours: (date: string) => { previous: string | null; next: string | null };
  papers: ReadonlyMap<string, PaperEntry>;
  /** "2026-W32" → the week's papers, ranked. Only periods with papers are keys. */
  weeks: ReadonlyMap<string, readonly PaperEntry[]>;
  /** "2026-08" → the month's papers, ranked. */
  months: ReadonlyMap<string, readonly PaperEntry[]>;
  weekKeys: readonly string[];
  monthKeys: readonly string[];
};

/** Hugging Face ranks its week and month views by upvotes; ties keep the listing's order. */
export function compareByUpvotes(a: PaperEntry, b: PaperEntry): number {
  return (
    b.paper.upvotes - a.paper.upvotes ||
    a.firstDate.localeCompare(b.firstDate) ||
    a.featured[0]!.rank - b.featured[0]!.rank ||
    a.id.localeCompare(b.id)
  );
}

function sortedKeys(map: ReadonlyMap<string, unknown>): string[] {
  return [...map.keys()].sort();
}

export function buildArchiveIndex(input: readonly Day[]): ArchiveIndex {
  const days = [...input].sort((a, b) => a.date.localeCompare(b.date));
  const dayByDate = new Map(days.map((d) => [d.date, d]));
  const position = new Map(days.map((d, i) => [d.date, i]));

  const papers = new Map<string, { id: string; paper: Paper; featured: Featuring[] }>();
  const weekIds = new Map<string, Set<string>>();
  const monthIds = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, id: string): void => {
    const set = map.get(key) ?? new Set<string>();
    map.set(key, set);
    set.add(id);
  };

  for (const day of days) {
    const week = isoWeek(day.date);
    const month = day.date.slice(0, 7);
    for (const paper of day.papers) {
      const seen = papers.get(paper.id);
      // Days are visited oldest first, so the last record written is the newest.
      if (seen) {
        seen.paper = paper;
        seen.featured.push({ date: day.date, rank: paper.rank });
      } else {
        papers.set(paper.id, { id: paper.id, paper, featured: [{ date: day.date, rank: paper.rank }] });
      }
      add(weekIds, week, paper.id);
      add(monthIds, month, paper.id);
    }
  }

  const entries = new Map<string, PaperEntry>();
  for (const p of papers.values()) {
    entries.set(p.id, {
      ...p,
      firstDate: p.featured[0]!.date,
      lastDate: p.featured.at(-1)!.date,
    });
  }
  const ranked = (ids: Map<string, Set<string>>): Map<string, PaperEntry[]> =>
    new Map([...ids].map(([key, set]) => [key, [...set].map((id) => entries.get(id)!).sort(compareByUpvotes)]));
  const weeks = ranked(weekIds);
  const months = ranked(monthIds);

  return {
    days,
    newest: days.at(-1) ?? null,
    dayByDate,
    neighbours: (date) => {
      const i = position.get(date);
      if (i === undefined) return { previous: null, next: null };
      return { previous: days[i - 1]?.date ?? null, next: days[i + 1]?.date ?? null };
    },
    papers: entries,
    weeks,
    months,
    weekKeys: sortedKeys(weeks),
    monthKeys: sortedKeys(months),
  };
}

/** The keys before and after `key` in a sorted list: a week's or month's neighbours. */
export function adjacent(keys: readonly string[], key: string): { previous: string | null; next: string | null } {
  const i = keys.indexOf(key);
  if (i < 0) return { previous: null, next: null };
  return { previous: keys[i - 1] ?? null, next: keys[i + 1] ?? null };
}
