// Which archive the site's search index was built from, written beside the index
// (search/archive.json): its digest (scraper/archive/fingerprint.ts) and which folder it was, so
// that `papers search` can tell an index older than the archive it was built from, and never
// mistakes a site built from another folder for an old one. No page loads it. Two parts:
// writeSearchBuiltFrom (the file out) and the hook.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { archiveDigest, archiveFolderKey, SEARCH_BUILT_FROM_FILE } from '../../scraper/archive/index.ts';
import { siteOptions } from '../lib/options.ts';

export async function writeSearchBuiltFrom(outDir: string, contentDir: string): Promise<void> {
  await mkdir(path.join(outDir, 'search'), { recursive: true });
  const [digest, folder] = await Promise.all([archiveDigest(contentDir), archiveFolderKey(contentDir)]);
  await writeFile(path.join(outDir, SEARCH_BUILT_FROM_FILE), `${JSON.stringify({ ...digest, folder })}\n`);
}

export function searchBuiltFrom(): AstroIntegration {
  return {
    name: 'papers-search-built-from',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await writeSearchBuiltFrom(fileURLToPath(dir), siteOptions().contentDir);
      },
    },
  };
}
