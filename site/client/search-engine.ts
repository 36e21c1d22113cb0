// What a search request finds, in order, from the archive's search index (search-index.ts):
//   - an arXiv id or a link to a paper: that paper alone, or nothing;
//   - words: the papers holding every word (a word the index lacks matches the words it begins,
//     "diffus" → "diffusion"), and every "quoted phrase" as written (stop words matched over);
//     first a paper with exactly that title, then, when the words could be a person's name,
//     the papers by that name, then the rest by Best match (site/lib/search-rank.ts) or the sort;
//   - an author: papers by that name, written in any order, with or without accents or hyphens;
//   - organization: papers of every organization whose name holds the words typed
//     (site/lib/search-organizations.ts); keyword: papers with that keyword, case ignored;
//   - year, month, a date range, a least number of upvotes, has code: the paper table.
// With no words, the papers asked for come newest first unless a sort says otherwise. Every
// order ends on the same fixed keys, so a search answers the same in any page, any run.

import { excerptHtml } from '../lib/search-excerpt.ts';
import type { PaperDoc } from '../lib/search-index-build.ts';
import { idKey, type Posting } from '../lib/search-index-format.ts';
import { keywordKey, nameLookupKey, textKey, titleKey } from '../lib/search-keys.ts';
import { matchOrganizations, nearOrganizations } from '../lib/search-organizations.ts';
import { queryKind } from '../lib/search-query.ts';
import { arrange, bestMatch, type Order } from '../lib/search-rank.ts';
import type { SearchRequest } from '../lib/search-request.ts';
import { queryParts } from '../lib/search-text.ts';
import { type IndexLookups, type OpenedIndex, openParts, type SearchIndex, StaleIndexError } from './search-index.ts';
import { matchWords, papersOf } from './search-match.ts';

/** What a result shows, as the page and the terminal read it. */
export type ResultData = {
  url: string;
  /** The excerpt: escaped text with <mark> around the words searched for. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
};
/** A result: what the page shows of it, and its record (what an export of the results cites). */
export type Hit = { id: string; data: () => Promise<ResultData>; paper: () => Promise<PaperDoc> };

export type Outcome =
  /** Nothing asked. */
  | { kind: 'prompt' }
  /** One paper asked for by its id: found, or not in the archive. */
  | { kind: 'paper'; id: string; hit: Hit | null }
  /**
   * A list; its first `byTitle` papers have exactly the title the words spell, its next
   * `byName` are by exactly the name they spell. `organizations`: the names an organization
   * filter found, or, when none, the nearest names.
   */
  | {
      kind: 'list';
      hits: Hit[];
      byTitle: number;
      byName: number;
      organizations?: { found: string[]; near: string[] };
    };

function hitOf(index: Pick<SearchIndex, 'paper'>, i: number, stems: ReadonlySet<string>): Hit {
  return {
    id: String(i),
    paper: () => index.paper(i),
    data: async () => {
      const doc: PaperDoc = await index.paper(i);
      return {
        url: `/papers/${doc.id}/`,
        excerpt: excerptHtml(doc.body, stems),
        meta: {
          id: doc.id,
          title: doc.title,
          authors: doc.authors.length > 0 ? doc.authors.join(', ') : undefined,
          organization: doc.organization ?? undefined,
        },
        filters: { day: [doc.day], upvotes: [String(doc.upvotes)] },
      };
    },
  };
}

/** The papers among `candidates` whose title is exactly `words` (a shared key may differ in digits). */
async function sameTitle(
  index: Pick<SearchIndex, 'paper'>,
  candidates: readonly number[],
  words: string,
): Promise<number[]> {
  const key = textKey(words);
  const docs = await Promise.all(candidates.slice(0, 20).map((i) => index.paper(i)));
  return candidates.slice(0, 20).filter((_, k) => textKey(docs[k]!.title) === key);
}

/** The table's filters: which papers a request's dates, upvotes and code keep. */
function tableFilter(index: SearchIndex, request: SearchRequest): (i: number) => boolean {
  const { year, month, from, to, upvotes, code } = request.filters;
  const { table } = index;
  const spans: [number, number][] = [];
  if (year) spans.push(table.span(year));
  if (month) spans.push(table.span(month));
  if (from || to) spans.push(table.between(from ?? '', to ?? ''));
  const least = upvotes ? Number(upvotes) : 0;
  return (i) =>
    spans.every(([a, b]) => i >= a && i < b) &&
    (least <= 0 || table.upvotes(i) >= least) &&
    (code !== 'yes' || table.hasCode(i));
}

/**
 * `ready`: what the work on the files waits for once they are asked for (the page's first paint:
 * the requests go out at once, the decoding and ranking come after the page is shown).
 */
export async function runSearch(base: string, request: SearchRequest, ready?: Promise<unknown>): Promise<Outcome> {
  const asked = Object.values(request.filters).some(Boolean) || request.author || request.sort;
  if (queryKind(request.q).kind === 'none' && !asked) return { kind: 'prompt' };
  try {
    return await search(await openParts(base), request, ready);
  } catch (error) {
    // A manifest older than the site (a deploy since it was cached): once more, read afresh.
    if (!(error instanceof StaleIndexError)) throw error;
    return search(await openParts(base, true), request);
  }
}

async function search(opened: OpenedIndex, request: SearchRequest, ready?: Promise<unknown>): Promise<Outcome> {
  const { lookups } = opened;
  const query = queryKind(request.q);
  const { organization, keyword } = request.filters;
  if (query.kind === 'paper') {
    const found = await lookups.postings(idKey(query.id));
    return { kind: 'paper', id: query.id, hit: found ? hitOf(lookups, found[0]!.paper, new Set()) : null };
  }

  // The shards the request needs are asked for while the paper table is still arriving.
  const words = query.kind === 'words' ? query : null;
  const parts = words ? queryParts(words.words) : [];
  const order: Order = request.sort || (words ? 'best' : 'newest');
  const [matched, byTitleKey, byNameKey, byAuthor, byKeyword, organizations, index] = await Promise.all([
    parts.length > 0 ? matchWords(lookups, parts, { rank: order === 'best' }) : null,
    words?.title ? lookups.postings(titleKey(words.words)) : null,
    words?.name && !request.author ? lookupName(lookups, words.words) : null,
    request.author ? lookupName(lookups, request.author) : null,
    keyword ? lookups.postings(keywordKey(keyword)) : null,
    organization ? lookups.organizations() : null,
    opened.index,
    ready,
  ]);

  // Which papers the request keeps: its words (or every paper), then each filter.
  const keep = tableFilter(index, request);
  // An author or keyword asked for that no paper holds keeps none (papersOf(null) is empty).
  const requiredSets = [...(request.author ? [papersOf(byAuthor)] : []), ...(keyword ? [papersOf(byKeyword)] : [])];
  let orgs: { found: string[]; near: string[] } | undefined;
  let orgNumbers: Set<number> | null = null;
  if (organization && organizations) {
    const numbers = matchOrganizations(organization, organizations);
    orgNumbers = new Set(numbers);
    orgs = {
      found: numbers.map((n) => organizations[n - 1]![0]),
      near: numbers.length === 0 ? nearOrganizations(organization, organizations) : [],
    };
  }
  const kept = (i: number) =>
    keep(i) &&
    requiredSets.every((s) => s.has(i)) &&
    (orgNumbers === null || orgNumbers.has(index.table.organization(i)));
  const candidates = matched
    ? [...matched.papers]
    : requiredSets[0]
      ? [...requiredSets[0]]
      : Array.from({ length: index.table.size }, (_, i) => i);
  const found = candidates.filter(kept);

  const stems = matched?.stems ?? new Set<string>();
  const scores =
    order === 'best' && matched
      ? bestMatch(found, {
          words: matched.words,
          pairs: matched.pairs,
          table: index.table,
          papers: index.manifest.papers,
          meanLength: index.manifest.meanLength,
          newest: index.manifest.newest,
        })
      : undefined;
  const ranked = arrange(found, order, index.table, scores);

  // Groups first: exactly the title typed, then exactly the name typed, then the rest.
  const inFound = new Set(found);
  const titled =
    byTitleKey && words
      ? await sameTitle(
          index,
          byTitleKey.map((p) => p.paper).filter((i) => inFound.has(i)),
          words.words,
        )
      : [];
  // Papers by the name typed count whether or not they hold its words as written ("Zi-Han"
  // is "zihan" in one paper, "zi han" in another): the name is what the reader meant.
  const named = byNameKey ? arrange([...papersOf(byNameKey)].filter(kept), request.sort || 'newest', index.table) : [];
  const seen = new Set<number>();
  const groups = [titled, named, ranked].map((g) => g.filter((i) => !seen.has(i) && seen.add(i)));
  const hits = groups.flat().map((i) => hitOf(index, i, stems));
  const outcome: Outcome = { kind: 'list', hits, byTitle: groups[0]!.length, byName: groups[1]!.length };
  if (orgs) outcome.organizations = orgs;
  return outcome;
}

/** The papers by a name: written in the order typed; the index holds both orders of every name. */
async function lookupName(index: IndexLookups, name: string): Promise<Posting[] | null> {
  const key = nameLookupKey(name);
  return key ? index.postings(key) : null;
}
