// Incremental builds (site/integrations/incremental-build.ts, site/data/page-keys.ts) make the
// same site as a full build: after a nightly adds a day, and after it changes one day's votes,
// a build that carries unchanged pages over from the last build's cache (linked into place, not
// copied) has the same files,
// byte for byte, as a build from nothing; and a change to the site's code renders every page
// again. The search index is made in two parts, and an incremental build takes the unchanged
// main part from its cache: the same files again. Five builds of the test archive, in this
// process, each into its own folder: the first seeds the cache, each full build's cache seeds
// the next incremental one (a full build leaves a cache as any build does). The code change is
// made by a Vite plugin that rewrites a module as it is compiled, so no file of the site is
// touched.
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'astro';
import type { Plugin } from 'vite';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { entryForHeldDay, readDay, readLedger, writeDay, writeLedger } from '../../../scraper/archive/index.ts';
import { REPO_ROOT } from '../../../scraper/repo.ts';
import { compareDirs, listFiles } from '../../../scripts/bench/dist-stats.ts';
import { readBuildLog } from '../../../scripts/bench/site-builds.ts';
import { dayRecord, paperRecord } from '../../../scripts/fixtures/records.ts';
import { buildDir, SITE_FIXTURE, TEST_BASE, TEST_SITE_URL } from './fixture.ts';

let dir: string;
let content: string;

/** What a build made, and whether it took the search index's main part from its cache. */
type Built = { out: string; cache: string; rendered: number; carried: number; mainFromCache: boolean };

/**
 * `astro build` of the archive in `content` into `<name>/dist`, with the cache of `from` (copied,
 * so that each build's cache stays as it left it) or none. Astro's per-page lines say how many
 * pages were rendered and how many carried over; they are counted, not printed.
 */
async function buildSite(name: string, from: Built | null, plugins: Plugin[] = []): Promise<Built> {
  const out = path.join(dir, name, 'dist');
  const cache = path.join(dir, name, 'cache');
  if (from) await cp(from.cache, cache, { recursive: true });
  // The search index in two parts, as a full archive's nightly builds it (site/lib/search-index-build.ts).
  const env = {
    PAPERS_CONTENT: content,
    PAPERS_BASE: TEST_BASE,
    PAPERS_SITE_URL: TEST_SITE_URL,
    PAPERS_SEARCH_SPLIT_AT: '1',
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  let log = '';
  const capture = (chunk: unknown): boolean => {
    log += String(chunk);
    return true;
  };
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  try {
    await build({ root: REPO_ROOT, outDir: out, cacheDir: cache, logLevel: 'info', vite: { plugins } });
  } finally {
    stdout.mockRestore();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const { rendered, carried } = readBuildLog(log);
  return { out, cache, rendered, carried, mainFromCache: /in 2 parts, the first from the cache/.test(log) };
}

async function expectSameSite(incremental: Built, full: Built): Promise<void> {
  expect(await compareDirs(incremental.out, full.out)).toEqual({ onlyA: [], onlyB: [], differ: [] });
  expect(incremental.rendered + incremental.carried).toBe(full.rendered);
}

let seed: Built;

beforeAll(async () => {
  dir = buildDir();
  content = await mkdtemp(path.join(dir, 'archive-'));
  await cp(SITE_FIXTURE, content, { recursive: true });
  seed = await buildSite('seed', null);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let dayAdded: { incremental: Built; full: Built };

test('a day added: the incremental build is the full build, and carries most pages over', async () => {
  // A new newest day: two new papers and one featured before (its page changes too).
  const day = dayRecord('2026-08-06', [
    paperRecord('2608.07001', { title: 'A new paper', upvotes: 3 }),
    paperRecord('2608.05987', { title: 'Featured again', upvotes: 40 }),
    paperRecord('2608.07002', { upvotes: 1 }),
  ]);
  await writeDay(content, day);
  const ledger = await readLedger(content);
  await writeLedger(content, { ...ledger, days: { ...ledger.days, [day.date]: entryForHeldDay(day, day.fetchedAt) } });

  const incremental = await buildSite('day-added', seed);
  const full = await buildSite('day-added-full', null);
  await expectSameSite(incremental, full);
  expect(incremental.carried).toBeGreaterThan(incremental.rendered);
  // Every page carried over was linked into place from the cache (site/integrations/carry-over.ts),
  // not copied; the search index's kept part is linked too, and is not a page.
  const pages = (await readdir(incremental.out, { recursive: true, withFileTypes: true })).filter(
    (e) => e.isFile() && !path.relative(incremental.out, e.parentPath).startsWith('search'),
  );
  const links = await Promise.all(pages.map(async (e) => (await stat(path.join(e.parentPath, e.name))).nlink > 1));
  expect(links.filter(Boolean).length).toBe(incremental.carried);
  // The search index's main part (the papers before July) came from the cache, and is the one a
  // build makes: the recent part holds the new day.
  expect([incremental.mainFromCache, full.mainFromCache]).toEqual([true, false]);
  dayAdded = { incremental, full };
});

test("one day's votes changed: the incremental build is the full build", async () => {
  const day = (await readDay(content, '2026-07-29'))!;
  await writeDay(content, {
    ...day,
    fetchedAt: '2026-08-07T01:00:00.000Z',
    papers: day.papers.map((p, i) => (i === 1 ? { ...p, upvotes: p.upvotes + 25 } : p)),
  });

  // The last full build's cache is as good a start as any build's.
  const incremental = await buildSite('votes', dayAdded.full);
  const full = await buildSite('votes-full', null);
  await expectSameSite(incremental, full);
  expect(incremental.carried).toBeGreaterThan(incremental.rendered);

  // A change to the site's code: every page built from it renders again, with the new code;
  // only what does not use the layout is carried over: the day JSON files and the pages at
  // Hugging Face's addresses, which only redirect. (The feeds, citation and JSON Lines files are no
  // pages: written every build, lib/site-files.ts.)
  const MARK = 'data-code-changed';
  const changeLayout: Plugin = {
    name: 'test:change-the-layout',
    enforce: 'post',
    transform(code, id) {
      // Page.astro, compiled: every HTML page's <body> gets the attribute.
      if (!id.endsWith('/site/layouts/Page.astro')) return null;
      return code.replace('<body', `<body ${MARK}`);
    },
  };
  const changed = await buildSite('code-changed', full, [changeLayout]);
  const files = await listFiles(changed.out);
  const redirect = (rel: string) => /^papers\/(date|week|month)\//.test(rel);
  // Files without the layout: a day's JSON, the redirects.
  const bulk = (rel: string) => /^days\/\d{4}-\d{2}-\d{2}\.json$/.test(rel);
  const unlaid = files.filter((f) => bulk(f.rel) || redirect(f.rel));
  expect(changed.carried).toBe(unlaid.length);
  const pages = files.filter((f) => f.rel.endsWith('.html') && !redirect(f.rel));
  expect(pages.length).toBeGreaterThan(20);
  for (const page of pages) {
    expect(await readFile(path.join(changed.out, page.rel), 'utf8'), page.rel).toContain(MARK);
  }
  expect(await readdir(changed.out)).toEqual(await readdir(full.out));
});
