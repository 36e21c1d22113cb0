// Pagefind in the search page: loaded once, on the main thread, with the ranking this archive
// wants. The index (site/integrations/pagefind.ts) holds each paper's summary and abstract as
// its body and title, authors, keywords, organization and submitter as metadata; Pagefind
// searches both, and boosts a match in a metadata field by that field's weight below.

import { importModule } from './import-module.ts';

export type PagefindResultData = {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
};
export type PagefindResult = {
  id: string;
  matchedMetaFields?: string[];
  data: () => Promise<PagefindResultData>;
};
export type PagefindSearch = { results: PagefindResult[] };
export type Pagefind = {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, o?: { filters?: Record<string, string> }) => Promise<PagefindSearch | null>;
};

/**
 * Title first, then authors and keywords, then organization and submitter; the body (summary
 * and abstract) counts as 1 through Pagefind's own word scores. Matches of the lookup fields
 * (names, tags, id) never add to a score: the lookups that use them rank on their own.
 * Measured by scripts/bench/search-bench.ts: titles as queries, authors' names.
 */
export const META_WEIGHTS = {
  title: 8,
  authors: 3,
  keywords: 3,
  organization: 2,
  submitter: 1.5,
  names: 0,
  tags: 0,
  id: 0,
};

/** Words of context in an excerpt: about two lines of a result. */
export const EXCERPT_WORDS = 28;

let loading: Promise<Pagefind> | null = null;

/** Pagefind's script from `<base>pagefind/`, initialised once; a failure may be retried. */
export function loadPagefind(base: string): Promise<Pagefind> {
  loading ??= (async () => {
    const module = (await importModule(`${base}pagefind/pagefind.js`)) as Pagefind;
    // No worker: the worker's script costs 43 KB more, and a search here takes milliseconds.
    await module.options({
      // Results' URLs as the records hold them ("/papers/<id>/"): the page adds its base, which
      // Pagefind would take only as an absolute path or an http URL, never the relative or file:
      // base of a copy on disk or of the terminal's search (scraper/offline/).
      baseUrl: '/',
      excerptLength: EXCERPT_WORDS,
      noWorker: true,
      ranking: { metaWeights: META_WEIGHTS },
    });
    await module.init();
    return module;
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
