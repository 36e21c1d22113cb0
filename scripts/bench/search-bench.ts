// Measures the search of a built site, for the "search you can trust" issue, so that its figures
// can be taken before and after a change of the ranking or the page: the cold search (30 queries,
// each in a new Chromium context: bytes and time from load to first result, p50 and p90), the
// relevance of the first results (20 topic queries judged against the archive, relevance.ts; 30
// titles as queries; 10 authors' names), and with --lighthouse the Lighthouse audits
// (lighthouse-bench.ts). `npm run bench -- site` runs it over its full build with --json;
// standalone it measures any built site, and prints the Markdown section (search-md.ts), or
// writes it into a results file between markers (--into, with --title) that
// `npm run bench -- site` keeps when it rewrites bench/RESULTS.md. Speed is measured here, never
// asserted in tests.
//
//   npx node scripts/bench/search-bench.ts --dist DIR [--content DIR] [--base /] [--runs 3]
//     [--chromium PATH] [--lighthouse] [--json | --into bench/RESULTS.md --title "Search, before …"]
// --chromium is the browser of the cold searches (default: the scraper's, $PAPERS_CHROMIUM or
// the system's chromium): the report names it, since times differ between browsers (on this
// 2-core machine the headless shell reaches the first result in about half the time
// /usr/bin/chromium takes), so figures before and after a change compare only with the same one.
// The archive (--content, default $PAPERS_CONTENT or ./content) is the one the site was built
// from: the queries and the right answers come from it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readArchive } from '../../scraper/archive/index.ts';
import { findChromium, launchChromium } from '../../scraper/fetch/chromium.ts';
import { REPO_ROOT } from '../../scraper/repo.ts';
import { normalizeBase } from '../../site/lib/options.ts';
import { sameName } from '../../site/lib/search-keys.ts';
import { serveStatic } from '../site/serve.ts';
import { benchLighthouse, type LighthouseReport, lighthousePages } from './lighthouse-bench.ts';
import { machineFacts } from './machine.ts';
import { heldCounts, judgeTop, summarizeTopics, TOP } from './relevance.ts';
import { type Cold, cold, resultIds, watchResults } from './search-browser.ts';
import { type ColdRow, type Percentiles, type SearchReport, searchMarkdown, upsertSection } from './search-md.ts';
import { benchSets, TOPIC_QUERIES } from './search-queries.ts';
import { median, percentile } from './stats.ts';

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const since = (t: number): number => (performance.now() - t) / 1000;

function commit(): string {
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  try {
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

/** An argument as a shell would need it typed, for the report's command line. */
const shellWord = (arg: string): string =>
  /^[\w./=:,@+-]+$/.test(arg) ? arg : `"${arg.replace(/(["\\$`])/g, '\\$1')}"`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string' },
      content: { type: 'string', default: process.env['PAPERS_CONTENT'] || 'content' },
      base: { type: 'string', default: process.env['PAPERS_BASE'] || '/' },
      runs: { type: 'string', default: '3' },
      lighthouse: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      into: { type: 'string' },
      title: { type: 'string' },
      chromium: { type: 'string' },
    },
  });
  if (!values.dist) throw new Error('--dist DIR: the built site to measure');
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a whole number from 1, not "${values.runs}"`);
  const started = performance.now();
  const load = { start: os.loadavg(), end: [] as number[] };
  const dist = path.resolve(values.dist);
  const content = path.resolve(values.content);
  const { days } = await readArchive(content);
  const sets = benchSets(days);
  const base = normalizeBase(values.base);
  const server = await serveStatic({ root: dist, base, port: 0, host: '127.0.0.1' });
  // By address, not the server's "localhost": the Lighthouse browser resolves no name at all.
  const site = `http://127.0.0.1:${server.port}${base}`;
  const at = (params: Record<string, string>): string => `${site}search/?${new URLSearchParams(params)}`;
  const seconds: SearchReport['seconds'] = { all: 0, cold: 0, relevance: 0, lighthouse: null };
  let lighthouse: LighthouseReport | null = null;
  try {
    const browser = await launchChromium({ explicit: values.chromium });
    const browserName = `${findChromium({ explicit: values.chromium }).executablePath} (Chromium ${browser.version()})`;
    const rows: ColdRow[] = [];
    const ranks: { title: string; rank: number }[] = [];
    const precision: { name: string; p5: number }[] = [];
    const topicRows: ReturnType<typeof judgeTop>[] = [];
    try {
      let t = performance.now();
      const timed = [
        ...sets.queries.map((q) => ({ ...q, group: 'first 20' as const })),
        ...sets.more.map((q) => ({ ...q, group: 'phrase and filter' as const })),
      ];
      for (const query of timed) {
        const measured: Cold[] = [];
        for (let i = 0; i < runs; i++) measured.push(await cold(browser, at(query.params)));
        const row: ColdRow = {
          group: query.group,
          label: query.label,
          query: new URLSearchParams(query.params).toString(),
          bytes: median(measured.map((m) => m.bytes)),
          deployed: median(measured.map((m) => m.deployed)),
          ms: median(measured.map((m) => m.ms)),
          status: measured[0]!.status,
          runs: measured,
        };
        rows.push(row);
        log(
          `${(row.deployed / 1024).toFixed(1).padStart(7)} KB ${row.ms.toFixed(0).padStart(6)} ms  ${row.label}: ${row.query.slice(0, 70)}  → ${row.status.slice(0, 60)}`,
        );
      }
      seconds.cold = since(t);

      t = performance.now();
      const page = await (await browser.newContext()).newPage();
      await page.addInitScript(watchResults);
      for (const { title, id } of sets.titles) {
        const ids = await resultIds(page, at({ q: title }), 10);
        ranks.push({ title, rank: ids.indexOf(id) + 1 });
      }
      for (const name of sets.authors) {
        const ids = await resultIds(page, at({ q: name }), 5);
        const hits = ids.filter((id) => (sets.authorsOf.get(id) ?? []).some((a) => sameName(a, name))).length;
        precision.push({ name, p5: hits / 5 });
      }
      const held = heldCounts(TOPIC_QUERIES, sets.byId);
      for (const query of TOPIC_QUERIES) {
        const row = judgeTop(query, await resultIds(page, at({ q: query }), TOP), sets.byId, held.get(query)!);
        topicRows.push(row);
        log(`${Math.round(row.share * 100)}% on topic, median upvotes ${row.medianUpvotes}: ${query}`);
      }
      seconds.relevance = since(t);
    } finally {
      await browser.close();
    }

    if (values.lighthouse) {
      const newest = [...days].sort((a, b) => a.date.localeCompare(b.date)).at(-1)!;
      lighthouse = await benchLighthouse({
        siteUrl: site,
        pages: lighthousePages(dist, newest.date, newest.papers[0]!.id),
        runs,
        log,
      });
      seconds.lighthouse = lighthouse.seconds;
    }
    load.end = os.loadavg();
    seconds.all = since(started);

    const pick = (p: number): Percentiles => {
      const of = (key: keyof Percentiles): number =>
        percentile(
          rows.map((r) => r[key]),
          p,
        );
      return { bytes: of('bytes'), deployed: of('deployed'), ms: of('ms') };
    };
    const report: SearchReport = {
      at: new Date().toISOString(),
      commit: commit(),
      command: ['npx node scripts/bench/search-bench.ts', ...process.argv.slice(2).map(shellWord)].join(' '),
      browser: browserName,
      machine: machineFacts(),
      load,
      seconds,
      dist,
      archive: { path: content, days: days.length, papers: sets.byId.size },
      runs,
      cold: { rows, p50: pick(50), p90: pick(90) },
      titles: {
        mrr: ranks.reduce((s, r) => s + (r.rank > 0 ? 1 / r.rank : 0), 0) / ranks.length,
        count: ranks.length,
        misses: ranks.filter((r) => r.rank !== 1),
      },
      authors: { p5: precision.reduce((s, p) => s + p.p5, 0) / precision.length, rows: precision },
      topics: { rows: topicRows, summary: summarizeTopics(topicRows) },
      lighthouse,
    };
    log(`search bench: ${seconds.all.toFixed(0)} s in all`);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
      return;
    }
    const title = values.title ?? `Search (${report.at.slice(0, 10)})`;
    const markdown = searchMarkdown(report, title);
    if (values.into) {
      const file = path.resolve(values.into);
      const doc = existsSync(file) ? readFileSync(file, 'utf8') : '';
      writeFileSync(file, upsertSection(doc, title, markdown));
      log(`written into ${file} under "${title}"`);
    } else process.stdout.write(`${markdown}\n`);
  } finally {
    await server.close();
  }
}

main().catch((e: Error) => {
  process.stderr.write(`search-bench: ${e.stack ?? e.message}\n`);
  process.exit(1);
});
