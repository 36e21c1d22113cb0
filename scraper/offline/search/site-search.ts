// The site's own search, run in Node: what `papers search` asks. A built site, and above all a
// packed copy someone else made, is data: nothing in its folder is run. The search engine is the
// search page's own (site/client/search-entry.ts: query reading, lookups, ranking, filters and
// sorts), imported from this repository, and it reads the site's search index, paper records and
// paper table from disk (file-fetch.ts), as the page fetches them. So a query gives the results
// the site's search box gives, in the same order, with no server and no network, and a planted
// script changes nothing.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FILTER_KEYS, INDEX_FORMAT, readRequest, runSearch } from '../../../site/client/search-entry.ts';

export { rangeDay } from '../../../site/client/search-entry.ts';

import { InputError } from '../../errors.ts';
import type { BuiltSite } from '../built-site.ts';
import { fileFetch } from './file-fetch.ts';
import { readSiteFile } from './site-data.ts';

export type ResultData = {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
};

export type Found = {
  total: number;
  results: ResultData[];
  /** The organizations an organization filter found, or the nearest names when none. */
  organizations?: { found: string[]; near: string[] };
};

/** The filters the site's search takes, by the names its URL gives them. */
export function filterKeys(): string[] {
  return [...FILTER_KEYS];
}

/** The site's index is one this search reads: there, and of the format it knows. */
async function checkIndex(site: BuiltSite): Promise<void> {
  const bytes = await readSiteFile(site, 'search/index.json');
  if (!bytes) throw new InputError(`${site.root} holds no search index: build the site with \`npm run build\``);
  let format: unknown;
  try {
    format = (JSON.parse(Buffer.from(bytes).toString('utf8')) as { format?: unknown }).format;
  } catch {
    format = undefined;
  }
  if (format !== INDEX_FORMAT) {
    const which = typeof format === 'number' ? `format ${format}` : 'a format it does not say';
    throw new InputError(
      `${site.root}: its search index is of ${which}, and papers search reads format ${INDEX_FORMAT}: ` +
        'build the site with this version, or search it in a browser',
    );
  }
}

/**
 * The results of a search given as the search page's URL parameters (q, author, filters, sort),
 * the first `limit` of them with their data. While the engine runs, `fetch` is the disk's.
 */
export async function searchSite(site: BuiltSite, params: URLSearchParams, limit: number): Promise<Found> {
  await checkIndex(site);
  const saved = globalThis.fetch;
  globalThis.fetch = fileFetch(site) as typeof fetch;
  try {
    const base = pathToFileURL(`${site.root}${path.sep}`).href;
    const outcome = await runSearch(base, readRequest(params));
    const hits = outcome.kind === 'list' ? outcome.hits : outcome.kind === 'paper' && outcome.hit ? [outcome.hit] : [];
    const results = await Promise.all(hits.slice(0, limit).map((h) => h.data()));
    const found: Found = { total: hits.length, results };
    if (outcome.kind === 'list' && outcome.organizations) found.organizations = outcome.organizations;
    return found;
  } finally {
    globalThis.fetch = saved;
  }
}
