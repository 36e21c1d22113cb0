// Pagefind in the search page: loaded once, on the main thread, with the ranking this archive
// wants. The index (site/integrations/pagefind.ts) holds each paper's summary and abstract as
// its body and title, authors, keywords, organization and submitter as metadata; Pagefind
// searches both, and boosts a match in a metadata field by that field's weight below.
//
// The index may come in two parts (site/lib/search-parts.ts says why and how): Pagefind's script
// then names the recent one, which is merged into the main one with the same options, and the
// search here answers as one index would. Pagefind drops a query word that no word of an index
// begins with, or matches it by the longest indexed word it begins with: a part lacking a word
// the other holds would answer with papers the whole index never gives. So the recent part
// holds every word of the main part (on one page of its own, never a result): it answers as the
// whole index does; and a query that page does not match holds a word the main part has not
// (no paper there can match all the words), so only the recent part is asked.

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
type SearchOptions = { filters?: Record<string, string> };
export type Pagefind = {
  search: (term: string | null, o?: SearchOptions) => Promise<PagefindSearch | null>;
};
/** The recent part, as the build names it after Pagefind's own script (site/integrations/pagefind.ts). */
export type RecentPart = { path: string; vocabulary: string };
type PagefindModule = Pagefind & {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (path: string, o: Record<string, unknown>) => Promise<void>;
  papersRecentIndex?: RecentPart | null;
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

/** The filter the recent part's pages carry (given when it is merged), which asks it alone. */
const ONLY_RECENT = { part: 'recent' };

/** Pagefind with its parts merged, searched as one index. */
function asOneIndex(module: PagefindModule, recent: RecentPart): Pagefind {
  const withoutVocabulary = (found: PagefindSearch | null): PagefindSearch | null =>
    found && { ...found, results: found.results.filter((r) => r.id !== recent.vocabulary) };
  return {
    async search(term, o = {}) {
      const found = await module.search(term, o);
      if (term === null || !found || found.results.some((r) => r.id === recent.vocabulary)) {
        return withoutVocabulary(found);
      }
      return withoutVocabulary(await module.search(term, { ...o, filters: { ...o.filters, ...ONLY_RECENT } }));
    },
  };
}

/** By the site's base: a page has one, the terminal's search (scraper/offline/search/) one a site it searches. */
const loaded = new Map<string, Promise<Pagefind>>();
const merged = new WeakMap<object, Promise<void>>();

/** Pagefind's script from `<base>pagefind/`, initialised once; a failure may be retried. */
export function loadPagefind(base: string): Promise<Pagefind> {
  const held = loaded.get(base);
  if (held) return held;
  const loading = (async () => {
    const module = (await importModule(`${base}pagefind/pagefind.js`)) as PagefindModule;
    const options = {
      // Results' URLs as the records hold them ("/papers/<id>/"): the page adds its base, which
      // Pagefind would take only as an absolute path or an http URL, never the relative or file:
      // base of a copy on disk or of the terminal's search (scraper/offline/).
      baseUrl: '/',
      excerptLength: EXCERPT_WORDS,
      ranking: { metaWeights: META_WEIGHTS },
    };
    // No worker: the worker's script costs 43 KB more, and a search here takes milliseconds.
    await module.options({ ...options, noWorker: true });
    const recent = module.papersRecentIndex;
    // Once per module, even when a failed start is tried again: a second merge would be a second part.
    const merge = () => {
      let merging = merged.get(module);
      if (!merging) {
        merging = module.mergeIndex(`${base}pagefind/${recent!.path}`, { ...options, mergeFilter: ONLY_RECENT });
        merged.set(module, merging);
      }
      return merging;
    };
    if (!recent) {
      await module.init();
      return module;
    }
    // In a page, the recent part's files load while the main part's do (two round trips less on
    // a slow network): Pagefind's merge waits for the main part's WebAssembly, checking every
    // 50 ms. Elsewhere (Node, papers search) after: should the main part fail to start, that
    // wait would never end and would keep the process alive.
    if (typeof window !== 'undefined') await Promise.all([module.init(), merge()]);
    else {
      await module.init();
      await merge();
    }
    return asOneIndex(module, recent);
  })();
  loaded.set(base, loading);
  loading.catch(() => loaded.delete(base));
  return loading;
}
