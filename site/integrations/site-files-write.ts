// Writes the site's data files (lib/site-files.ts: the feeds under /feeds/ and the citation
// files beside the day, week and month pages) into a folder, on the search index's thread
// (search-index-worker.ts), which moves them into the site with the index when Astro is done.
// Synchronous on purpose, as the index's copies (staging.ts): nothing waits on this thread, and
// 7,000 writes through promises would cost a thread-pool hop each. A path that would leave the
// folder is refused: slugs come from the archive's data.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteFile } from '../lib/site-files.ts';
import { insidePath } from './carry-over.ts';

/** Writes each file under `dir`; returns how many. */
export function writeSiteFiles(dir: string, files: Iterable<SiteFile>): number {
  const made = new Set<string>();
  let written = 0;
  for (const file of files) {
    if (!insidePath(file.path)) throw new Error(`a site file's path leaves the site: ${JSON.stringify(file.path)}`);
    const target = path.join(dir, file.path);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, file.body);
    written++;
  }
  return written;
}
