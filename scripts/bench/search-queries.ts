// The queries scripts/bench/search-bench.ts measures, drawn from the archive the site was built
// from so that they hold on any archive: common words, rare words (one paper's), a title, authors
// (prolific and not), an author link, an arXiv id and links, filters and sorts, a keyword typed
// in other case, a sort alone. Also the relevance sets: titles as queries (their paper should
// come first) and authors with several papers (their papers should fill the first five); the
// 20 topic queries whose first page is judged (relevance.ts); and the 10 phrase and filter
// queries timed with the 20 above (the cold search's p50 and p90).
import type { Day, Paper } from '../../scraper/archive/index.ts';

export type BenchQuery = { label: string; params: Record<string, string> };

/**
 * The topics whose first 10 results are judged (relevance.ts: every word in the title or the
 * keywords). Fixed, not drawn from the archive, so that figures before and after a change of the
 * ranking compare. Each is held by at least 50 papers of the full corpus (815 days, 11,894
 * papers: from 52 for "robot manipulation" to 1,720 for "diffusion"), so a perfect first page is
 * possible there; on a small archive (the bundled one) a few hold fewer than 10, and the report's
 * "held" column says how far the share can go.
 */
export const TOPIC_QUERIES = [
  'video generation',
  'diffusion',
  'reinforcement learning',
  'world model',
  'speculative decoding',
  'mixture of experts',
  'agent',
  'code generation',
  'multimodal reasoning',
  'text-to-image',
  '3D reconstruction',
  'robot manipulation',
  'long context',
  'retrieval augmented generation',
  'vision language model',
  'reward model',
  'image editing',
  'speech',
  'benchmark',
  'quantization',
] as const;

type Held = { paper: Paper; first: string };

/** Every paper once, with the day it was first featured, oldest first. */
function papersOf(days: readonly Day[]): Held[] {
  const byId = new Map<string, Held>();
  for (const day of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    for (const paper of day.papers) {
      const seen = byId.get(paper.id);
      byId.set(paper.id, { paper, first: seen?.first ?? day.date });
    }
  }
  return [...byId.values()].sort((a, b) => a.first.localeCompare(b.first) || a.paper.id.localeCompare(b.paper.id));
}

/** `count` items spread evenly over a list. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor(((i + 0.5) * items.length) / count)]!);
}

const wordsOf = (text: string): string[] => text.toLowerCase().match(/\b[a-z]{9,}\b/g) ?? [];

/** Authors by how many papers list them (exact name), most first. */
function authorsByPapers(papers: readonly Held[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const { paper } of papers) for (const a of new Set(paper.authors)) counts.set(a, (counts.get(a) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export type BenchSets = {
  /** The 20 queries measured since the first search benchmark. */
  queries: BenchQuery[];
  /** Quoted phrases and filters, timed with `queries` for the p50 and p90 (phraseAndFilterQueries). */
  more: BenchQuery[];
  /** Titles whose paper should be the first result. */
  titles: { title: string; id: string }[];
  /** Names whose papers should be the first five results (each has at least five). */
  authors: string[];
  /** arXiv id → authors, to judge results. */
  authorsOf: Map<string, readonly string[]>;
  /** arXiv id → the record from the newest day that listed it (as the site shows it), to judge topics. */
  byId: Map<string, Paper>;
};

export function benchSets(days: readonly Day[]): BenchSets {
  const papers = papersOf(days);
  if (papers.length === 0) throw new Error('the archive holds no papers');
  const newest = papers.at(-1)!.paper;
  const middle = papers[Math.floor(papers.length / 2)]!.paper;
  const year = papers.at(-1)!.first.slice(0, 4);

  const df = new Map<string, number>();
  for (const { paper } of papers) for (const w of new Set(wordsOf(paper.abstract))) df.set(w, (df.get(w) ?? 0) + 1);
  // Words one abstract alone holds (the search matches stems, and prefixes of words it lacks: a few more may match).
  const unique = [...df]
    .filter(([w, n]) => n === 1 && w.length >= 10)
    .map(([w]) => w)
    .sort();
  const [rare1, rare2] = spread(unique.length >= 2 ? unique : ['tokenizer', 'distillation'], 2) as [string, string];

  const authors = authorsByPapers(papers);
  const prolific = authors.filter(([, n]) => n >= 5);
  const chosen = spread(prolific, 10).map(([name]) => name);
  if (prolific.some(([name]) => name === 'Zi-Han Wang') && !chosen.includes('Zi-Han Wang')) chosen[0] = 'Zi-Han Wang';
  const single = authors.filter(([, n]) => n === 1).at(authors.length % 97) ?? authors.at(-1)!;

  const keywords = new Map<string, number>();
  for (const { paper } of papers) for (const k of paper.aiKeywords) keywords.set(k, (keywords.get(k) ?? 0) + 1);
  const keyword = [...keywords].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'agent';

  const queries: BenchQuery[] = [
    { label: 'common word', params: { q: 'agent' } },
    { label: 'common word', params: { q: 'diffusion' } },
    { label: 'two words', params: { q: 'video generation' } },
    { label: 'two words', params: { q: 'reinforcement learning' } },
    { label: 'a topic', params: { q: 'speculative decoding' } },
    { label: 'words, by upvotes', params: { q: 'mixture of experts', sort: 'upvotes' } },
    { label: 'word in a year', params: { q: 'benchmark', year } },
    { label: 'word with code', params: { q: 'robot', code: 'yes' } },
    { label: 'words, newest', params: { q: 'language model', sort: 'newest' } },
    { label: 'rare word', params: { q: rare1 } },
    { label: 'rare word', params: { q: rare2 } },
    { label: 'a title', params: { q: middle.title } },
    { label: 'an author', params: { q: chosen[0]! } },
    { label: 'a one-paper author', params: { q: single[0] } },
    { label: 'author link, by upvotes', params: { author: chosen[1] ?? chosen[0]!, sort: 'upvotes' } },
    { label: 'arXiv id', params: { q: newest.id } },
    { label: 'arXiv PDF link', params: { q: `https://arxiv.org/pdf/${middle.id}v2.pdf` } },
    { label: 'Hugging Face link', params: { q: `https://huggingface.co/papers/${newest.id}` } },
    { label: 'keyword, other case', params: { keyword: keyword.toUpperCase() } },
    { label: 'sort alone', params: { sort: 'upvotes' } },
  ];
  const organizations = new Map<string, number>();
  for (const { paper } of papers)
    if (paper.organization)
      organizations.set(paper.organization.name, (organizations.get(paper.organization.name) ?? 0) + 1);
  const organization = [...organizations].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'Google';
  const month = papers.at(-1)!.first.slice(0, 7);
  const author = chosen[0]!;
  const authorYear = papers.findLast((p) => p.paper.authors.includes(author))?.first.slice(0, 4) ?? year;
  const more = phraseAndFilterQueries({ year, month, organization, keyword, author, authorYear });

  const titled = spread(
    papers.filter((p) => p.paper.title.split(' ').length >= 3),
    30,
  ).map(({ paper }) => ({ title: paper.title, id: paper.id }));
  return {
    queries,
    more,
    titles: titled,
    authors: chosen,
    authorsOf: new Map(papers.map(({ paper }) => [paper.id, paper.authors])),
    byId: new Map(papers.map(({ paper }) => [paper.id, paper])),
  };
}

/** What the phrase and filter queries are drawn from: values the archive holds. */
export type FilterValues = {
  year: string;
  month: string;
  organization: string;
  keyword: string;
  author: string;
  /** The year of the author's newest paper, so that "author in a year" finds papers. */
  authorYear: string;
};

/**
 * Quoted phrases and filters, timed with the 20 queries above. The one place to add a filter
 * the search page learns: the date range and the least upvotes planned are to be added here, as
 *   { label: 'phrase in a date range', params: { q: '"world model"', from: `${v.year}-01-01`, to: `${v.month}-15` } },
 *   { label: 'word with least upvotes', params: { q: 'agent', upvotes: '50' } },
 * once the page reads them (a parameter it does not read is ignored, and the search timed would
 * not be the one named).
 */
export function phraseAndFilterQueries(v: FilterValues): BenchQuery[] {
  return [
    { label: 'phrase', params: { q: '"video generation"' } },
    { label: 'phrase', params: { q: '"world model"' } },
    { label: 'phrase in a month', params: { q: '"reinforcement learning"', month: v.month } },
    { label: 'phrase, by upvotes', params: { q: '"large language model"', sort: 'upvotes' } },
    { label: 'phrase and word', params: { q: '"mixture of experts" routing' } },
    { label: 'organization', params: { organization: v.organization } },
    { label: 'word and keyword', params: { q: 'agent', keyword: v.keyword } },
    { label: 'year with code', params: { year: v.year, code: 'yes' } },
    { label: 'author in a year', params: { author: v.author, year: v.authorYear } },
    { label: 'word by an author, newest', params: { q: 'model', author: v.author, sort: 'newest' } },
  ];
}
