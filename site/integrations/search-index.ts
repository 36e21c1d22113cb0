// Builds the search index while Astro renders the site, on a thread of its own
// (search-index-worker.ts): from the archive itself (the folder the build reads,
// site/lib/options.ts), never from the rendered pages, so it holds every paper whichever pages
// Astro rendered, and nothing a page adds around them. Its files go under dist/search/
// (search-index-files.ts writes them; site/lib/search-files.ts names them). Three parts:
// readPapers (the archive in), the thread, and the hook that wires them to Astro.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { InputError } from '../../scraper/archive/index.ts';
import { buildRead } from '../data/read-archive.ts';
import { clearPublishedRelated, type Handed, publishRelated } from '../data/related-channel.ts';
import { type ArchiveIndex, buildArchiveIndex, type PaperEntry } from '../lib/archive-index.ts';
import { siteOptions } from '../lib/options.ts';
import { indexOrder } from '../lib/search-index-build.ts';
import { removeOtherBuilds, type Written } from './search-index-files.ts';
import { inlineSearchManifest } from './search-manifest-inline.ts';
import { moveInto, ownFolder } from './staging.ts';

/** The archive folder's index (its days, papers, weeks and months). */
export async function readIndex(contentDir: string, memoDir?: string): Promise<ArchiveIndex> {
  const { days, errors } = await buildRead.of(contentDir, memoDir);
  if (errors.length > 0) throw new InputError(errors.map((e) => e.message).join('; '));
  return buildArchiveIndex(days);
}

/** Every paper of the archive folder, in the order the index numbers them. */
export async function readPapers(contentDir: string, memoDir?: string): Promise<PaperEntry[]> {
  return indexOrder((await readIndex(contentDir, memoDir)).papers.values());
}

export type SearchIndexOptions = {
  /** The folder the index is written in for the site (then moved into Astro's dist/). */
  site: string;
  /** The archive folder the site is built from. */
  contentDir: string;
  /** The fewest papers of a main part for the index to be in two (site/lib/search-index-build.ts). */
  splitAt: number;
  /** Where the main part is kept between builds (search-index-cache.ts); null: nowhere. */
  cacheDir: string | null;
  /** Where the build keeps the days it parsed (site/data/day-memo.ts). */
  memoDir?: string | undefined;
  /** The site's base path and address, for the feeds and citation files made alongside (lib/site-files.ts). */
  base: string;
  siteUrl: string;
  logger: Pick<AstroIntegrationLogger, 'info'>;
};

/** What the index's thread is given and answers (search-index-worker.ts). */
export type WorkerInput = Omit<SearchIndexOptions, 'logger'>;

/** What the thread says: the related papers it made first, then what it wrote: the index, then the site's data files. */
type WorkerMessage =
  | { kind: 'related'; lists: [string, string[]][]; digest: string }
  | ({ kind: 'written' } & Written)
  | { kind: 'files'; files: number; seconds: number };

/** What the thread wrote: the index, and how many data files (lib/site-files.ts) in how long. */
type Wrote = Written & { files: number; filesSeconds: number };

/**
 * The index, made on a thread of its own (search-index-worker.ts); `related` is told the
 * related papers the thread makes first, or the error that ended it before.
 */
function onWorker(input: WorkerInput, related: (handed: Promise<Handed>) => void): Promise<Wrote> {
  let handOver: (handed: Handed) => void = () => {};
  let fail: (error: Error) => void = () => {};
  related(
    new Promise<Handed>((resolve, reject) => {
      handOver = resolve;
      fail = reject;
    }),
  );
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: input });
    let count: Written | null = null;
    let files: { files: number; filesSeconds: number } | null = null;
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'related') handOver({ lists: new Map(message.lists), digest: message.digest });
      else if (message.kind === 'written')
        count = { papers: message.papers, parts: message.parts, fromCache: message.fromCache };
      else files = { files: message.files, filesSeconds: message.seconds };
    });
    worker.once('error', (error) => {
      fail(error);
      reject(error);
    });
    worker.once('exit', (code) => {
      const error = new Error(`the search index's thread ended with code ${code}`);
      fail(error);
      if (code === 0 && count !== null && files !== null) resolve({ ...count, ...files });
      else reject(error);
    });
  });
}

const WORKER = new URL('./search-index-worker.ts', import.meta.url);

export async function buildSearchIndex({ logger, ...input }: SearchIndexOptions): Promise<void> {
  const started = performance.now();
  const written = await onWorker(input, publishRelated);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const parts =
    written.parts > 1 ? ` in ${written.parts} parts${written.fromCache ? ', the first from the cache' : ''}` : '';
  logger.info(`indexed ${written.papers} papers in ${seconds} s${parts}`);
  logger.info(`wrote ${written.files} feed and citation files in ${written.filesSeconds.toFixed(1)} s`);
}

const STAGING = 'search-staging-';

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
        const { contentDir, searchSplitAt, base, siteUrl } = siteOptions();
        // The pages' read of the archive, started now; the index's thread reads its own. Both
        // take the days parsed by earlier builds from the same memo.
        const memoDir = path.join(cacheDir, 'archive-days');
        buildRead.start(contentDir, memoDir);
        const done = buildSearchIndex({
          site: dir,
          contentDir,
          splitAt: searchSplitAt,
          cacheDir: path.join(cacheDir, 'search-index'),
          memoDir,
          base,
          siteUrl,
          logger,
        });
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
          await inlineSearchManifest(out);
        } finally {
          buildRead.end();
          clearPublishedRelated();
          await rm(staged, { recursive: true, force: true });
        }
      },
    },
  };
}
