// The search index made on a thread of its own (search-index.ts starts it with the build): it
// takes a few seconds of CPU that would otherwise wait for, or hold up, Astro's rendering of the
// pages on the one thread they share. Reads the archive; first makes the related papers, which
// the pages wait for (data/related-channel.ts), and hands them over while the main thread is
// still bundling the site; then writes the index, and says what it wrote.
import { parentPort, workerData } from 'node:worker_threads';
import { handOver } from '../data/related-channel.ts';
import { readPapers, type WorkerInput } from './search-index.ts';
import { partCache } from './search-index-cache.ts';
import { writeSearchFiles } from './search-index-files.ts';

const { site, contentDir, splitAt, cacheDir, memoDir } = workerData as WorkerInput;
const cache = cacheDir ? partCache(cacheDir) : null;
const papers = await readPapers(contentDir, memoDir);
const { lists, digest } = handOver(papers.map((e) => e.paper));
parentPort?.postMessage({ kind: 'related', lists: [...lists], digest });
parentPort?.postMessage({ kind: 'written', ...(await writeSearchFiles(site, papers, { splitAt, cache })) });
