// Builds the search index while Astro renders the site: Pagefind's Node API, in this process,
// over records made from the archive itself (site/lib/search-records.ts), never from the
// rendered pages, into dist/pagefind/ (the standard place, which the offline copy reads); and,
// beside the search page, the paper table the sorts and date filters read, the suggestions for
// the organization and keyword fields and the words offered when nothing is found
// (dist/search/). The archive is read once, from the folder the build read
// (site/lib/options.ts), so the index holds every paper whichever pages Astro rendered. The
// index is in two parts (site/lib/search-parts.ts): the main one, copied from the build's cache
// while its papers are unchanged (search-index-cache.ts), and the recent one, made every time.
// Three parts: readPapers (the archive in), writeSearchIndex / writeSearchFiles (files out; they
// take Pagefind as an argument so that a unit test hands them a stand-in,
// tests/unit/site/integrations/pagefind.test.ts), and the hook that wires them to Astro.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { InputError } from '../../scraper/archive/index.ts';
import { buildRead } from '../data/read-archive.ts';
import { buildArchiveIndex, type PaperEntry } from '../lib/archive-index.ts';
import { siteOptions } from '../lib/options.ts';
import { searchFacets } from '../lib/search-facets.ts';
import { SEARCH_FILES } from '../lib/search-files.ts';
import { mainPartWords, RECENT_PART, splitIndex, VOCABULARY_URL, vocabularyRecord } from '../lib/search-parts.ts';
import { INDEX_LANGUAGE, indexOrder, paperRecord, type SearchRecord, tableRow } from '../lib/search-records.ts';
import { encodeTable } from '../lib/search-table.ts';
import { vocabulary } from '../lib/search-vocabulary.ts';
import { type IndexCache, indexCache, indexKey, moveInto, ownFolder } from './search-index-cache.ts';

/**
 * Words per index chunk (Pagefind's default: 20,000). A query fetches the chunks its words fall
 * in; chunks a quarter of the default cost a query on the full archive half the bytes, for 9 KB
 * more of chunk list in the metadata every search fetches. Pagefind reads it from its
 * environment, under a name that says it may go: without it, the index is the same, in bigger
 * chunks.
 */
export const INDEX_CHUNK_SIZE = '5000';
/**
 * The recent part's chunk size: it holds every word of the main part on one page, so its chunks
 * are many words of few postings, and smaller ones cost a query less. On the full archive, at
 * 5,000 words a query word fetches 14.6 KB of it and every search 6.9 KB of its metadata; at
 * 2,000, 6.2 KB and 11.3 KB.
 */
export const RECENT_CHUNK_SIZE = '2000';

/** The part of Pagefind's Node API the index is built with. */
export type PagefindApi = {
  createIndex: (config: pagefind.PagefindServiceConfig) => Promise<{
    errors: string[];
    index?: Pick<pagefind.PagefindIndex, 'addCustomRecord' | 'writeFiles'> | undefined;
  }>;
  close: () => Promise<unknown>;
};

/** Pages in the written index, from its entry file. */
async function indexedPages(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

/** Every paper of the archive folder, in the order the index numbers them. */
export async function readPapers(contentDir: string): Promise<PaperEntry[]> {
  const { days, errors } = await buildRead.of(contentDir);
  if (errors.length > 0) throw new InputError(errors.map((e) => e.message).join('; '));
  return indexOrder(buildArchiveIndex(days).papers.values());
}

/** Indexes the records, in their order, into `outputPath`; any Pagefind error throws. */
export async function writeSearchIndex(
  records: readonly SearchRecord[],
  outputPath: string,
  api: PagefindApi = pagefind,
  chunkSize = INDEX_CHUNK_SIZE,
): Promise<void> {
  const fail = (what: string, errors: string[]): never => {
    throw new Error(`Pagefind could not ${what} ${outputPath}: ${errors.join('; ')}`);
  };
  try {
    const saved = process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
    // The service is started by this call, with the environment of the moment.
    process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = saved ?? chunkSize;
    const starting = api.createIndex({ forceLanguage: INDEX_LANGUAGE });
    if (saved === undefined) delete process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
    const { index, errors } = await starting;
    if (!index) return fail('start indexing for', errors);
    // Sent all at once, not each awaited: Pagefind's service reads its messages in the order
    // they were sent and numbers pages in that order, which the paper table relies on (a
    // search of nothing lists them so: tests/unit/site/integrations/pagefind.test.ts checks the
    // order of what is sent, the search tests what the index gives). On the full archive this
    // takes 5.5 s instead of 7.3 s.
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    for (const [i, result] of added.entries()) {
      if (result.errors.length > 0) fail(`index ${records[i]!.url} into`, result.errors);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) fail('write', written.errors);
    const pages = await indexedPages(outputPath);
    if (pages !== records.length) fail('keep every record in', [`${pages} pages for ${records.length} records`]);
  } finally {
    await api.close();
  }
}

/** The paper table (gzipped), the field suggestions and the word list, under `<site>/search/`. */
export async function writeSearchFiles(site: string, papers: readonly PaperEntry[]): Promise<void> {
  const { organizations, keywords } = searchFacets({ papers: new Map(papers.map((e) => [e.id, e])) });
  const suggestions = { organization: organizations.map((f) => f.value), keyword: keywords.map((f) => f.value) };
  await mkdir(path.join(site, 'search'), { recursive: true });
  await Promise.all([
    writeFile(path.join(site, SEARCH_FILES.table), gzipSync(encodeTable(papers.map(tableRow)), { level: 9 })),
    writeFile(path.join(site, SEARCH_FILES.suggestions), JSON.stringify(suggestions)),
    writeFile(
      path.join(site, SEARCH_FILES.words),
      vocabulary(papers)
        .map((w) => `${w}\n`)
        .join(''),
    ),
  ]);
}

/** Pagefind's script says where the recent part is and which of its pages is no paper (null: no part). */
export const PARTS_EXPORT = 'papersRecentIndex';

/** Leaves only what a merged index is read from: Pagefind's scripts, styles and WebAssembly come with the main one. */
async function keepIndexData(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (!/^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/.test(name)) {
      await rm(path.join(dir, name), { recursive: true });
    }
  }
}

/** The id Pagefind gave the page of `url` in the index in `dir` (its fragment's name). */
async function pageId(dir: string, url: string): Promise<string> {
  const start = `pagefind_dcd{"url":${JSON.stringify(url)},`;
  for (const name of await readdir(path.join(dir, 'fragment'))) {
    const head = gunzipSync(await readFile(path.join(dir, 'fragment', name))).subarray(0, 200);
    if (head.toString('utf8').startsWith(start)) return name.replace(/\.pf_fragment$/, '');
  }
  throw new Error(`Pagefind wrote no page ${url} into ${dir}`);
}

export type SearchIndexOptions = {
  /** The built site's folder (Astro's dist/), or the folder the index is made in for it. */
  site: string;
  /** The archive folder the site was built from. */
  contentDir: string;
  logger: Pick<AstroIntegrationLogger, 'info'>;
  pagefind?: PagefindApi;
  /** The fewest papers in the main part for the index to be in two parts (site/lib/options.ts). */
  splitAt?: number;
  /** Where the main index is kept between builds, and what besides its records shapes it. */
  cache?: { store: IndexCache; shapedBy: Record<string, string> } | undefined;
};

export async function buildSearchIndex({
  site,
  contentDir,
  logger,
  pagefind: api,
  splitAt = 1,
  cache,
}: SearchIndexOptions): Promise<void> {
  const started = performance.now();
  const papers = await readPapers(contentDir);
  const { main, recent } = splitIndex(papers, splitAt);
  const outputPath = path.join(site, 'pagefind');
  const mainRecords = main.map(paperRecord);
  const key =
    cache &&
    indexKey(mainRecords, {
      ...cache.shapedBy,
      chunkSize: process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ?? INDEX_CHUNK_SIZE,
    });
  const cachedWords = cache && key ? await cache.store.restore(key, outputPath) : null;
  const restored = cachedWords !== null;
  const words = cachedWords ?? (recent.length > 0 || cache ? mainPartWords(mainRecords) : '');
  if (!restored) {
    await writeSearchIndex(mainRecords, outputPath, api);
    if (cache && key) await cache.store.store(key, outputPath, words);
  }
  let part: { path: string; vocabulary: string } | null = null;
  if (recent.length > 0) {
    const recentPath = path.join(outputPath, RECENT_PART);
    await writeSearchIndex([...recent.map(paperRecord), vocabularyRecord(words)], recentPath, api, RECENT_CHUNK_SIZE);
    await keepIndexData(recentPath);
    part = { path: RECENT_PART, vocabulary: await pageId(recentPath, VOCABULARY_URL) };
  }
  // A new file renamed over Pagefind's: the one there may be a hard link into the cache.
  const script = path.join(outputPath, 'pagefind.js');
  const declared = `${await readFile(script, 'utf8')}\nexport const ${PARTS_EXPORT} = ${JSON.stringify(part)};\n`;
  await writeFile(`${script}.part`, declared);
  await rename(`${script}.part`, script);
  await writeSearchFiles(site, papers);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const from = restored ? ` (${main.length} from the cache)` : '';
  logger.info(`indexed ${papers.length} papers in ${seconds} s${from}`);
}

/** Pagefind's version, which shapes its files, from the project's node_modules; null if unknown. */
async function pagefindVersion(root: string): Promise<string | null> {
  const file = path.join(root, 'node_modules', 'pagefind', 'package.json');
  return readFile(file, 'utf8').then(
    (text) => (JSON.parse(text) as { version?: string }).version ?? null,
    () => null,
  );
}

/**
 * The index is made from the archive, not from the pages, so it is made while Astro renders
 * them: started with the build, into a folder of its own (Astro may empty its output folder
 * as it starts), and moved into the site when Astro is done. On the full archive Pagefind takes
 * 15–20 s, about as long as Astro renders every page; a nightly's few new pages take 5 s, and
 * its index, the cached main part copied and the recent part made, about as long.
 */
const STAGING = 'search-staging-';

export function pagefindIndex(): AstroIntegration {
  let staging: { dir: string; done: Promise<void> } | null = null;
  let folders: { root: string; cacheDir: string } | null = null;
  return {
    name: 'papers-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        folders = { root: fileURLToPath(config.root), cacheDir: fileURLToPath(config.cacheDir) };
      },
      'astro:build:start': async ({ logger }) => {
        if (!folders) throw new Error('the search index was not configured');
        // Beside the cache, so that the finished index is moved into the site, not copied; a
        // killed build's folder is removed, not kept with the cache.
        const dir = await ownFolder(folders.cacheDir, STAGING);
        const version = await pagefindVersion(folders.root);
        const cache = version
          ? { store: indexCache(path.join(folders.cacheDir, 'search-index')), shapedBy: { pagefind: version } }
          : undefined;
        const { contentDir, searchSplitAt } = siteOptions();
        buildRead.start(contentDir);
        const done = buildSearchIndex({ site: dir, contentDir, logger, cache, splitAt: searchSplitAt });
        // Awaited in astro:build:done; a failure meanwhile must not end the process unhandled.
        done.catch(() => {});
        staging = { dir, done };
      },
      'astro:build:done': async ({ dir }) => {
        if (!staging) throw new Error('the search index was not started with the build');
        const { dir: staged, done } = staging;
        staging = null;
        try {
          await done;
          await moveInto(staged, fileURLToPath(dir));
        } finally {
          buildRead.end();
          await rm(staged, { recursive: true, force: true });
        }
      },
    },
  };
}
