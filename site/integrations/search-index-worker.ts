// The search index made on a thread of its own (search-index.ts starts it with the build): it
// takes a few seconds of CPU that would otherwise wait for, or hold up, Astro's rendering of the
// pages on the one thread they share. Reads the archive; first makes the related papers, which
// the pages wait for (data/related-channel.ts), and hands them over while the main thread is
// still bundling the site; then writes the index, then the feeds and citation files
// (lib/site-files.ts), and says what it wrote.
import { parentPort, workerData } from 'node:worker_threads';
import { readHistories } from '../../scraper/archive/index.ts';
import { handOver } from '../data/related-channel.ts';
import { sitePaths } from '../lib/paths.ts';
import { indexOrder } from '../lib/search-index-build.ts';
import { siteFiles } from '../lib/site-files.ts';
import { readIndex, type WorkerInput } from './search-index.ts';
import { partCache } from './search-index-cache.ts';
import { writeSearchFiles } from './search-index-files.ts';
import { writeSiteFiles } from './site-files-write.ts';

const { site, contentDir, splitAt, cacheDir, memoDir, base, siteUrl } = workerData as WorkerInput;
const cache = cacheDir ? partCache(cacheDir) : null;
const index = await readIndex(contentDir, memoDir);
const papers = indexOrder(index.papers.values());
const { lists, digest } = handOver(papers.map((e) => e.paper));
parentPort?.postMessage({ kind: 'related', lists: [...lists], digest });
parentPort?.postMessage({ kind: 'written', ...(await writeSearchFiles(site, papers, { splitAt, cache })) });
// The feeds and citation files (lib/site-files.ts), every one every build: the pages' thread
// checks the histories as it reads them, and fails the build on any problem.
const started = performance.now();
const { histories } = await readHistories(contentDir);
const files = writeSiteFiles(site, siteFiles(index, histories, sitePaths(base), new URL(siteUrl).origin));
parentPort?.postMessage({ kind: 'files', files, seconds: (performance.now() - started) / 1000 });
