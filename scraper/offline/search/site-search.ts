// The site's own search, run in Node: what `papers search` asks. A built site, and above all a
// packed copy someone else made, is data: nothing in its folder is run. The search engine is the
// search page's own (site/client/search-entry.ts: query reading, lookups, ranking, filters and
// sorts), imported from this repository; Pagefind's script and WebAssembly are the installed
// Pagefind's (pagefind-runtime.ts), and the index must have been written by that version. The
// site gives only its index, its paper table and the one fact the build writes at the end of its
// copy of Pagefind's script (where the recent part of a two-part index is), read as text. So a
// query gives the results the site's search box gives, in the same order, with no server and no
// network, and a planted script changes nothing.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FILTER_KEYS, readRequest, runSearch } from '../../../site/client/search-entry.ts';
import { InputError } from '../../errors.ts';
import type { BuiltSite } from '../built-site.ts';
import { fileFetch } from './file-fetch.ts';
import { type PagefindRuntime, pagefindRuntime } from './pagefind-runtime.ts';
import { readSiteFile } from './site-data.ts';

export type ResultData = {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
};

export type Found = { total: number; results: ResultData[] };

/** Where the recent part of a two-part index is, and its page that is no paper (site/lib/search-parts.ts). */
type Parts = { path: string; vocabulary: string } | null;

/** The line the build ends its copy of Pagefind's script with (site/integrations/pagefind.ts PARTS_EXPORT). */
const PARTS_LINE =
  /\nexport const papersRecentIndex = (null|\{"path":"recent\/","vocabulary":"[A-Za-z0-9_-]{1,100}"\});\n?$/;

const NO_INDEX = (site: BuiltSite) =>
  new InputError(`${site.root} holds no search index: build the site with \`npm run build\``);

/** The filters the site's search takes, by the names its URL gives them. */
export function filterKeys(): string[] {
  return [...FILTER_KEYS];
}

/** The Pagefind version that wrote the site's index; refused unless it is the installed one. */
async function checkIndexVersion(site: BuiltSite, runtime: PagefindRuntime): Promise<void> {
  const bytes = await readSiteFile(site, 'pagefind/pagefind-entry.json');
  if (!bytes) throw NO_INDEX(site);
  let version: unknown;
  try {
    version = (JSON.parse(Buffer.from(bytes).toString('utf8')) as { version?: unknown }).version;
  } catch {
    version = undefined;
  }
  if (typeof version !== 'string') {
    throw new InputError(`${site.root}: pagefind/pagefind-entry.json does not say which Pagefind wrote the index`);
  }
  if (version !== runtime.version) {
    throw new InputError(
      `${site.root}: its search index was written by Pagefind ${version.replace(/[^\w.+-]/g, '').slice(0, 40)}, and papers ` +
        `search reads indexes of Pagefind ${runtime.version} only: build the site with this version, or search it in a browser`,
    );
  }
}

/** The recent part's place, read as text from the end of the site's copy of Pagefind's script. */
async function readParts(site: BuiltSite): Promise<Parts> {
  // Only the last bytes: the line is short, and the script is never parsed, let alone run.
  const bytes = await readSiteFile(site, 'pagefind/pagefind.js');
  if (!bytes) throw NO_INDEX(site);
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 400))).toString('utf8');
  const line = PARTS_LINE.exec(tail);
  // A site built before the index came in parts ends with Pagefind's own last line.
  return line ? (JSON.parse(line[1]!) as Parts) : null;
}

type Loader = (url: string) => Promise<unknown>;

/** What the engine loads as Pagefind's script for this site: the installed one, one instance a site. */
function pagefindLoader(site: BuiltSite, runtime: PagefindRuntime, parts: Parts): Loader {
  const base = pathToFileURL(`${site.root}${path.sep}`).href;
  return async (url) => {
    if (url !== `${base}pagefind/pagefind.js`) throw new Error(`${url}: papers search loads no script of a site`);
    const module = (await import(`${runtime.scriptUrl}#site=${encodeURIComponent(base)}`)) as {
      options: (o: Record<string, unknown>) => Promise<void>;
    };
    // Its own URL is not the site's: the site's index is where it looks, told rather than guessed.
    return {
      ...module,
      options: (o: Record<string, unknown>) => module.options({ ...o, basePath: `${base}pagefind/` }),
      papersRecentIndex: parts,
    };
  };
}

type Outcome =
  | { kind: 'prompt' }
  | { kind: 'paper'; id: string; hit: { data: () => Promise<ResultData> } | null }
  | { kind: 'list'; hits: { data: () => Promise<ResultData> }[] };

/**
 * The results of a search given as the search page's URL parameters (q, author, filters, sort),
 * the first `limit` of them with their data. While the engine runs, `fetch` is the disk's and
 * Pagefind's script the installed one.
 */
export async function searchSite(site: BuiltSite, params: URLSearchParams, limit: number): Promise<Found> {
  const runtime = await pagefindRuntime();
  const [, parts] = await Promise.all([checkIndexVersion(site, runtime), readParts(site)]);
  const global = globalThis as { fetch: typeof fetch; papersImport?: Loader };
  const saved = { fetch: global.fetch, papersImport: global.papersImport };
  global.fetch = fileFetch(site, runtime) as typeof fetch;
  global.papersImport = pagefindLoader(site, runtime, parts);
  try {
    const base = pathToFileURL(`${site.root}${path.sep}`).href;
    const outcome = (await runSearch(base, readRequest(params))) as Outcome;
    const hits = outcome.kind === 'list' ? outcome.hits : outcome.kind === 'paper' && outcome.hit ? [outcome.hit] : [];
    return { total: hits.length, results: await Promise.all(hits.slice(0, limit).map((h) => h.data())) };
  } finally {
    global.fetch = saved.fetch;
    if (saved.papersImport) global.papersImport = saved.papersImport;
    else delete global.papersImport;
  }
}
