// The site's build benchmarks, each as a median of several runs (npm run bench -- site):
//   full     `astro build` from nothing (no dist/, no cache), as CI and a fresh clone build:
//            wall and CPU time, the search index's part, the largest process's peak memory
//   nightly  the archive without its newest day is built (which leaves Astro's cache), the day
//            is added and the votes of the days a night fetches again moved (archives.ts),
//            dist/ removed (a workflow run starts without one) and the site built
//            again with the cache kept: its time as a share of the full build's, the pages
//            rendered and carried over, and whether it came out the same, byte for byte, as
//            the full build of the same archive
//   scale    full builds of the synthetic 2× and 3× archives (synthetic-corpus.ts)
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SEARCH_BUILT_FROM_FILE } from '../../scraper/archive/index.ts';
import { REPO_ROOT } from '../../scraper/repo.ts';
import { compareDirs } from './dist-stats.ts';
import { runMeasured } from './measured.ts';
import { setAside } from './set-aside.ts';
import { median } from './stats.ts';

const BUILD = path.join(REPO_ROOT, 'scripts/bench/astro-build.ts');

export type BuildRun = {
  seconds: number;
  cpuSeconds: number | null;
  /** The largest process's peak resident bytes, and which process it was. */
  peakBytes: number | null;
  peakProcess: string | null;
  /** Seconds the search index took (its own log line), on a thread of its own alongside Astro's pages. */
  indexSeconds: number | null;
  rendered: number;
  carried: number;
};

/**
 * What a build's log says: the search index's time, pages rendered and pages carried over. Astro prints
 * a page's path and, when it is done, "(restored)" or its time: with pages rendered a few at a
 * time the two halves of a line interleave, so they are counted, not read line by line.
 */
export function readBuildLog(log: string): Pick<BuildRun, 'indexSeconds' | 'rendered' | 'carried'> {
  const index = /indexed \d+ (?:paper pages|papers) in ([\d.]+) s/.exec(log);
  const pages = log.match(/[├└]─ \//g)?.length ?? 0;
  const carried = log.match(/\((restored|cached)\)/g)?.length ?? 0;
  return { indexSeconds: index ? Number(index[1]) : null, rendered: pages - carried, carried };
}

export async function buildSite(content: string, out: string, cache: string): Promise<BuildRun> {
  const run = await runMeasured(process.execPath, [BUILD, '--out', out, '--cache', cache], {
    cwd: REPO_ROOT,
    env: { PAPERS_CONTENT: content },
  });
  return {
    seconds: run.seconds,
    cpuSeconds: run.cost.cpuSeconds,
    peakBytes: run.cost.peakBytes,
    peakProcess: run.cost.peakProcess,
    ...readBuildLog(run.output),
  };
}

// Set aside, not deleted, until every timing is taken (set-aside.ts says why).
const clean = (...dirs: string[]) => Promise.all(dirs.map(setAside));

/** A full build from nothing: no dist/, no cache. */
export async function fullBuild(content: string, work: string, name: string): Promise<BuildRun> {
  const out = path.join(work, `dist-${name}`);
  const cache = path.join(work, `cache-${name}`);
  await clean(out, cache);
  return buildSite(content, out, cache);
}

export type NightlyRun = {
  seed: BuildRun;
  nightly: BuildRun;
  full: BuildRun;
  identical: boolean;
  differences: string[];
};

/** Whether the two sites' search/archive.json say the same days, whichever folder each was built from. */
async function sameDaysBuiltFrom(out: string, work: string): Promise<boolean> {
  const read = async (dir: string) => {
    const { folder: _, ...days } = JSON.parse(await fs.readFile(path.join(dir, SEARCH_BUILT_FROM_FILE), 'utf8'));
    return JSON.stringify(days);
  };
  return (await read(out)) === (await read(path.join(work, 'dist-full')));
}

/**
 * One nightly: `content` (the archive without its newest day, in the folder the nightly builds
 * from) is built from nothing, leaving the cache; `addDay` adds the day (and moves votes); dist/
 * goes, the cache stays, and the site is built again. Then the same folder is built from nothing,
 * and the two sites compared.
 */
export async function nightlyRun(content: string, addDay: () => Promise<void>, work: string): Promise<NightlyRun> {
  const out = path.join(work, 'dist-nightly');
  const cache = path.join(work, 'cache-nightly');
  await clean(out, cache);
  const seed = await buildSite(content, out, cache);
  await addDay();
  await clean(out);
  const nightly = await buildSite(content, out, cache);
  // The full build of the archive as the night left it (its day added, its votes moved).
  const full = await fullBuild(content, work, 'full');
  const diff = await compareDirs(out, path.join(work, 'dist-full'));
  // Which folder each was built from is the one thing two folders of the same days differ in.
  const differ: string[] = [];
  for (const f of diff.differ)
    if (f !== SEARCH_BUILT_FROM_FILE || !(await sameDaysBuiltFrom(out, work))) differ.push(f);
  const differences = [
    ...diff.onlyA.map((f) => `only in the nightly: ${f}`),
    ...diff.onlyB.map((f) => `only in the full build: ${f}`),
    ...differ.map((f) => `differs: ${f}`),
  ];
  return { seed, nightly, full, identical: differences.length === 0, differences };
}

export type Summary = {
  runs: number;
  seconds: number;
  cpuSeconds: number | null;
  peakBytes: number | null;
  peakProcess: string | null;
  indexSeconds: number | null;
  rendered: number;
  carried: number;
  all: number[];
};

const nullableMedian = (xs: (number | null)[]): number | null =>
  xs.some((x) => x === null) ? null : median(xs as number[]);

/** Medians of several runs of the same build. */
export function summarize(runs: readonly BuildRun[]): Summary {
  const peak = nullableMedian(runs.map((r) => r.peakBytes));
  const index = nullableMedian(runs.map((r) => r.indexSeconds));
  const seconds = median(runs.map((r) => r.seconds));
  return {
    runs: runs.length,
    seconds,
    cpuSeconds: nullableMedian(runs.map((r) => r.cpuSeconds)),
    peakBytes: peak,
    peakProcess: runs.at(-1)?.peakProcess ?? null,
    indexSeconds: index,
    rendered: median(runs.map((r) => r.rendered)),
    carried: median(runs.map((r) => r.carried)),
    all: runs.map((r) => r.seconds),
  };
}
