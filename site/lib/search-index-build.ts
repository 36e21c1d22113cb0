// The search index of every paper, made from the archive on every build: its parts
// (search-index-part.ts), each paper's record (what a result shows, and the text its excerpt is
// cut from), the paper table, the organization list and the manifest that finds them all. A
// large archive's index is in two parts: the papers first featured before the month before the
// newest day's (the main part, which a night's fetches never change, so the build keeps it in its
// cache) and the newer ones (made every build). The engine merges the parts' postings into
// exactly what one part holding every paper would give: the same papers, in the same order
// (tests/unit/site/client/search-engine.test.ts compares the two). Pure: papers in index order
// in, files' contents out (site/integrations/search-index.ts writes them).
import type { PaperEntry } from './archive-index.ts';
import { INDEX_FORMAT, type Manifest } from './search-index-format.ts';
import { type BuiltPart, bodyOf } from './search-index-part.ts';
import { type OrganizationList, organizationList, organizationNumbers } from './search-organizations.ts';
import type { TableRow } from './search-table.ts';

/** What a result shows of a paper, and the text its excerpt is cut from. */
export type PaperDoc = {
  id: string;
  title: string;
  authors: string[];
  /** arXiv's publication time, as the archive holds it: what a citation of the results dates (client/search-export.ts). */
  publishedAt: string | null;
  organization: string | null;
  keywords: string[];
  /** The day it was first featured. */
  day: string;
  upvotes: number;
  /** The AI summary, then the abstract, as one text: what the excerpt is cut from. */
  body: string;
};

const byFirstFeatured = (a: PaperEntry, b: PaperEntry): number =>
  a.firstDate.localeCompare(b.firstDate) || a.id.localeCompare(b.id);

/**
 * The order the index numbers papers in: by the day first featured, then arXiv id. The paper
 * table and the paper records are in the same order, and a paper's place in it is the last key
 * of every order the search gives (search-rank.ts), so that order is fixed.
 */
export function indexOrder(papers: Iterable<PaperEntry>): PaperEntry[] {
  return [...papers].sort(byFirstFeatured);
}

/**
 * Below this, one part: the main part is quicker made again than kept (about a millisecond a
 * paper). A build may ask for another (PAPERS_SEARCH_SPLIT_AT), as the tests do to have two parts.
 */
export const SPLIT_AT = 2000;

/** The first day of the month before the month of `day` (YYYY-MM-DD). */
export function recentFrom(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 10);
}

/**
 * Where the recent part begins among papers in index order: the first paper first featured from
 * the month before the newest day's month; 0 (one part) when the main part would hold fewer than
 * `splitAt` papers, or none, or every paper.
 */
export function splitPoint(ordered: readonly PaperEntry[], splitAt = SPLIT_AT): number {
  const newest = ordered.at(-1);
  if (!newest) return 0;
  const from = recentFrom(newest.firstDate);
  const cut = ordered.findIndex((e) => e.firstDate >= from);
  return cut < splitAt ? 0 : cut;
}

export function paperDoc(entry: PaperEntry): PaperDoc {
  const { paper } = entry;
  return {
    id: paper.id,
    title: paper.title,
    authors: paper.authors,
    publishedAt: paper.publishedAt,
    organization: paper.organization?.name ?? null,
    keywords: paper.aiKeywords,
    day: entry.firstDate,
    upvotes: paper.upvotes,
    body: bodyOf(entry),
  };
}

export type Assembled = {
  /** Parts named '' (their names come from their files: site/integrations/search-index.ts). */
  manifest: Manifest;
  table: TableRow[];
  organizations: OrganizationList;
};

/** The manifest, table and organization list of an index made of `parts` (in order, covering every paper). */
export function assemble(ordered: readonly PaperEntry[], parts: readonly BuiltPart[]): Assembled {
  const organizations = organizationList(ordered);
  const numberOf = organizationNumbers(organizations);
  const lengths = parts.flatMap((p) => p.lengths);
  if (lengths.length !== ordered.length || parts.some((p, k) => p.from !== (parts[k - 1]?.to ?? 0))) {
    throw new Error('the index parts do not cover every paper, in order');
  }
  const table = ordered.map(
    (entry, i): TableRow => ({
      day: entry.firstDate,
      upvotes: entry.paper.upvotes,
      code: entry.paper.githubRepo !== null,
      organization: numberOf(entry.paper.organization?.name),
      length: lengths[i]!,
    }),
  );
  const words = lengths.reduce((a, b) => a + b, 0);
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    build: '',
    papers: ordered.length,
    meanLength: ordered.length > 0 ? Math.round((words / ordered.length) * 10) / 10 : 0,
    newest: ordered.at(-1)?.firstDate ?? '',
    parts: parts.map((p) => ({ name: '', from: p.from, to: p.to, shards: p.firsts })),
  };
  return { manifest, table, organizations };
}
