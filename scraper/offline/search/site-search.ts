// The site's own search, run in Node: what `papers search` asks. The build writes the search
// page's engine (site/client/search-entry.ts: query reading, lookups, ranking, filters and sorts)
// as one module beside the index (search/engine.mjs, site/integrations/search-engine.ts); it is
// imported from the built site here and given a `fetch` that reads the site's files from disk
// (file-fetch.ts). The engine then loads Pagefind's own script from the same folder, on the main
// thread as it does in the page. One engine, one index: a query gives the results the site's
// search box gives, in the same order, with no server and no network.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SEARCH_ENGINE_FILE } from '../../archive/index.ts';
import { InputError } from '../../errors.ts';
import type { BuiltSite } from '../built-site.ts';
import { fileFetch } from './file-fetch.ts';

export type ResultData = {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
};
type Hit = { id: string; data: () => Promise<ResultData> };
type Outcome = { kind: 'prompt' } | { kind: 'paper'; id: string; hit: Hit | null } | { kind: 'list'; hits: Hit[] };
type Engine = {
  /** The search page's filters, as its URL names them (author included). */
  FILTER_KEYS: readonly string[];
  readRequest: (params: URLSearchParams) => unknown;
  runSearch: (base: string, request: unknown) => Promise<Outcome>;
};

export type Found = { total: number; results: ResultData[] };

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The engine of a built site, or an InputError that says how to build one. */
export async function loadEngine(site: BuiltSite): Promise<Engine> {
  const engine = path.join(site.root, SEARCH_ENGINE_FILE);
  const pagefind = path.join(site.root, 'pagefind', 'pagefind.js');
  if (!(await exists(engine)) || !(await exists(pagefind))) {
    throw new InputError(`${site.root} holds no search index: build the site with \`npm run build\``);
  }
  return (await import(pathToFileURL(engine).href)) as Engine;
}

/** The filters the site's search takes, by the names its URL gives them. */
export async function filterKeys(site: BuiltSite): Promise<string[]> {
  return [...(await loadEngine(site)).FILTER_KEYS];
}

/**
 * The results of a search given as the search page's URL parameters (q, author, filters, sort),
 * the first `limit` of them with their data. `fetch` is the disk's while the engine runs.
 */
export async function searchSite(site: BuiltSite, params: URLSearchParams, limit: number): Promise<Found> {
  const engine = await loadEngine(site);
  const saved = globalThis.fetch;
  globalThis.fetch = fileFetch(site.root) as typeof fetch;
  try {
    const base = pathToFileURL(`${site.root}${path.sep}`).href;
    const outcome = await engine.runSearch(base, engine.readRequest(params));
    const hits = outcome.kind === 'list' ? outcome.hits : outcome.kind === 'paper' && outcome.hit ? [outcome.hit] : [];
    return { total: hits.length, results: await Promise.all(hits.slice(0, limit).map((h) => h.data())) };
  } finally {
    globalThis.fetch = saved;
  }
}
