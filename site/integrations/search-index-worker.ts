// The search index made on a thread of its own (search-index.ts starts it with the build): it
// takes a few seconds of CPU that would otherwise wait for, or hold up, Astro's rendering of the
// pages on the one thread they share. Reads the archive, writes the index, says how many papers.
import { parentPort, workerData } from 'node:worker_threads';
import { readPapers, writeSearchFiles } from './search-index.ts';

const { site, contentDir } = workerData as { site: string; contentDir: string };
const count = await writeSearchFiles(site, await readPapers(contentDir));
parentPort?.postMessage(count);
