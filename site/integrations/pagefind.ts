// Builds the search index when Astro has written the site: Pagefind's Node API over dist/, in
// this process, into dist/pagefind/ (the standard place, which `papers search` and the offline
// copy read). Only paper pages carry `data-pagefind-body`, so only they are indexed.
// The hook only wires buildSearchIndex() to Astro; the function takes Pagefind as an argument so
// that a unit test can hand it a stand-in (tests/unit/site/integrations/pagefind.test.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';

export const PAPER_PAGES = 'papers/*/index.html';

/** The part of Pagefind's Node API the index is built with. */
export type PagefindApi = {
  createIndex: (config: pagefind.PagefindServiceConfig) => Promise<{
    errors: string[];
    index?: Pick<pagefind.PagefindIndex, 'addDirectory' | 'writeFiles'> | undefined;
  }>;
  close: () => Promise<unknown>;
};

export type SearchIndexOptions = {
  /** The built site's folder (Astro's dist/). */
  site: string;
  logger: Pick<AstroIntegrationLogger, 'info'>;
  pagefind?: PagefindApi;
};

/** Pages in the written index, from its entry file (addDirectory counts files read, not kept). */
function indexedPages(outputPath: string): number {
  const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

/** Indexes the paper pages of a built site into `<site>/pagefind`; any Pagefind error throws. */
export async function buildSearchIndex({ site, logger, pagefind: api = pagefind }: SearchIndexOptions): Promise<void> {
  const started = performance.now();
  const fail = (what: string, errors: string[]): never => {
    throw new Error(`Pagefind could not ${what} ${site}: ${errors.join('; ')}`);
  };
  try {
    const { index, errors } = await api.createIndex({ forceLanguage: 'en' });
    if (!index) return fail('start indexing', errors);
    // Only paper pages carry `data-pagefind-body`; reading just them spares Pagefind the
    // parse of every day, week and month page (a third of the HTML on the full archive).
    const added = await index.addDirectory({ path: site, glob: PAPER_PAGES });
    if (added.errors.length > 0) fail('index', added.errors);
    const outputPath = path.join(site, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) fail('write the index of', written.errors);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    logger.info(`indexed ${indexedPages(outputPath)} paper pages in ${seconds} s into ${outputPath}`);
  } finally {
    await api.close();
  }
}

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'papers-pagefind',
    hooks: {
      'astro:build:done': ({ dir, logger }) => buildSearchIndex({ site: fileURLToPath(dir), logger }),
    },
  };
}
