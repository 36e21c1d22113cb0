// `npm run bench -- site [--corpus DIR]`: the site's builds on an archive and on 2× and 3× of it
// (site-builds.ts), what dist/ weighs by year of archive (dist-stats.ts), the page sizes and the
// first search (scripts/site/bench.ts), and the search benchmark (scripts/bench/search-bench.ts,
// given the built site as --dist, the archive it was built from as --content, with its Lighthouse
// audits: its report comes back as JSON and is written into bench/RESULTS.md by search-md.ts).
// Everything is built under .cache/bench/site/, never into dist/ or .cache/astro/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../scraper/repo.ts';
import { archiveFacts, archiveOf, syntheticOf, withoutNewestDay } from './archives.ts';
import { byKind, type Growth, growth, listFiles } from './dist-stats.ts';
import { type Machine, machineFacts } from './machine.ts';
import { type RelatedReport, relatedBench } from './related-bench.ts';
import type { SearchReport } from './search-md.ts';
import { emptyTrash } from './set-aside.ts';
import { type BuildRun, fullBuild, type NightlyRun, nightlyRun, type Summary, summarize } from './site-builds.ts';

export const SEARCH_BENCH = path.join(REPO_ROOT, 'scripts/bench/search-bench.ts');

export type ScaleRow = {
  times: number;
  days: number;
  papers: number;
  summary: Summary;
  dist: { bytes: number; files: number };
};

export type SiteReport = {
  at: string;
  machine: Machine;
  load: { start: number[]; end: number[] };
  corpus: { path: string; bundled: boolean; days: number; papers: number; first: string; last: string };
  full: ScaleRow;
  nightly: { summary: Summary; seed: Summary; addedDay: string; identical: boolean; differences: string[] };
  scale: ScaleRow[];
  growth: Growth;
  /** The full build's files by what they are for (dist-stats.ts fileKind). */
  kinds: ReturnType<typeof byKind>;
  pages: string[];
  related: RelatedReport;
  /** The search benchmark's report; its output lines when it failed; null when it is not in the checkout. */
  search: SearchReport | string[] | null;
};

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function describeRun(what: string, r: BuildRun): string {
  const pf = r.indexSeconds === null ? '' : `, search index ${r.indexSeconds.toFixed(1)} s`;
  return `${what}: ${r.seconds.toFixed(1)} s${pf}, CPU ${r.cpuSeconds?.toFixed(1) ?? '?'} s, ${r.rendered} pages rendered, ${r.carried} carried over`;
}

async function distTotals(dir: string): Promise<{ bytes: number; files: number }> {
  const files = await listFiles(dir);
  return { bytes: files.reduce((n, f) => n + f.size, 0), files: files.length };
}

/** Lines of a script's output, or why it did not run. */
function script(file: string, args: string[]): string[] {
  const run = spawnSync(process.execPath, [file, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = run.stdout.trim().split('\n').filter(Boolean);
  return run.status === 0 ? lines : [...lines, `(exited ${run.status})`];
}

/** The search benchmark's report, or its last lines of output and exit status when it failed. */
function searchBench(dist: string, archive: string, runs: number): SearchReport | string[] {
  const args = ['--dist', dist, '--content', archive, '--runs', String(runs), '--lighthouse', '--json'];
  const run = spawnSync(process.execPath, [SEARCH_BENCH, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 256 * 1024 ** 2,
  });
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status === 0 && last.startsWith('{')) return JSON.parse(last) as SearchReport;
  return [...run.stdout.trim().split('\n').slice(-20), `(exited ${run.status ?? run.signal})`];
}

export async function benchSite(options: {
  corpus: string | undefined;
  runs: number;
  scales: number[];
}): Promise<SiteReport> {
  const work = path.join(REPO_ROOT, '.cache/bench/site');
  const bundled = options.corpus === undefined;
  const source = path.resolve(options.corpus ?? path.join(REPO_ROOT, 'content'));
  const load = { start: os.loadavg(), end: [] as number[] };
  const archive = await archiveOf(source, work);
  const facts = await archiveFacts(archive);
  log(`archive: ${archive} (${facts.days.length} days, ${facts.papers} papers)`);

  const nightlyContent = path.join(work, 'archive-nightly');
  const runs: NightlyRun[] = [];
  let addedDay = '';
  for (let i = 0; i < options.runs; i++) {
    const { date, addIt } = await withoutNewestDay(archive, nightlyContent);
    addedDay = date;
    const run = await nightlyRun(nightlyContent, addIt, work);
    log(describeRun(`run ${i + 1}, seed`, run.seed));
    log(describeRun(`run ${i + 1}, nightly (+${date})`, run.nightly));
    log(describeRun(`run ${i + 1}, full`, run.full));
    if (!run.identical)
      log(`the nightly's site differs from the full build's:\n  ${run.differences.slice(0, 20).join('\n  ')}`);
    runs.push(run);
  }
  const fullDist = path.join(work, 'dist-full');
  const full: ScaleRow = {
    times: 1,
    days: facts.days.length,
    papers: facts.papers,
    summary: summarize(runs.map((r) => r.full)),
    dist: await distTotals(fullDist),
  };
  const files = await listFiles(fullDist);

  const scale: ScaleRow[] = [full];
  for (const times of options.scales.filter((t) => t > 1)) {
    const dir = await syntheticOf(archive, times, work);
    const f = await archiveFacts(dir);
    const builds: BuildRun[] = [];
    for (let i = 0; i < options.runs; i++) {
      builds.push(await fullBuild(dir, work, `${times}x`));
      log(describeRun(`${times}×, run ${i + 1}`, builds.at(-1)!));
    }
    scale.push({
      times,
      days: f.days.length,
      papers: f.papers,
      summary: summarize(builds),
      dist: await distTotals(path.join(work, `dist-${times}x`)),
    });
  }

  const pages = script(path.join(REPO_ROOT, 'scripts/site/bench.ts'), ['--no-build', '--dist', fullDist]);
  const related = await relatedBench(archive, options.runs);
  log(`related papers: ${related.seconds.toFixed(2)} s for ${related.papers} papers`);
  const search = existsSync(SEARCH_BENCH) ? searchBench(fullDist, archive, options.runs) : null;
  load.end = os.loadavg();
  await emptyTrash(work);
  return {
    at: new Date().toISOString(),
    machine: machineFacts(),
    load,
    corpus: {
      path: source,
      bundled,
      days: facts.days.length,
      papers: facts.papers,
      first: facts.first,
      last: facts.last,
    },
    full,
    nightly: {
      summary: summarize(runs.map((r) => r.nightly)),
      seed: summarize(runs.map((r) => r.seed)),
      addedDay,
      identical: runs.every((r) => r.identical),
      differences: runs.flatMap((r) => r.differences).slice(0, 20),
    },
    scale,
    growth: growth(files, facts.days),
    kinds: byKind(files),
    pages,
    related,
    search,
  };
}
