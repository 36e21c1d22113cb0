// What the reading pages compute from the whole archive, once per build: how many papers share
// each keyword (the cards' chips), the top papers of each year and of all time, the
// organizations (their pages, and where a card's organization links), and every date of the
// archive's range with its status (a page for each). Built lazily from what siteData()
// returns and kept per archive object, so 12,000 cards ask a map, never walk the archive.
import type { ArchiveIndex, PaperEntry } from './archive-index.ts';
import type { CalendarDay, CalendarYear } from './calendar.ts';
import { rangeDays } from './day-pages.ts';
import { type KeywordCounts, keywordCounts } from './keywords.ts';
import { buildOrganizations, type Organizations } from './organizations.ts';
import { topByYear, topPapers } from './top.ts';

export type ArchiveLike = Pick<ArchiveIndex, 'papers' | 'days'> & { calendar: readonly CalendarYear[] };

export type Derived = {
  keywords: KeywordCounts;
  /** The most upvoted papers of all time, ranked. */
  top: PaperEntry[];
  /** Year → its most upvoted papers, ranked; years newest first. */
  topYears: Map<string, PaperEntry[]>;
  organizations: Organizations;
  /** Every date from the first known to the last, oldest first, with its status. */
  range: CalendarDay[];
  rangeByDate: ReadonlyMap<string, CalendarDay>;
  /** The dates with papers, oldest first. */
  heldDates: string[];
};

const cache = new WeakMap<object, Derived>();

export function derived(data: ArchiveLike): Derived {
  let d = cache.get(data);
  if (!d) {
    const entries = [...data.papers.values()];
    const range = rangeDays(data.calendar);
    d = {
      keywords: keywordCounts(entries.map((e) => e.paper)),
      top: topPapers(entries),
      topYears: topByYear(entries),
      organizations: buildOrganizations(data),
      range,
      rangeByDate: new Map(range.map((day) => [day.date, day])),
      heldDates: data.days.map((day) => day.date),
    };
    cache.set(data, d);
  }
  return d;
}
