// The nearest terms a search that found nothing offers ("difusion" → diffusion): the archive's
// words, made at build time, and the closest of them to a word typed. The index's shards are cut
// by key, not meant to be walked for near spellings; a list of the words that
// several papers share, most shared first, is small enough to fetch only when a search found
// nothing. Pure: the build (site/integrations/search-index.ts) makes the list, the search page
// (site/client/search-nearest.ts) reads it.
import type { PaperEntry } from './archive-index.ts';

/** Words of at least this many papers: rarer ones are mostly typos and names, no help as a suggestion. */
export const MIN_PAPERS = 3;
/** At most this many words (about 60 KB, 25 KB compressed, for the full archive). */
export const MAX_WORDS = 8000;

/** Lower-case words of letters (a hyphen or digit inside a word splits it, as the index does). */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/\p{L}{3,}/gu) ?? []
  );
}

/** The words of titles, keywords, summaries and abstracts that at least MIN_PAPERS papers hold. */
export function vocabulary(papers: Iterable<PaperEntry>): string[] {
  const count = new Map<string, number>();
  for (const { paper } of papers) {
    const text = [paper.title, paper.aiKeywords.join(' '), paper.aiSummary ?? '', paper.abstract].join(' ');
    for (const word of new Set(wordsOf(text))) count.set(word, (count.get(word) ?? 0) + 1);
  }
  return [...count]
    .filter(([, n]) => n >= MIN_PAPERS)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_WORDS)
    .map(([word]) => word);
}

/**
 * Edit distance with adjacent swaps ("agnet" → "agent" is 1), or `limit + 1` as soon as it is
 * sure to exceed `limit`: most of the list is ruled out by its first letters.
 */
export function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * The archive's words nearest a typed word, closest first, then most shared: one edit away for
 * a short word, two for a word of seven letters or more; none for a word the archive has.
 */
export function nearestWords(word: string, words: readonly string[], count = 3): string[] {
  const [typed] = wordsOf(word);
  if (!typed || typed.length < 4 || words.includes(typed)) return [];
  const limit = typed.length >= 7 ? 2 : 1;
  const found: { word: string; d: number; rank: number }[] = [];
  words.forEach((candidate, rank) => {
    const d = distance(typed, candidate, limit);
    if (d <= limit) found.push({ word: candidate, d, rank });
  });
  return found
    .sort((a, b) => a.d - b.d || a.rank - b.rank)
    .slice(0, count)
    .map((f) => f.word);
}
