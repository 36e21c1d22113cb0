// The search page's engine as one module beside the index, for `papers search` (scraper/
// offline/search/site-search.ts) to run in Node: the same code as the page (site/client/
// search-entry.ts: query reading, lookups, ranking, filters, sorts), so the terminal answers as
// the search box does. Beside it, which archive the index was built from (its digest,
// scraper/archive/fingerprint.ts), so that the terminal can tell an index older than the
// archive. No page loads either file. Two parts: writeSearchEngine (files out) and the hook.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as esbuild from 'esbuild';
import { archiveDigest, SEARCH_BUILT_FROM_FILE, SEARCH_ENGINE_FILE } from '../../scraper/archive/index.ts';
import { siteOptions } from '../lib/options.ts';

const ENTRY = fileURLToPath(new URL('../client/search-entry.ts', import.meta.url));

export async function writeSearchEngine(outDir: string, contentDir: string): Promise<void> {
  await mkdir(path.join(outDir, 'search'), { recursive: true });
  await esbuild.build({
    entryPoints: [ENTRY],
    outfile: path.join(outDir, SEARCH_ENGINE_FILE),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
  });
  await writeFile(path.join(outDir, SEARCH_BUILT_FROM_FILE), `${JSON.stringify(await archiveDigest(contentDir))}\n`);
}

export function searchEngine(): AstroIntegration {
  return {
    name: 'papers-search-engine',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await writeSearchEngine(fileURLToPath(dir), siteOptions().contentDir);
      },
    },
  };
}
