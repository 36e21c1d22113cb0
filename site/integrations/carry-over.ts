// Pages carried over from the last build are put in place as hard links to Astro's cached copies
// before Astro generates the site, so that Astro finds them already there instead of copying
// each one. Astro's own carry-over (incremental.js restoreOutputFile) checks the cache, makes the
// page's folder and copies the file, each through a promise: for the 16,000 pages a nightly
// carries over that was 4–6 s of the build's main thread (copyFile 2.3 s, mkdir 1.9 s, a second
// existsSync 1.6 s, measured with --cpu-prof) and 345 MB written. Astro keeps a page that is
// already in its output folder when it may skip it (generate.js: `existsInDist`), and renders
// any other, so a link made here never decides what is rendered; it only spares the copy.
//
// Links are made only where the last build's manifest (cacheDir/incremental-build.json) gave the
// same path the same key as this build: the pages Astro will skip unless the site's code changed.
// When it did, Astro renders the page and writes it through the link, into the cached copy too,
// and then writes the cached copy itself with the same bytes: both end as this build's page.
// The footer's restamp (restamp.ts) also writes through the links; a cached copy's footer is
// never read (every build stamps every page).
//
// The manifest is the build's own cache, but CI restores it from elsewhere: a path it names is
// used only when it stays inside the output and cache folders.
import { existsSync, linkSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CANNOT_LINK } from './staging.ts';

/** A path Astro is about to generate: its route's component, its pathname and the key it was given. */
export type PlannedPath = { component: string; pathname: string; cacheKey: string | undefined };

/** What the last build recorded of a path (Astro's incremental-build.json, version 1). */
type Recorded = { cacheKey?: unknown; outputFile?: unknown };
type Manifest = { version?: unknown; routes?: Record<string, { paths?: Record<string, Recorded> }> };

/** Where Astro keeps its copies of pages, inside its cacheDir (incremental.js INCREMENTAL_OUTPUT_DIR). */
export const CACHED_PAGES = 'dist';
export const CACHE_MANIFEST = 'incremental-build.json';

/** A relative path of plain segments (no "..", ".", empty or absolute parts): one that stays inside. */
export function insidePath(file: string): boolean {
  if (file.length === 0 || file.includes('\\') || file.includes('\0') || path.posix.isAbsolute(file)) return false;
  return file.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

/**
 * The output files to link: each path whose key the last build recorded unchanged, with the
 * file it wrote. Pure: the manifest as parsed, the paths as listed.
 */
export function carryPlan(manifest: unknown, paths: readonly PlannedPath[]): string[] {
  const m = manifest as Manifest | null;
  if (m?.version !== 1 || typeof m.routes !== 'object' || m.routes === null) return [];
  const files: string[] = [];
  for (const p of paths) {
    if (p.cacheKey === undefined) continue;
    const recorded = m.routes[p.component]?.paths?.[p.pathname];
    if (!recorded || recorded.cacheKey !== p.cacheKey || typeof recorded.outputFile !== 'string') continue;
    if (insidePath(recorded.outputFile)) files.push(recorded.outputFile);
  }
  return files;
}

/** The last build's manifest, or null when there is none or it is not JSON. */
export function readCacheManifest(cacheDir: string): unknown {
  try {
    return JSON.parse(readFileSync(path.join(cacheDir, CACHE_MANIFEST), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Links each file of `files` from the cache's copies into `outDir`; returns how many. A file
 * already in `outDir`, or whose cached copy is missing, is left to Astro. Synchronous on purpose,
 * as the restamp (restamp.ts): 16,000 links and folders through promises cost what they save.
 */
export function linkCarried(cacheDir: string, outDir: string, files: readonly string[]): number {
  const made = new Set<string>();
  let linked = 0;
  for (const file of files) {
    const source = path.join(cacheDir, CACHED_PAGES, file);
    const target = path.join(outDir, file);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      linkSync(source, target);
      linked++;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      // Not cached, already there: Astro copies or renders it. No hard links here: Astro copies all.
      if (code === 'ENOENT' || code === 'EEXIST') continue;
      if (CANNOT_LINK.has(code)) return linked;
      throw error;
    }
  }
  return linked;
}

/** Links what the last build carried over, given where Astro builds and caches; returns how many. */
export function carryOver(cacheDir: string, outDir: string, paths: readonly PlannedPath[]): number {
  if (!existsSync(path.join(cacheDir, CACHED_PAGES))) return 0;
  return linkCarried(cacheDir, outDir, carryPlan(readCacheManifest(cacheDir), paths));
}
