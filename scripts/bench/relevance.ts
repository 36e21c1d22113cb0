// Judges the search page's first results for a topic query against the archive's own data (a
// paper's title, its AI keywords and its upvotes, from the day files the site was built from),
// never against the page's text: what the page shows is what is being judged. A result is on
// topic when its title or keywords hold every word of the query. Pure, so the rule is
// unit-tested and stays the same before and after the ranking changes it measures.
//
// How words are matched: title and keywords are cut into words at anything that is not a letter
// or a digit ("Text-to-Image" is text, to, image; "3D" is 3d), lower-cased; a query word is held
// when one of those words is the same word, or the same word with a plural "s" or "es" added or
// removed (model/models, benchmark/benchmarks, process/processes). Nothing else: no stemming
// ("generative" is not "generation", "agentic" not "agent"), no other plurals ("-ies"), and
// every query word counts, short ones too (the "of" of "mixture of experts").
import { median } from './stats.ts';

/** What the judge reads of a paper: the record from the newest day that listed it, as the site. */
export type JudgedPaper = { title: string; aiKeywords: readonly string[]; upvotes: number };

/** How many results are judged: the first page of the search. */
export const TOP = 10;

export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long === `${short}s` || long === `${short}es`;
}

export function holdsEvery(query: string, paper: JudgedPaper): boolean {
  const held = new Set(wordsOf([paper.title, ...paper.aiKeywords].join(' ')));
  return wordsOf(query).every((q) => held.has(q) || [...held].some((w) => sameWord(w, q)));
}

export type TopicRow = {
  query: string;
  /** The first results' arXiv ids, in the page's order (at most TOP). */
  ids: string[];
  /** Of those, how many hold every query word. */
  onTopic: number;
  /** onTopic / TOP: a search that returns fewer than TOP results has its missing places count as off topic. */
  share: number;
  /** Median upvotes of the results listed (NaN when none). */
  medianUpvotes: number;
  /** Papers of the whole archive holding every word: the share can reach min(1, held / TOP). */
  held: number;
  /** Results whose id the archive does not hold (a stale index): judged off topic, no upvotes. */
  unknown: number;
};

export function judgeTop(
  query: string,
  resultIds: readonly string[],
  papers: ReadonlyMap<string, JudgedPaper>,
  held: number,
): TopicRow {
  const ids = resultIds.slice(0, TOP);
  const found = ids.map((id) => papers.get(id)).filter((p): p is JudgedPaper => p !== undefined);
  const onTopic = found.filter((p) => holdsEvery(query, p)).length;
  return {
    query,
    ids,
    onTopic,
    share: onTopic / TOP,
    medianUpvotes: median(found.map((p) => p.upvotes)),
    held,
    unknown: ids.length - found.length,
  };
}

/** Papers of the archive on each topic: whether a query can fill the first page at all. */
export function heldCounts(queries: readonly string[], papers: ReadonlyMap<string, JudgedPaper>): Map<string, number> {
  const all = [...papers.values()];
  return new Map(queries.map((q) => [q, all.filter((p) => holdsEvery(q, p)).length]));
}

export type TopicSummary = { meanShare: number; medianOfMedians: number };

export function summarizeTopics(rows: readonly TopicRow[]): TopicSummary {
  return {
    meanShare: rows.length === 0 ? Number.NaN : rows.reduce((s, r) => s + r.share, 0) / rows.length,
    medianOfMedians: median(rows.map((r) => r.medianUpvotes).filter((m) => !Number.isNaN(m))),
  };
}
