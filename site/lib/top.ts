// The "top papers" pages: the most upvoted papers of each year and of all time. A paper counts
// with its freshest upvotes (the newest day that listed it) and belongs to the year of the day
// it was first featured, as the search page files it. Ties are broken as Hugging Face's week
// and month views break them (lib/archive-index.ts compareByUpvotes). Pure.
import { compareByUpvotes, type PaperEntry } from './archive-index.ts';

/** How many papers a top page ranks. */
export const TOP_SIZE = 100;

/** The `n` most upvoted of `entries`, ranked. */
export function topPapers(entries: Iterable<PaperEntry>, n = TOP_SIZE): PaperEntry[] {
  return [...entries].sort(compareByUpvotes).slice(0, n);
}

/** Year ("2026") → its `n` most upvoted papers, ranked; years newest first. */
export function topByYear(entries: Iterable<PaperEntry>, n = TOP_SIZE): Map<string, PaperEntry[]> {
  const byYear = new Map<string, PaperEntry[]>();
  for (const e of entries) {
    const year = e.firstDate.slice(0, 4);
    const list = byYear.get(year) ?? [];
    byYear.set(year, list);
    list.push(e);
  }
  const years = [...byYear.keys()].sort().reverse();
  return new Map(years.map((y) => [y, topPapers(byYear.get(y)!, n)]));
}
