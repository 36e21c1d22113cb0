// The keywords' part of the stats (lib/stats.ts): how many papers carry each keyword in each
// quarter, when its first paper was featured, and the spelling to show. Apart because it is the
// costly part: the full corpus's papers carry 85,774 keywords (54,172 spellings), so each is
// looked up once, in one map, as the papers are read in the order they were first featured, and
// a quarter's count is kept only once two papers share it. Pure.
import type { PaperEntry } from './archive-index.ts';
import { filterKey } from './search-keys.ts';
import { quarterOf } from './stats-periods.ts';

/** Letters, digits and signs of ASCII, single spaces between: every keyword but a few dozen. */
const PLAIN_ASCII = /^[!-~]+(?: [!-~]+)*$/;

/**
 * A keyword as the search's keyword filter compares it (lib/search-keys.ts filterKey):
 * keywordKey's case and spaces, and accents folded too, so that "Vidéo generation" and "video
 * generation" are one keyword and the number shown is the number of papers its link finds.
 */
export function statsKeywordKey(keyword: string): string {
  // Plain ASCII has no accent nor space to fold: the same key without Unicode normalization,
  // which would otherwise take most of the stats' time.
  return PLAIN_ASCII.test(keyword) ? keyword.toLowerCase() : filterKey(keyword);
}

type Tally = {
  papers: number;
  first: string;
  /** The quarter being counted, and its papers so far. */
  quarter: string;
  inQuarter: number;
  /** The first spelling and its papers, until another spelling turns up: then all in `spellings`. */
  spelling: string;
  spellingPapers: number;
  spellings: Map<string, number> | null;
};

export type KeywordCounts = {
  /** Quarter → the keywords at least `min` of its papers carry, with their number. */
  quarters: Map<string, [key: string, papers: number][]>;
  /** Every keyword's first day and papers, by key. */
  keywords: ReadonlyMap<string, { first: string; papers: number }>;
  /** The spelling to show: the one the most of its papers use, the earliest on a tie. */
  label: (key: string) => string;
};

export function countKeywords(papers: Iterable<PaperEntry>, min: number): KeywordCounts {
  let entries = [...papers];
  // The archive's index lists papers as first featured (archive-index.ts): sorted only if not.
  if (entries.some((e, i) => i > 0 && e.firstDate < entries[i - 1]!.firstDate)) {
    entries = entries.sort((a, b) => (a.firstDate < b.firstDate ? -1 : a.firstDate > b.firstDate ? 1 : 0));
  }
  const tallies = new Map<string, Tally>();
  const quarters = new Map<string, [string, number][]>();
  const close = (key: string, t: Tally): void => {
    if (t.inQuarter < min) return;
    const list = quarters.get(t.quarter) ?? [];
    quarters.set(t.quarter, list);
    list.push([key, t.inQuarter]);
  };
  const seen: string[] = [];
  let date = '';
  let quarter = '';
  for (const entry of entries) {
    if (entry.firstDate !== date) {
      date = entry.firstDate;
      quarter = quarterOf(date);
    }
    seen.length = 0;
    for (const raw of entry.paper.aiKeywords) {
      const key = statsKeywordKey(raw);
      // A paper counts once for a keyword, however many of its spellings it lists.
      if (key === '' || seen.includes(key)) continue;
      seen.push(key);
      // The schema keeps a keyword to one line of single spaces: its spelling is as written.
      const spelling = raw;
      let t = tallies.get(key);
      if (!t) {
        t = { papers: 0, first: date, quarter, inQuarter: 0, spelling, spellingPapers: 0, spellings: null };
        tallies.set(key, t);
      } else if (t.quarter !== quarter) {
        close(key, t);
        t.quarter = quarter;
        t.inQuarter = 0;
      }
      t.papers++;
      t.inQuarter++;
      if (t.spellings) t.spellings.set(spelling, (t.spellings.get(spelling) ?? 0) + 1);
      else if (spelling === t.spelling) t.spellingPapers++;
      else
        t.spellings = new Map([
          [t.spelling, t.spellingPapers],
          [spelling, 1],
        ]);
    }
  }
  for (const [key, t] of tallies) close(key, t);
  return {
    quarters,
    keywords: tallies,
    label: (key) => {
      const t = tallies.get(key);
      if (!t) return key;
      if (!t.spellings) return t.spelling;
      // Map order is first use: a tie keeps the earliest spelling.
      let best: [string, number] = ['', 0];
      for (const s of t.spellings) if (s[1] > best[1]) best = s;
      return best[0];
    },
  };
}
