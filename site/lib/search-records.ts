// What the search index holds for each paper, made from the archive's data, never from the
// rendered pages: only what a searcher means, with nothing a page adds around it (link labels,
// headings, dates of featuring). Pure: papers in, Pagefind custom records out; the build's
// integration (site/integrations/pagefind.ts) hands them to Pagefind.
//
// - content: the AI summary, then the abstract. Pagefind ranks the body's words and cuts the
//   result's excerpt from it, so an excerpt is always the paper's own words, never its title
//   or author list. (A paper with neither is indexed under its title and id: Pagefind drops a page without words.)
// - meta: title, authors, organization, submitter, keywords. Pagefind searches every meta field,
//   each boosted by its own weight at search time (site/client/search-pagefind.ts), so the
//   weights are tuned without a rebuild. `names` holds each author's whole name as one word
//   (search-keys.ts nameWord) for the exact author lookup, `titleword` the title as one word
//   for the exact title lookup, `id` the arXiv id for the exact paper lookup.
// - `tags`: the organization and each keyword as one word (search-keys.ts tagWord), which the
//   organization and keyword filters look up.
// - filters `day` and `upvotes` are only read back for the result line: as filters they come
//   with a result but, unlike meta, are never searched (a query "2026" or "12" must not match
//   every paper featured in 2026 or with 12 upvotes).
// - no Pagefind sorts, no year, month or code filters: the paper table (search-table.ts) does
//   those for less, from the order records are indexed in (indexOrder).
import type { PaperEntry } from './archive-index.ts';
import { filterKey, nameWord, tagWord } from './search-keys.ts';
import type { TableRow } from './search-table.ts';

export const INDEX_LANGUAGE = 'en';

export type SearchRecord = {
  /** The paper page's path under the site's base; the search page adds the base. */
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
};

/**
 * Pagefind reads a body word that begins with "___PAGEFIND_" as an instruction (a weight, an
 * anchor). A zero-width space in front, which Pagefind strips from what it stores, keeps such a
 * word in scraped text a word.
 */
export function inertText(text: string): string {
  return text.replace(/(^|\s)(?=___)/g, '$1\u200B');
}

const unique = (values: Iterable<string>): string[] => [...new Set([...values].filter((v) => v !== ''))];

export function paperRecord(entry: PaperEntry): SearchRecord {
  const { paper } = entry;
  const body = [paper.aiSummary ?? '', paper.abstract].map((t) => t.trim()).filter(Boolean);
  const meta: Record<string, string> = { title: paper.title, titleword: nameWord(paper.title), id: paper.id };
  if (paper.authors.length > 0) {
    meta['authors'] = paper.authors.join(', ');
    meta['names'] = unique(paper.authors.map(nameWord)).join(' ');
  }
  if (paper.organization) meta['organization'] = paper.organization.name;
  if (paper.submitter) {
    const { name, handle } = paper.submitter;
    meta['submitter'] = filterKey(name) === filterKey(handle) ? name : `${name} ${handle}`;
  }
  if (paper.aiKeywords.length > 0) meta['keywords'] = paper.aiKeywords.join(', ');
  const tags = unique([
    ...(paper.organization ? [tagWord('organization', paper.organization.name)] : []),
    ...paper.aiKeywords.map((k) => tagWord('keyword', k)),
  ]);
  if (tags.length > 0) meta['tags'] = tags.join(' ');
  const filters: Record<string, string[]> = { day: [entry.firstDate], upvotes: [String(paper.upvotes)] };
  return {
    url: `/papers/${paper.id}/`,
    content: inertText(body.length > 0 ? body.join('\n\n') : `${paper.title} ${paper.id}`),
    language: INDEX_LANGUAGE,
    meta,
    filters,
  };
}

const byFirstFeatured = (a: PaperEntry, b: PaperEntry): number =>
  a.firstDate.localeCompare(b.firstDate) || a.featured[0]!.rank - b.featured[0]!.rank || a.id.localeCompare(b.id);

/**
 * The order the index numbers papers in: by the day first featured, then rank that day. The
 * paper table (search-table.ts) is in the same order, so the search page maps a result to its
 * row by its place in this order.
 */
export function indexOrder(papers: Iterable<PaperEntry>): PaperEntry[] {
  return [...papers].sort(byFirstFeatured);
}

export function tableRow(entry: PaperEntry): TableRow {
  return { day: entry.firstDate, upvotes: entry.paper.upvotes, code: entry.paper.githubRepo !== null };
}
