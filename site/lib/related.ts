// Related papers: each paper's nearest papers in the archive, for its page, by TF-IDF over its
// title, abstract, AI summary and keywords. Computed at build time from the archive alone (no
// model to download, nothing random): the same archive gives the same lists on any machine.
//
// A paper is a vector of its most telling stems (the search's folding and stemming, so a word
// is one word here as in a query; title words and keywords count twice, a keyword also whole),
// weighted (1 + ln tf) · ln(N / df) and cut to its `terms` heaviest, then of unit length. The
// nearest are those of highest cosine. Comparing every pair is 70 million dot products on the
// full corpus; an inverted index adds up the same products, in the same order, for the pairs
// that share a stem only, each pair once (nearestPlain is the every-pair way, kept for the tests
// that hold the two to the same answers). Pure: papers in, lists of ids out.
import { keywordKey } from './keywords.ts';
import { fold, STOP_STEMS, stemOf, wordsOf } from './search-text.ts';

export type RelatedInput = {
  id: string;
  title: string;
  abstract: string;
  aiSummary: string | null;
  aiKeywords: readonly string[];
};

export type RelatedOptions = {
  /** How many neighbours a paper lists. */
  most?: number;
  /** How many stems a paper's vector keeps. */
  terms?: number;
};

/** A paper as a sparse unit vector: term numbers ascending, and their weights. */
export type Vector = { terms: Int32Array; weights: Float64Array };

/**
 * Words of English prose that say nothing of a paper's subject; the search keeps them (a phrase
 * needs them), here they would only blur. Stems, as the vectors hold them.
 */
const COMMON = new Set(
  [
    ...STOP_STEMS,
    ...'we our us also such these those than then can not no but which while both each more most other can may been have has had was were will when where how what who all any its into over under between using use used based new show shows shown paper approach method methods propose proposed present introduce results result however further well one two three across within without via through demonstrate achieve achieves significantly significant'
      .split(' ')
      .map(stemOf),
  ].filter((s) => s !== ''),
);

const KEYWORD = '#';

/**
 * Every paper's terms and how often each occurs: title and keywords twice, a keyword also as
 * itself. Terms are numbered as first met (`names`); a word's term, or -1 for a word left out,
 * is looked up once per word, not once per paper: tokens are the bulk of the work.
 */
export function termCounts(papers: readonly RelatedInput[]): {
  names: string[];
  docs: { terms: Int32Array; counts: Int32Array }[];
} {
  const names: string[] = [];
  const numberOf = new Map<string, number>();
  const termOf = (name: string): number => {
    let n = numberOf.get(name);
    if (n === undefined) {
      n = names.length;
      numberOf.set(name, n);
      names.push(name);
    }
    return n;
  };
  const wordTerm = new Map<string, number>();
  let tf = new Int32Array(1024);
  const touched: number[] = [];
  const add = (term: number, n: number) => {
    if (term >= tf.length) {
      const grown = new Int32Array(Math.max(term + 1, tf.length * 2));
      grown.set(tf);
      tf = grown;
    }
    if (tf[term] === 0) touched.push(term);
    tf[term]! += n;
  };
  const words = (text: string, n: number) => {
    for (const word of wordsOf(text)) {
      let term = wordTerm.get(word);
      if (term === undefined) {
        const stem = word.length < 2 || /^\d+$/.test(word) ? null : stemOf(word);
        term = stem === null || COMMON.has(stem) ? -1 : termOf(stem);
        wordTerm.set(word, term);
      }
      if (term >= 0) add(term, n);
    }
  };
  const docs = papers.map((paper) => {
    words(paper.title, 2);
    words(paper.abstract, 1);
    if (paper.aiSummary) words(paper.aiSummary, 1);
    for (const keyword of new Set(paper.aiKeywords.map((k) => fold(keywordKey(k))))) {
      if (keyword === '') continue;
      add(termOf(KEYWORD + keyword), 2);
      words(keyword, 2);
    }
    const terms = Int32Array.from(touched);
    const counts = Int32Array.from(touched, (t) => tf[t]!);
    for (const t of touched) tf[t] = 0;
    touched.length = 0;
    return { terms, counts };
  });
  return { names, docs };
}

/** Every paper's vector, in the order given, over a numbering of the terms two papers share. */
export function vectors(papers: readonly RelatedInput[], { terms = 40 }: RelatedOptions = {}): Vector[] {
  const { names, docs } = termCounts(papers);
  const df = new Int32Array(names.length);
  for (const doc of docs) for (const t of doc.terms) df[t]!++;
  // Shared terms renumbered in the order of their names, so the numbers (and the sums over them)
  // do not depend on the order the papers came in; a term of one paper matches nothing.
  const shared = [...names.keys()].filter((t) => df[t]! > 1).sort((a, b) => (names[a]! < names[b]! ? -1 : 1));
  const rank = new Int32Array(names.length).fill(-1);
  shared.forEach((t, i) => {
    rank[t] = i;
  });
  const n = papers.length;
  const idf = Float64Array.from(df, (d) => Math.log(n / d));
  return docs.map((doc) => {
    const weighted: { term: number; w: number }[] = [];
    doc.terms.forEach((t, i) => {
      // A term of every paper weighs nothing (ln 1): left out, as one of a single paper is.
      if (rank[t]! >= 0 && idf[t]! > 0) weighted.push({ term: rank[t]!, w: (1 + Math.log(doc.counts[i]!)) * idf[t]! });
    });
    // The heaviest first; ties by name, so the cut is the same whatever the order.
    weighted.sort((a, b) => b.w - a.w || a.term - b.term);
    const kept = weighted.slice(0, terms).sort((a, b) => a.term - b.term);
    const norm = Math.sqrt(kept.reduce((s, k) => s + k.w * k.w, 0)) || 1;
    return { terms: Int32Array.from(kept, (k) => k.term), weights: Float64Array.from(kept, (k) => k.w / norm) };
  });
}

type Scored = { at: number; score: number };

/** Higher score first; among equal scores, the lower position (the caller's order: by id). */
const better = (a: Scored, b: Scored): boolean => a.score > b.score || (a.score === b.score && a.at < b.at);

/** Puts a candidate among the `most` best, best first, if it is one of them. */
function keep(top: Scored[], c: Scored, most: number): void {
  if (top.length === most && !better(c, top[most - 1]!)) return;
  let i = Math.min(top.length, most - 1);
  top[i] = c;
  while (i > 0 && better(top[i]!, top[i - 1]!)) {
    [top[i - 1], top[i]] = [top[i]!, top[i - 1]!];
    i--;
  }
}

/** The `most` best of the candidates, best first. */
function best(candidates: Iterable<Scored>, most: number): Scored[] {
  const top: Scored[] = [];
  for (const c of candidates) keep(top, c, most);
  return top;
}

/** Each vector's nearest others by cosine (positions), through an inverted index. */
export function nearest(vecs: readonly Vector[], { most = 5 }: RelatedOptions = {}): number[][] {
  // The postings of every term in two flat arrays (a term's run from start[t] to start[t + 1]),
  // each run in the vectors' order: the inner loop below runs fifty million times on the full
  // corpus. `slot` is where each vector's own entry went.
  let terms = 0;
  for (const v of vecs) if (v.terms.length > 0) terms = Math.max(terms, v.terms.at(-1)! + 1);
  const start = new Int32Array(terms + 1);
  for (const v of vecs) for (const t of v.terms) start[t + 1]!++;
  for (let t = 0; t < terms; t++) start[t + 1]! += start[t]!;
  const fill = start.slice(0, terms);
  const owner = new Int32Array(start[terms]!);
  const weight = new Float64Array(start[terms]!);
  const slots = vecs.map((v, at) =>
    Int32Array.from(v.terms, (t, i) => {
      const slot = fill[t]!++;
      owner[slot] = at;
      weight[slot] = v.weights[i]!;
      return slot;
    }),
  );
  const acc = new Float64Array(vecs.length);
  const seen = new Uint8Array(vecs.length);
  const touched = new Int32Array(vecs.length);
  // Each vector's best so far, best first, in flat arrays (`most` places a vector): the check that
  // turns most pairs away reads one number, not an array of objects far off in memory.
  const n = vecs.length;
  const topAt = new Int32Array(n * most);
  const topScore = new Float64Array(n * most);
  const topLength = new Int32Array(n);
  const offer = (to: number, at: number, score: number) => {
    const base = to * most;
    let i = topLength[to]!;
    if (i === most) {
      const last = base + most - 1;
      if (score < topScore[last]! || (score === topScore[last]! && at > topAt[last]!)) return;
      i = most - 1;
    } else topLength[to] = i + 1;
    // Sifted up from the end: higher score first, among equal scores the lower position.
    while (
      i > 0 &&
      (score > topScore[base + i - 1]! || (score === topScore[base + i - 1]! && at < topAt[base + i - 1]!))
    ) {
      topAt[base + i] = topAt[base + i - 1]!;
      topScore[base + i] = topScore[base + i - 1]!;
      i--;
    }
    topAt[base + i] = at;
    topScore[base + i] = score;
  };
  vecs.forEach((v, self) => {
    let count = 0;
    // Each pair once, from its first vector: the others after it in each of its terms' runs.
    // Terms ascending, as the every-pair way adds them (and a · b is b · a): the same sums to the
    // last bit, whichever of the two vectors the pair is summed from.
    for (let i = 0; i < v.terms.length; i++) {
      const w = v.weights[i]!;
      for (let j = slots[self]![i]! + 1, end = start[v.terms[i]! + 1]!; j < end; j++) {
        const other = owner[j]!;
        if (seen[other] === 0) {
          seen[other] = 1;
          touched[count++] = other;
        }
        acc[other]! += w * weight[j]!;
      }
    }
    for (let k = 0; k < count; k++) {
      const other = touched[k]!;
      const score = acc[other]!;
      acc[other] = 0;
      seen[other] = 0;
      if (score <= 0) continue;
      offer(self, other, score);
      offer(other, self, score);
    }
  });
  return vecs.map((_, at) => Array.from(topAt.subarray(at * most, at * most + topLength[at]!)));
}

/** The same answer as `nearest`, by a dot product of every pair: for the tests. */
export function nearestPlain(vecs: readonly Vector[], { most = 5 }: RelatedOptions = {}): number[][] {
  const dot = (a: Vector, b: Vector): number => {
    let s = 0;
    let j = 0;
    for (let i = 0; i < a.terms.length; i++) {
      while (j < b.terms.length && b.terms[j]! < a.terms[i]!) j++;
      if (j < b.terms.length && b.terms[j] === a.terms[i]) s += a.weights[i]! * b.weights[j]!;
    }
    return s;
  };
  return vecs.map((v, self) => {
    const scored: Scored[] = [];
    vecs.forEach((o, at) => {
      if (at === self) return;
      const score = dot(v, o);
      if (score > 0) scored.push({ at, score });
    });
    return best(scored, most).map((s) => s.at);
  });
}

/** Each paper's related papers (ids, nearest first), for papers given in any order. */
export function relatedPapers(papers: Iterable<RelatedInput>, options: RelatedOptions = {}): Map<string, string[]> {
  const sorted = [...papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lists = nearest(vectors(sorted, options), options);
  return new Map(sorted.map((p, i) => [p.id, lists[i]!.map((at) => sorted[at]!.id)]));
}
