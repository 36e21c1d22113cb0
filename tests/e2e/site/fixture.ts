// The fixture site every site test reads: the archive it is built from, the origin and base it
// is built for, and the shape in which the e2e project's global setup
// (tests/e2e/setup/fixture-site.ts) hands the built site to the test files.
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../../scraper/repo.ts';

export const SITE_FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/site/archive');
/** The days the fixture archive holds, oldest first. */
export const FIXTURE_DATES = [
  '2026-06-30',
  '2026-07-01',
  '2026-07-27',
  '2026-07-29',
  '2026-07-30',
  '2026-07-31',
  '2026-08-05',
] as const;
export const TEST_SITE_URL = 'https://archive.example.org';
/** A GitHub-Pages-like base: every link the tests follow must carry it. */
export const TEST_BASE = '/dpa/';

/** The fixture site built for this run: where it is, and the base and origin it was built for. */
export type FixtureSite = { dist: string; base: string; siteUrl: string };

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureSite: FixtureSite;
  }
}

/**
 * A fresh folder for one build, inside the repository: Astro puts a build's server chunks in
 * `.prerender/` under an outDir within the working folder, else in the shared ./.astro/, where
 * two builds at once would overwrite each other's (and Node would reuse a module by its path).
 */
export function buildDir(): string {
  const parent = path.join(REPO_ROOT, '.cache', 'site-tests');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(path.join(parent, 'build-'));
}
