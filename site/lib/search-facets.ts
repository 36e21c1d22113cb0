// The choices the search page offers: years and months (written into the page), organizations
// and the most common keywords (the suggestions site/integrations/search-index.ts writes beside it).
// A paper is filed under the day it was first featured: that is its date for the year and
// month filters and the date sort, as on the paper page and in the search index.
import type { ArchiveIndex } from './archive-index.ts';

export type Facet = { value: string; count: number };

export type SearchFacets = {
  years: Facet[];
  months: Facet[];
  organizations: Facet[];
  /** The most common keywords, offered as suggestions (the archive has tens of thousands). */
  keywords: Facet[];
};

export const KEYWORD_SUGGESTIONS = 300;

function tally(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

const byCountThenName = (a: Facet, b: Facet): number => b.count - a.count || a.value.localeCompare(b.value);
const byValueDesc = (a: Facet, b: Facet): number => b.value.localeCompare(a.value);

function facets(counts: Map<string, number>): Facet[] {
  return [...counts].map(([value, count]) => ({ value, count }));
}

export function searchFacets(index: Pick<ArchiveIndex, 'papers'>): SearchFacets {
  const entries = [...index.papers.values()];
  return {
    years: facets(tally(entries.map((e) => e.firstDate.slice(0, 4)))).sort(byValueDesc),
    months: facets(tally(entries.map((e) => e.firstDate.slice(0, 7)))).sort(byValueDesc),
    organizations: facets(
      tally(entries.flatMap((e) => (e.paper.organization ? [e.paper.organization.name] : []))),
    ).sort(byCountThenName),
    keywords: facets(tally(entries.flatMap((e) => e.paper.aiKeywords)))
      .sort(byCountThenName)
      .slice(0, KEYWORD_SUGGESTIONS),
  };
}
