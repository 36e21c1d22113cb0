// Where the site's data comes from and where it is published, from the environment:
//   PAPERS_CONTENT   the archive folder (default ./content, as for the `papers` command)
//   PAPERS_SITE_URL  the origin it is published at (canonical URLs, feeds, sitemap)
//   PAPERS_BASE      the path under that origin, e.g. /daily-papers-archive/ on GitHub Pages
//   PAPERS_SEARCH_SPLIT_AT  the fewest papers of the search index's main part for the index to be
//                    in two parts (site/lib/search-index-build.ts); below it, one
// Read once by astro.config.mjs and by the scripts that serve the build; a bad value is an
// error that names the variable, never a site with broken links.
import path from 'node:path';
import { InputError, normalizeBasePath } from '../../scraper/archive/index.ts';
import { SPLIT_AT } from './search-index-build.ts';

export const DEFAULT_SITE_URL = 'https://daily-papers-archive.github.io';
export const DEFAULT_BASE = '/';

export type SiteOptions = {
  /** Absolute path of the archive folder (holds days/ and ledger.json). */
  contentDir: string;
  /** Origin, no trailing slash: "https://example.org". */
  siteUrl: string;
  /** Path prefix with leading and trailing slash: "/" or "/daily-papers-archive/". */
  base: string;
  /** The fewest papers in the search index's main part for the index to be in two parts. */
  searchSplitAt: number;
};

/** A bad PAPERS_* variable: an InputError, so every command and script reports it as one line. */
export class SiteOptionsError extends InputError {
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'SiteOptionsError';
  }
}

export function normalizeBase(raw: string, variable = 'PAPERS_BASE'): string {
  const base = normalizeBasePath(raw);
  if (base === null) {
    throw new SiteOptionsError(
      variable,
      `${JSON.stringify(raw)} is not a URL path such as /daily-papers-archive/ (letters, digits, ". _ ~ -" between slashes)`,
    );
  }
  return base;
}

export function normalizeSiteUrl(raw: string, variable = 'PAPERS_SITE_URL'): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new SiteOptionsError(variable, `${JSON.stringify(raw)} is not a URL such as ${DEFAULT_SITE_URL}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SiteOptionsError(variable, `${JSON.stringify(raw)} is not an http(s) URL`);
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new SiteOptionsError(
      variable,
      `${JSON.stringify(raw)} has a path; give the origin here and the path in PAPERS_BASE`,
    );
  }
  return url.origin;
}

export function searchSplitAt(raw: string | undefined, variable = 'PAPERS_SEARCH_SPLIT_AT'): number {
  if (raw === undefined || raw === '') return SPLIT_AT;
  if (!/^\d{1,9}$/.test(raw.trim()) || Number(raw) < 1) {
    throw new SiteOptionsError(variable, `${JSON.stringify(raw)} is not a number of papers (1 or more)`);
  }
  return Number(raw);
}

export function siteOptions(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): SiteOptions {
  return {
    contentDir: path.resolve(cwd, env['PAPERS_CONTENT'] || 'content'),
    siteUrl: normalizeSiteUrl(env['PAPERS_SITE_URL'] || DEFAULT_SITE_URL),
    base: normalizeBase(env['PAPERS_BASE'] || DEFAULT_BASE),
    searchSplitAt: searchSplitAt(env['PAPERS_SEARCH_SPLIT_AT']),
  };
}
