// How "Best match" orders the papers a search finds, and the fixed order every sort ends with.
// Pure: the postings of each query word, the paper table and the archive's size in; a score per
// paper out. Everything it reads is the same whoever built the site and however the files arrive,
// so a search gives the same order every time, in the page and in the terminal.
//
// Text relevance is BM25 over the whole archive, with the fields a word is found in counted as a
// researcher reads them: in the title most, then the keywords, then the authors, organization
// or submitter, and the summary and abstract by how often, for their length; words typed next
// to each other count more where the paper has them side by side. It is then blended
// with the paper's upvotes, damped (a paper with ten times the votes is not ten times as
// relevant), and, when the words are common enough to find many papers, with how recent the
// paper is, counted back from the archive's newest day. Ties (two papers scored alike) go to the
// one with more upvotes, then the newer, then the lower arXiv id.
import { FIELD, type Posting } from './search-index-format.ts';
import type { PaperTable } from './search-table.ts';

/** BM25's saturation and length normalization, as usual. */
const K1 = 1.2;
const B = 0.75;

/** What finding a word in a field is worth, against the body's saturating count (at most 2.2). */
export const FIELD_WEIGHTS = { title: 5, keywords: 2.5, people: 0.8 } as const;
/** What holding two typed words side by side is worth, times the pair's rarity. */
export const PAIR_WEIGHT = 1.5;
const PEOPLE = FIELD.authors | FIELD.organization | FIELD.submitter;

/** The blend: relevance times (1 + votes + recency), each of those between 0 and its weight. */
export const BLEND = {
  upvotes: 1.0,
  /** Votes at which the upvote term is full: few papers have more. */
  upvotesFull: 300,
  recency: 0.35,
  /** Days over which recency halves. */
  halfLife: 365,
  /** Papers found for a query to count as broad (recency then counts). */
  broad: 100,
} as const;

export type RankInput = {
  /** For each query word: its postings by paper, and how many papers hold it. */
  words: { byPaper: Map<number, Posting>; papers: number }[];
  /**
   * For each pair of neighbouring words typed (not quoted): the papers holding them side by side,
   * which count as more relevant than papers holding them apart.
   */
  pairs?: { papers: Set<number> }[];
  table: PaperTable;
  /** Papers in the archive, and their mean body length. */
  papers: number;
  meanLength: number;
  /** The archive's newest day (YYYY-MM-DD). */
  newest: string;
};

const DAY_MS = 86_400_000;

/** The text relevance of paper `i` (BM25F-like; 0 when it holds none of the words). */
export function textScore(i: number, input: RankInput): number {
  let score = 0;
  const length = input.table.length(i);
  const norm = K1 * (1 - B + (B * length) / Math.max(1, input.meanLength));
  for (const word of input.words) {
    const p = word.byPaper.get(i);
    if (!p) continue;
    const idf = Math.log(1 + (input.papers - word.papers + 0.5) / (word.papers + 0.5));
    let fields = 0;
    if (p.fields & FIELD.title) fields += FIELD_WEIGHTS.title;
    if (p.fields & FIELD.keywords) fields += FIELD_WEIGHTS.keywords;
    if (p.fields & PEOPLE) fields += FIELD_WEIGHTS.people;
    const body = p.count > 0 ? (p.count * (K1 + 1)) / (p.count + norm) : 0;
    score += idf * (fields + body);
  }
  for (const pair of input.pairs ?? []) {
    if (pair.papers.has(i))
      score += PAIR_WEIGHT * Math.log(1 + (input.papers - pair.papers.size + 0.5) / (pair.papers.size + 0.5));
  }
  return score;
}

/** Best-match scores of the papers found, relevance blended with votes and (when broad) recency. */
export function bestMatch(found: readonly number[], input: RankInput): Map<number, number> {
  const text = new Map(found.map((i) => [i, textScore(i, input)]));
  let top = 0;
  for (const t of text.values()) if (t > top) top = t;
  const broad = found.length >= BLEND.broad;
  const newest = Date.parse(`${input.newest}T00:00:00Z`) / DAY_MS;
  const scores = new Map<number, number>();
  for (const i of found) {
    const relevance = top > 0 ? text.get(i)! / top : 0;
    const votes = Math.min(1, Math.log1p(input.table.upvotes(i)) / Math.log1p(BLEND.upvotesFull));
    const age = Math.max(0, newest - input.table.dayNumber(i));
    const recent = broad ? 0.5 ** (age / BLEND.halfLife) : 0;
    // Rounded, so that two papers alike tie exactly rather than by floating-point noise.
    const score = relevance * (1 + BLEND.upvotes * votes + BLEND.recency * recent);
    scores.set(i, Math.round(score * 1e9) / 1e9);
  }
  return scores;
}

/**
 * The order every list ends with: more upvotes first, then the newer, then the lower arXiv id
 * (within a day the table is in id order, search-index-build.ts indexOrder).
 */
export function byVotesDateId(table: PaperTable): (a: number, b: number) => number {
  return (a, b) => table.upvotes(b) - table.upvotes(a) || table.dayNumber(b) - table.dayNumber(a) || a - b;
}

export type Order = 'best' | 'upvotes' | 'newest' | 'oldest';

/** The papers in the order asked for; `scores` for Best match. */
export function arrange(
  found: readonly number[],
  order: Order,
  table: PaperTable,
  scores?: Map<number, number>,
): number[] {
  const ties = byVotesDateId(table);
  const list = [...found];
  if (order === 'best' && scores) list.sort((a, b) => scores.get(b)! - scores.get(a)! || ties(a, b));
  else if (order === 'upvotes' || order === 'best') list.sort(ties);
  else if (order === 'newest') list.sort((a, b) => table.dayNumber(b) - table.dayNumber(a) || a - b);
  else list.sort((a, b) => a - b);
  return list;
}
