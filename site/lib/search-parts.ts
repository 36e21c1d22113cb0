// The search index in two parts, so that a nightly build indexes only what a night can change.
// Pagefind cannot add to an index it wrote: every build indexed every paper again (24 s of a
// 29 s nightly on the full archive, bench/RESULTS.md). A night re-fetches its day and the three
// before it, so papers first featured before the month before the newest day's month do not
// change from one night to the next: they make the main index (dist/pagefind/), which the build
// keeps in its cache and copies while it stays the same (site/integrations/search-index-cache.ts);
// the papers since make a small second index beside it (dist/pagefind/recent/), built every time.
// The search page merges the second into the first (Pagefind's mergeIndex), which lists a
// search of nothing part after part: the main part's papers are all older than the recent
// part's, so the order the paper table relies on (search-records.ts indexOrder) still holds.
// The recent part also holds one page that is no paper: every word of the main part, so that
// the two answer as one index (site/client/search-pagefind.ts says how).
// Pure: papers in index order in, the two parts out; the main part's records in, that page out.
import type { PaperEntry } from './archive-index.ts';
import { INDEX_LANGUAGE, inertText, type SearchRecord } from './search-records.ts';

/** The recent part's folder, under the main index's. */
export const RECENT_PART = 'recent/';

export type IndexParts = {
  /** The main index: never empty while the archive holds papers. */
  main: PaperEntry[];
  /** The papers first featured since `from`; empty when every paper is (one index then). */
  recent: PaperEntry[];
  from: string;
};

/** The first day of the month before the month of `day` (YYYY-MM-DD). */
export function recentFrom(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const before = new Date(Date.UTC(year, month - 2, 1));
  return before.toISOString().slice(0, 10);
}

/**
 * Splits papers given in index order (oldest first) where the recent part begins, when the main
 * part would hold at least `splitAt` papers (fewer are quicker indexed again than kept).
 */
export function splitIndex(ordered: readonly PaperEntry[], splitAt = 1): IndexParts {
  const newest = ordered.at(-1);
  if (!newest) return { main: [], recent: [], from: '' };
  const from = recentFrom(newest.firstDate);
  const cut = ordered.findIndex((e) => e.firstDate >= from);
  if (cut <= 0 || cut < splitAt) return { main: [...ordered], recent: [], from };
  return { main: ordered.slice(0, cut), recent: ordered.slice(cut), from };
}

/** The recent part's page of the main part's words: a URL no page of the site has. */
export const VOCABULARY_URL = '/search/main-part-words/';

/** Punctuation Pagefind drops from a word's ends: the same word without it is the same indexed word. */
const ENDS = /^[.,;:!?()[\]{}"'“”‘’]+|[.,;:!?()[\]{}"'“”‘’]+$/g;

/**
 * Every word of the main part's records, each once (Pagefind ignores case and the punctuation
 * around a word), as one line: in the body of the page below, Pagefind reads them as it read
 * them in those records (it searches meta fields' words as it searches the body's).
 */
export function mainPartWords(main: readonly SearchRecord[]): string {
  const words = new Set<string>();
  for (const record of main) {
    for (const text of [record.content, ...Object.values(record.meta)]) {
      for (const word of text.toLowerCase().split(/\s+/)) {
        const bare = word.replace(ENDS, '');
        if (bare !== '') words.add(bare);
      }
    }
  }
  return [...words].join(' ');
}

/** The recent part's page of the main part's words (mainPartWords). */
export function vocabularyRecord(words: string): SearchRecord {
  return {
    url: VOCABULARY_URL,
    content: inertText(words),
    language: INDEX_LANGUAGE,
    meta: { title: 'words of the main index' },
    filters: {},
  };
}
