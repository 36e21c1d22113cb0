// How the stats page ranks (lib/stats.ts): the organizations and keywords of a quarter, by
// papers, ties sharing a rank, and a share written as a percent with one decimal. Pure.

/** A share of a whole, in percent, one decimal: 41.2. */
export const percentOf = (part: number, whole: number): number => Math.round((part / whole) * 1000) / 10;

/** One collator for every comparison of names: localeCompare with options builds one per call. */
const collator = new Intl.Collator('en', { sensitivity: 'base' });
export const compareNames = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Ranks 1, 2, 2, 4 (papers tied share a rank, the next rank counts them), at most `top` rows:
 * by papers, then by `name`, so that a tie at the cut is always cut the same way. Names are
 * compared only among the few at or above the cut (a quarter has thousands of keywords).
 */
export function ranked<T>(counts: Iterable<[T, number]>, name: (t: T) => string, whole: number, top: number) {
  const all = [...counts];
  const descending = all.map(([, n]) => n).sort((a, b) => b - a);
  const cut = descending[Math.min(top, descending.length) - 1] ?? 0;
  const sorted = all.filter(([, n]) => n >= cut).sort((a, b) => b[1] - a[1] || compareNames(name(a[0]), name(b[0])));
  return sorted.slice(0, top).map(([item, papers]) => ({
    item,
    rank: 1 + descending.indexOf(papers),
    papers,
    percent: percentOf(papers, whole),
  }));
}
