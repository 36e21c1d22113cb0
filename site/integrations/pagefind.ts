// Builds the search index when Astro has written the site: Pagefind's Node API over dist/, in
// this process, into dist/pagefind/ (the standard place, which `papers search` and the offline
// copy read). Only paper pages carry `data-pagefind-body`, so only they are indexed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

export const PAPER_PAGES = 'papers/*/index.html';

/** Pages in the written index, from its entry file (addDirectory counts files read, not kept). */
function indexedPages(outputPath: string): number {
  const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'papers-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const fail = (what: string, errors: string[]): never => {
          throw new Error(`Pagefind could not ${what} ${site}: ${errors.join('; ')}`);
        };
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
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
          await pagefind.close();
        }
      },
    },
  };
}
