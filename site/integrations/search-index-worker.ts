// The search index made on a thread of its own (search-index.ts starts it with the build): it
// takes a few seconds of CPU that would otherwise wait for, or hold up, Astro's rendering of the
// pages on the one thread they share. Reads the archive, writes the index, says what it wrote.
import { parentPort, workerData } from 'node:worker_threads';
import { readPapers, type WorkerInput } from './search-index.ts';
import { partCache } from './search-index-cache.ts';
import { writeSearchFiles } from './search-index-files.ts';

const { site, contentDir, splitAt, cacheDir, memoDir } = workerData as WorkerInput;
const cache = cacheDir ? partCache(cacheDir) : null;
parentPort?.postMessage(await writeSearchFiles(site, await readPapers(contentDir, memoDir), { splitAt, cache }));
