// What a search request finds, in order, from Pagefind's index and the paper table. Each part
// of a request is one lookup, run at once with the others, and the results are combined here:
//   - an arXiv id or a link to a paper: that paper alone, by its indexed id, or nothing;
//   - words: Pagefind's ranking (without stop words); a paper with exactly that title comes
//     first, then, when the words could be a person's name, the papers by exactly that name
//     (both through one indexed word, site/lib/search-keys.ts nameWord);
//   - an author: only papers by exactly that name;
//   - organization and keyword: only papers holding that tag word (case and accents ignored);
//   - year, month, has code and the sorts: the paper table (site/lib/search-table.ts), fetched
//     only then, read through each result's place in the index (Pagefind lists every paper in
//     that order for a search of nothing).

import { SEARCH_FILES } from '../lib/search-files.ts';
import { nameWord, tagWord, textKey } from '../lib/search-keys.ts';
import { queryKind, searchTerms } from '../lib/search-query.ts';
import type { SearchRequest } from '../lib/search-request.ts';
import { decodeTable, type PaperTable } from '../lib/search-table.ts';
import { loadPagefind, type Pagefind, type PagefindResult } from './search-pagefind.ts';

export type Outcome =
  /** Nothing asked. */
  | { kind: 'prompt' }
  /** One paper asked for by its id: found, or not in the archive. */
  | { kind: 'paper'; id: string; hit: PagefindResult | null }
  /**
   * A list; its first `byTitle` papers have exactly the title the words spell, its next
   * `byName` are by exactly the name they spell.
   */
  | { kind: 'list'; hits: PagefindResult[]; byTitle: number; byName: number };

type PaperOrder = { all: PagefindResult[]; place: Map<string, number>; table: PaperTable };

/** By the site's base: a page has one, the terminal's search (scraper/offline/search/) one a site it searches. */
const orders = new Map<string, Promise<PaperOrder>>();

async function fetchTable(base: string): Promise<PaperTable> {
  const response = await fetch(`${base}${SEARCH_FILES.table}`);
  if (!response.ok || !response.body) throw new Error(`paper table: HTTP ${response.status}`);
  const bytes = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  return decodeTable(new Uint8Array(bytes));
}

/** Every paper in index order, and the table: loaded once, when a sort or a date filter needs them. */
function paperOrder(pf: Pagefind, base: string): Promise<PaperOrder> {
  let order = orders.get(base);
  if (order) return order;
  order = Promise.all([pf.search(null), fetchTable(base)]).then(([found, table]) => {
    const all = found?.results ?? [];
    if (all.length !== table.size) throw new Error(`the paper table has ${table.size} papers, the index ${all.length}`);
    return { all, place: new Map(all.map((r, i) => [r.id, i])), table };
  });
  orders.set(base, order);
  order.catch(() => orders.delete(base));
  return order;
}

/**
 * Results of one indexed word, by the metadata fields it matched in (Pagefind also matches
 * words it is the prefix of, and a longer word's prefix when nothing else: they match nowhere
 * the lookup words live).
 */
async function lookup(pf: Pagefind, word: string): Promise<(field: string) => PagefindResult[]> {
  const found = word ? await pf.search(word) : null;
  const results = found?.results ?? [];
  return (field) => results.filter((r) => r.matchedMetaFields?.includes(field));
}

/** The papers whose title is exactly `words` (titles sharing its letters may differ in digits). */
async function sameTitle(candidates: PagefindResult[], words: string): Promise<PagefindResult[]> {
  const key = textKey(words);
  const datas = await Promise.all(candidates.slice(0, 20).map((r) => r.data()));
  return candidates.filter((_, i) => datas[i] && textKey(datas[i].meta['title'] ?? '') === key);
}

async function findPaper(pf: Pagefind, id: string): Promise<PagefindResult | null> {
  for (const hit of (await lookup(pf, id.replace('.', '')))('id')) {
    if ((await hit.data()).meta['id'] === id) return hit;
  }
  return null;
}

/** The table's filters and sort, applied to one group of results. */
function arrange(hits: PagefindResult[], request: SearchRequest, { place, table }: PaperOrder): PagefindResult[] {
  const { year, month, code } = request.filters;
  const within =
    month && year && !month.startsWith(year) ? ([0, 0] as const) : month || year ? table.span((month || year)!) : null;
  const placed = hits.map((hit) => ({ hit, i: place.get(hit.id) ?? -1 }));
  const kept = placed.filter(
    ({ i }) => i >= 0 && (!within || (i >= within[0] && i < within[1])) && (code !== 'yes' || table.hasCode(i)),
  );
  if (request.sort === 'newest') kept.sort((a, b) => b.i - a.i);
  else if (request.sort === 'oldest') kept.sort((a, b) => a.i - b.i);
  else if (request.sort === 'upvotes') kept.sort((a, b) => table.upvotes(b.i) - table.upvotes(a.i) || b.i - a.i);
  return kept.map(({ hit }) => hit);
}

export async function runSearch(base: string, request: SearchRequest): Promise<Outcome> {
  const query = queryKind(request.q);
  const { organization, keyword, year, month, code } = request.filters;
  const needsTable = Boolean(year || month || code || request.sort);
  if (query.kind === 'none' && !request.author && !organization && !keyword && !needsTable) return { kind: 'prompt' };

  const pf = await loadPagefind(base);
  if (query.kind === 'paper') return { kind: 'paper', id: query.id, hit: await findPaper(pf, query.id) };

  const words = query.kind === 'words' ? query : null;
  const [found, asWord, byAuthor, byOrganization, byKeyword, paperTable] = await Promise.all([
    words ? pf.search(searchTerms(words.words)) : null,
    words && (words.title || words.name) ? lookup(pf, nameWord(words.words)) : null,
    request.author ? lookup(pf, nameWord(request.author)).then((by) => by('names')) : null,
    organization ? lookup(pf, tagWord('organization', organization)).then((by) => by('tags')) : null,
    keyword ? lookup(pf, tagWord('keyword', keyword)).then((by) => by('tags')) : null,
    needsTable ? paperOrder(pf, base) : null,
  ]);

  // Groups, in order: exact title, exact name, the rest (with words); else the one list.
  let groups: PagefindResult[][];
  if (words) {
    const byTitle = asWord && words.title ? await sameTitle(asWord('titleword'), words.words) : [];
    const byName = asWord && words.name && !request.author ? asWord('names') : [];
    const seen = new Set<string>();
    groups = [byTitle, byName, found?.results ?? []].map((g) => g.filter((r) => !seen.has(r.id) && seen.add(r.id)));
  } else {
    groups = [byAuthor ?? byOrganization ?? byKeyword ?? paperTable?.all ?? []];
  }
  const required = [byAuthor, byOrganization, byKeyword].flatMap((hits) =>
    hits ? [new Set(hits.map((r) => r.id))] : [],
  );
  groups = groups.map((g) => g.filter((r) => required.every((ids) => ids.has(r.id))));
  if (paperTable) groups = groups.map((g) => arrange(g, request, paperTable));
  const [byTitle, byName] = words ? groups.map((g) => g.length) : [0, 0];
  return { kind: 'list', hits: groups.flat(), byTitle: byTitle ?? 0, byName: byName ?? 0 };
}
