// Builds the search index while Astro renders the site, on a thread of its own
// (search-index-worker.ts): from the archive itself (the folder the build reads,
// site/lib/options.ts), never from the rendered pages, so it holds every paper
// whichever pages Astro rendered, and nothing a page adds around them. The index, the paper
// records, the paper table, the organization list, the keyword suggestions and the words
// offered when nothing is found all go under dist/search/ (site/lib/search-files.ts). Three
// parts: readPapers (the archive in), writeSearchFiles (files out, from site/lib/
// search-index-build.ts), and the hook that wires them to Astro.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { InputError } from '../../scraper/archive/index.ts';
import { buildRead } from '../data/read-archive.ts';
import { buildArchiveIndex, type PaperEntry } from '../lib/archive-index.ts';
import { siteOptions } from '../lib/options.ts';
import { searchFacets } from '../lib/search-facets.ts';
import { SEARCH_FILES } from '../lib/search-files.ts';
import { buildIndex, indexOrder } from '../lib/search-index-build.ts';
import { encodeTable } from '../lib/search-table.ts';
import { vocabulary } from '../lib/search-vocabulary.ts';
import { moveInto, ownFolder } from './staging.ts';

/** Every paper of the archive folder, in the order the index numbers them. */
export async function readPapers(contentDir: string): Promise<PaperEntry[]> {
  const { days, errors } = await buildRead.of(contentDir);
  if (errors.length > 0) throw new InputError(errors.map((e) => e.message).join('; '));
  return indexOrder(buildArchiveIndex(days).papers.values());
}

/** Level 6: on the index's shards a third of the time of level 9, for 2% more bytes. */
const gzip = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 6 });

/** Writes every file of the search under `site`; returns how many papers it indexed. */
export async function writeSearchFiles(site: string, papers: readonly PaperEntry[]): Promise<number> {
  const built = buildIndex(papers);
  const { keywords } = searchFacets({ papers: new Map(papers.map((e) => [e.id, e])) });
  // Named as within the build's folder first: the folder is named after them.
  const files = new Map<string, Uint8Array | string>();
  const B = '{build}';
  for (const [n, shard] of built.shards.entries()) files.set(SEARCH_FILES.shard(B, n), gzip(shard));
  for (const [i, doc] of built.papers.entries()) files.set(SEARCH_FILES.paper(B, i), JSON.stringify(doc));
  files.set(SEARCH_FILES.table(B), gzip(encodeTable(built.table)));
  files.set(SEARCH_FILES.organizations(B), JSON.stringify(built.organizations));
  // The build's name: a digest of every file a search reads, so that it changes when any does.
  const digest = createHash('sha256');
  for (const [name, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) digest.update(name).update(bytes);
  const build = digest.digest('hex').slice(0, 16);
  const named = new Map([...files].map(([name, bytes]) => [name.replace(B, build), bytes]));
  named.set(SEARCH_FILES.manifest, JSON.stringify({ ...built.manifest, build }));
  named.set(
    SEARCH_FILES.suggestions,
    JSON.stringify({ organization: built.organizations.map(([name]) => name), keyword: keywords.map((f) => f.value) }),
  );
  named.set(
    SEARCH_FILES.words,
    vocabulary(papers)
      .map((w) => `${w}\n`)
      .join(''),
  );
  for (const dir of new Set([...named.keys()].map((f) => path.dirname(path.join(site, f))))) {
    await mkdir(dir, { recursive: true });
  }
  // One after the other, synchronously: 14,000 small files go three times faster so than as
  // many promises through libuv's four threads.
  for (const [name, bytes] of named) writeFileSync(path.join(site, name), bytes);
  return papers.length;
}

export type SearchIndexOptions = {
  /** The folder the index is written in for the site (then moved into Astro's dist/). */
  site: string;
  /** The archive folder the site is built from. */
  contentDir: string;
  logger: Pick<AstroIntegrationLogger, 'info'>;
};

/** The index, made on a thread of its own (search-index-worker.ts). */
function onWorker(site: string, contentDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { site, contentDir } });
    let count: number | null = null;
    worker.once('message', (n: number) => {
      count = n;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code === 0 && count !== null) resolve(count);
      else reject(new Error(`the search index's thread ended with code ${code}`));
    });
  });
}

const WORKER = new URL('./search-index-worker.ts', import.meta.url);

export async function buildSearchIndex({ site, contentDir, logger }: SearchIndexOptions): Promise<void> {
  const started = performance.now();
  const count = await onWorker(site, contentDir);
  logger.info(`indexed ${count} papers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const STAGING = 'search-staging-';

/** Index folders of earlier builds a dist/ kept (search/<build>/): only the manifest's is read. */
export async function removeOtherBuilds(searchDir: string): Promise<void> {
  const { build } = JSON.parse(await readFile(path.join(searchDir, 'index.json'), 'utf8')) as { build: string };
  for (const name of await readdir(searchDir)) {
    if (/^[0-9a-f]{16}$/.test(name) && name !== build) await rm(path.join(searchDir, name), { recursive: true });
  }
}

/**
 * The index is made from the archive, not from the pages, so it is made while Astro renders
 * them: started with the build, into a folder of its own, and moved into the site when Astro is
 * done.
 */
export function searchIndex(): AstroIntegration {
  let staging: { dir: string; done: Promise<void> } | null = null;
  let cacheDir: string | null = null;
  return {
    name: 'papers-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': async ({ logger }) => {
        if (!cacheDir) throw new Error('the search index was not configured');
        const dir = await ownFolder(cacheDir, STAGING);
        const { contentDir } = siteOptions();
        // The pages' read of the archive, started now; the index's thread reads its own.
        buildRead.start(contentDir);
        const done = buildSearchIndex({ site: dir, contentDir, logger });
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
          const out = fileURLToPath(dir);
          await moveInto(staged, out);
          await removeOtherBuilds(path.join(out, 'search'));
        } finally {
          buildRead.end();
          await rm(staged, { recursive: true, force: true });
        }
      },
    },
  };
}
