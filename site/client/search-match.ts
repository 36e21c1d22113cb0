// The papers a search's words find, and what the ranking needs of each word: the index's postings
// of every word (a word the index lacks stands for the words it begins), of a word written with a
// hyphen (its parts together, or joined), of every quoted phrase (its neighbouring pairs), and of
// the pairs of words typed side by side, which only rank. Given the index (search-index.ts), pure
// set work on postings.
import { type Posting, phraseKey } from '../lib/search-index-format.ts';
import { type QueryPart, STOP_STEMS } from '../lib/search-text.ts';
import type { IndexLookups } from './search-index.ts';

/** Prefix matches a word that the index lacks may stand for: enough for a stem's few forms. */
const PREFIX_KEYS = 40;

type WordPart = Extract<QueryPart, { kind: 'word' }>;

/** The papers holding a word: its stem, else the words it begins. Null: none. */
async function wordPostings(index: IndexLookups, part: Pick<WordPart, 'stem' | 'word'>): Promise<Posting[] | null> {
  const exact = await index.postings(part.stem);
  if (exact) return exact;
  const lists: Posting[][] = [];
  for (const prefix of new Set([part.word, part.stem]))
    lists.push(...(await index.prefixed(prefix, PREFIX_KEYS)).values());
  return lists.length > 0 ? union(lists) : null;
}

/** Postings of several keys as one list: a paper's fields joined, its counts added. */
function union(lists: readonly (readonly Posting[])[]): Posting[] {
  const merged = new Map<number, Posting>();
  for (const list of lists) {
    for (const p of list) {
      const held = merged.get(p.paper);
      merged.set(p.paper, held ? { paper: p.paper, fields: held.fields | p.fields, count: held.count + p.count } : p);
    }
  }
  return [...merged.values()].sort((a, b) => a.paper - b.paper);
}

/** The papers in every list, their postings joined. */
function intersection(lists: readonly (readonly Posting[])[]): Posting[] {
  const sets = lists.map((l) => new Set(l.map((p) => p.paper)));
  return union(lists).filter((p) => sets.every((s) => s.has(p.paper)));
}

export const papersOf = (postings: readonly Posting[] | null): Set<number> => new Set(postings?.map((p) => p.paper));

/** The papers in every list, ascending: each list ascending, as the index gives postings. */
function intersectSorted(lists: readonly (readonly Posting[])[]): number[] {
  if (lists.length === 0) return [];
  const [smallest, ...rest] = [...lists].sort((a, b) => a.length - b.length);
  let out = smallest!.map((p) => p.paper);
  for (const list of rest) {
    const kept: number[] = [];
    let k = 0;
    for (const i of out) {
      while (k < list.length && list[k]!.paper < i) k++;
      if (k === list.length) break;
      if (list[k]!.paper === i) kept.push(i);
    }
    out = kept;
  }
  return out;
}

/** A word's postings of the papers found only (both ascending): what the ranking looks up. */
function postingsOf(postings: readonly Posting[], found: readonly number[]): Map<number, Posting> {
  const out = new Map<number, Posting>();
  let k = 0;
  for (const p of postings) {
    while (k < found.length && found[k]! < p.paper) k++;
    if (k === found.length) break;
    if (found[k] === p.paper) out.set(p.paper, p);
  }
  return out;
}

export type Matched = {
  /** Ascending. */
  papers: number[];
  /** Each word's postings of the papers found, and how many papers of the archive hold it; empty unless ranked. */
  words: { byPaper: Map<number, Posting>; papers: number }[];
  /** The papers holding each pair of neighbouring words typed (not quoted) side by side. */
  pairs: { papers: Set<number> }[];
  stems: Set<string>;
};

/**
 * The postings of one part, for matching and for ranking. A word: its own, for both. A word with
 * a hyphen: the papers holding its parts or the parts joined, for matching; each part (with the
 * joined word's papers) for ranking, so that "text" and "image" weigh as words. A phrase: its
 * words, for both.
 */
async function partPostings(index: IndexLookups, part: QueryPart): Promise<{ match: Lists; rank: Lists }> {
  if (part.kind === 'word') {
    const postings = [await wordPostings(index, part)];
    return { match: postings, rank: postings };
  }
  if (part.kind === 'phrase') {
    const postings = await Promise.all(part.stems.map((stem) => wordPostings(index, { stem, word: stem })));
    return { match: postings, rank: postings };
  }
  const [joined, ...split] = await Promise.all([part.joined, ...part.parts].map((w) => wordPostings(index, w)));
  const together = split.every((l) => l !== null) ? intersection(split as Posting[][]) : [];
  const either = union([together, joined ?? []]);
  return {
    match: [either.length > 0 ? either : null],
    rank: split.map((l) => union([l ?? [], joined ?? []])),
  };
}

type Lists = (Posting[] | null)[];

/**
 * Neighbouring pairs looked up for the ranking, at most: a pair only adds a bonus, and a long
 * query (a title pasted whole) would otherwise fetch a shard or two per pair on top of its words'.
 */
export const MOST_RANK_PAIRS = 6;

/**
 * The papers holding every part of the words, and each word's postings for the ranking; the
 * pairs of words typed side by side only when `rank` (Best match: another order has no use of them).
 */
export async function matchWords(
  index: IndexLookups,
  parts: readonly QueryPart[],
  { rank = true }: { rank?: boolean } = {},
): Promise<Matched> {
  const phrasePairs = parts.flatMap((p) =>
    p.kind === 'phrase' ? p.stems.slice(1).map((stem, k) => phraseKey(p.stems[k]!, stem)) : [],
  );
  // Neighbouring words typed apart (a hyphen's parts too): their pairs only rank, never narrow.
  const loose = parts.flatMap((p) =>
    p.kind === 'word'
      ? [p.stem]
      : p.kind === 'either'
        ? p.parts.map((w) => w.stem).filter((w) => !STOP_STEMS.has(w))
        : [],
  );
  const rankPairs = rank ? loose.slice(1, MOST_RANK_PAIRS + 1).map((stem, k) => phraseKey(loose[k]!, stem)) : [];
  const [postings, phrases, pairs] = await Promise.all([
    Promise.all(parts.map((part) => partPostings(index, part))),
    Promise.all(phrasePairs.map((key) => index.postings(key))),
    Promise.all(rankPairs.map((key) => index.postings(key))),
  ]);
  const lists = [...postings.flatMap((p) => p.match), ...phrases];
  // Sets of every posting cost more than the rest of a search: lists walk side by side instead.
  const papers = lists.some((l) => !l || l.length === 0) ? [] : intersectSorted(lists as Posting[][]);
  const stems = parts.flatMap((p) =>
    p.kind === 'word' ? [p.stem] : p.kind === 'phrase' ? p.stems : [p.joined.stem, ...p.parts.map((w) => w.stem)],
  );
  return {
    papers,
    words: rank
      ? postings
          .flatMap((p) => p.rank)
          .map((list) => ({ byPaper: postingsOf(list ?? [], papers), papers: list?.length ?? 0 }))
      : [],
    pairs: pairs.map((postings) => ({ papers: papersOf(postings) })),
    stems: new Set(stems),
  };
}
