// Global setup of the e2e project: the fixture archive (tests/fixtures/site/archive) is built
// once per run with Astro's own build(), in this process, under a GitHub-Pages-like base, and
// every site test file reads that one build (inject('fixtureSite')) rather than building its
// own: a build is most of a site test's time. The folder is removed when the run ends.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'astro';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from '../../../scraper/repo.ts';
import { buildDir, SITE_FIXTURE, TEST_BASE, TEST_SITE_URL } from '../site/fixture.ts';

/** `astro build` of the repository's site over the fixture archive (env, as a user sets it). */
async function buildSite(outDir: string, cacheDir: string): Promise<void> {
  const env: Record<string, string> = {
    PAPERS_CONTENT: SITE_FIXTURE,
    PAPERS_BASE: TEST_BASE,
    PAPERS_SITE_URL: TEST_SITE_URL,
    // The search index in two parts, as a full archive's is (the fixture's main part is small).
    PAPERS_SEARCH_SPLIT_AT: '1',
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    await build({ root: REPO_ROOT, outDir, cacheDir, logLevel: 'error' });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

export default async function buildFixtureSite(project: TestProject): Promise<() => void> {
  const dir = buildDir();
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const dist = path.join(dir, 'dist');
  try {
    await buildSite(dist, path.join(dir, 'cache'));
  } catch (error) {
    remove();
    throw error;
  }
  project.provide('fixtureSite', { dist, base: TEST_BASE, siteUrl: TEST_SITE_URL });
  return remove;
}
