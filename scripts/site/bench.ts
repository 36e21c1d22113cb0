// Measures the site for an archive folder: build time (median of --runs real `astro build`s),
// pages built, dist/ size, the size of a day page and of a paper page, the client script of each
// type of page (script-weight.ts), and the bytes a first search transfers in Chromium. Speed is measured here, never asserted in tests. With --no-build
// it measures a site already built (--dist, default dist/): `npm run bench -- site` builds its
// own (scripts/bench/site-bench.ts) and hands it here for the sizes and the first search.
//
//   npx node scripts/site/bench.ts [--content DIR] [--runs 3] [--query agent] [--no-build] [--dist DIR]
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../scraper/fetch/chromium.ts';
import { REPO_ROOT as ROOT } from '../../scraper/repo.ts';
import { siteOptions } from '../../site/lib/options.ts';
import { scriptWeight } from './script-weight.ts';
import { serveStatic } from './serve.ts';

const USAGE =
  'usage: npx node scripts/site/bench.ts [--content DIR] [--runs 3] [--query agent] [--no-build] [--dist DIR]';
let DIST = path.join(ROOT, 'dist');
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');

type BuildRun = { seconds: number; pages: number };

function build(content: string): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const env = { ...process.env, PAPERS_CONTENT: content, NO_COLOR: '1' };
    const child = spawn(process.execPath, [ASTRO, 'build'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`astro build exited ${code}:\n${output.slice(-3000)}`));
      const pages = Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? NaN);
      resolve({ seconds: (performance.now() - started) / 1000, pages });
    });
  });
}

async function walk(dir: string): Promise<{ file: string; size: number }[]> {
  const out: { file: string; size: number }[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else out.push({ file: full, size: (await fs.stat(full)).size });
  }
  return out;
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function pageSizes(
  files: { file: string; size: number }[],
  folder: string,
): Promise<{ median: number; max: number; medianGzip: number; count: number }> {
  const pages = files.filter(
    (f) => f.file.startsWith(path.join(DIST, folder) + path.sep) && f.file.endsWith('index.html'),
  );
  const sizes = pages.map((p) => p.size);
  const mid = [...pages].sort((a, b) => a.size - b.size)[Math.floor(pages.length / 2)]!;
  const gz = gzipSync(await fs.readFile(mid.file)).length;
  return { median: median(sizes), max: Math.max(...sizes), medianGzip: gz, count: pages.length };
}

/** Bytes over the wire for loading /search/, then for the first search (the index's files). */
async function firstSearch(
  query: string,
): Promise<{ pageLoad: number; search: number; files: string[]; results: string }> {
  const server = await serveStatic({ root: DIST, base: process.env['PAPERS_BASE'] || '/', port: 0 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    let phase: 'load' | 'search' = 'load';
    const bytes = { load: 0, search: 0 };
    const files: string[] = [];
    page.on('response', async (response) => {
      const at = phase;
      const body = await response.body().catch(() => Buffer.alloc(0));
      const pathname = new URL(response.url()).pathname;
      // A search fetches only the index's files; anything else (a late favicon) is the page's.
      if (at === 'search' && /\/search\/.+/.test(pathname)) {
        bytes.search += body.length;
        files.push(`${pathname} ${body.length}`);
      } else {
        bytes.load += body.length;
      }
    });
    await page.goto(`${server.url}search/`, { waitUntil: 'networkidle' });
    phase = 'search';
    await page.fill('#q', query);
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => /found/.test(document.querySelector('#search-status')?.textContent ?? ''));
    await page.waitForLoadState('networkidle');
    const results = (await page.textContent('#search-status')) ?? '';
    return { pageLoad: bytes.load, search: bytes.search, files, results };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      content: { type: 'string', default: process.env['PAPERS_CONTENT'] || 'content' },
      runs: { type: 'string', default: '3' },
      query: { type: 'string', default: 'agent' },
      'no-build': { type: 'boolean', default: false },
      dist: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.dist) {
    if (!values['no-build']) throw new Error('--dist measures a site already built: give --no-build too');
    DIST = path.resolve(values.dist);
  }
  const content = path.resolve(values.content);
  const report: string[] = values['no-build'] ? [`site: ${DIST}`] : [`archive: ${content}`];
  if (!values['no-build']) {
    const runs: BuildRun[] = [];
    for (let i = 0; i < Number(values.runs); i++) {
      runs.push(await build(content));
      process.stderr.write(`build ${i + 1}: ${runs.at(-1)!.seconds.toFixed(1)} s\n`);
    }
    report.push(
      `build: median ${median(runs.map((r) => r.seconds)).toFixed(1)} s of ${runs.length} (${runs.map((r) => r.seconds.toFixed(1)).join(', ')} s)`,
      `pages built: ${runs.at(-1)!.pages}`,
    );
  }
  const files = await walk(DIST);
  const total = files.reduce((n, f) => n + f.size, 0);
  const index = files
    .filter((f) => f.file.startsWith(path.join(DIST, 'search') + path.sep) && !f.file.endsWith('index.html'))
    .reduce((n, f) => n + f.size, 0);
  report.push(`dist/: ${mb(total)} in ${files.length} files (search index ${mb(index)})`);
  for (const [label, folder] of [
    ['day page', 'days'],
    ['paper page', 'papers'],
  ] as const) {
    const s = await pageSizes(files, folder);
    report.push(
      `${label}: median ${kb(s.median)} (${kb(s.medianGzip)} gzipped), largest ${kb(s.max)}, ${s.count} pages`,
    );
  }
  // Client script per type of page: as it opens, and what it may load later.
  const newestDay = files
    .map((f) => /days[\\/](\d{4}-\d{2}-\d{2})[\\/]index\.html$/.exec(f.file)?.[1])
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1);
  const aPaper = files.map((f) => /papers[\\/](\d{4}\.\d{4,5})[\\/]index\.html$/.exec(f.file)?.[1]).find(Boolean);
  for (const [label, page] of [
    ['home', ''],
    ['day', newestDay ? `days/${newestDay}/` : null],
    ['paper', aPaper ? `papers/${aPaper}/` : null],
    ['search', 'search/'],
    ['list', 'list/'],
    ['feeds', 'feeds/'],
  ] as const) {
    if (page === null) continue;
    // The base the site was built for: PAPERS_BASE, as for the build (site/lib/options.ts).
    const w = scriptWeight(DIST, page, siteOptions().base);
    report.push(
      `scripts, ${label} page: ${w.open} B gzipped as it opens, ${w.onDemand} B more on demand (${w.openFiles.length + w.onDemandFiles.length} files)`,
    );
  }
  const search = await firstSearch(values.query);
  report.push(
    `search page load: ${kb(search.pageLoad)}`,
    `first search for "${values.query}" (${search.results}): ${kb(search.search)} transferred`,
    ...search.files.map((f) => `  ${f}`),
  );
  process.stdout.write(`${report.join('\n')}\n`);
}

main().catch((e: Error & { code?: string }) => {
  // A mistake in the options is one line and the usage; anything else, the whole story.
  const usage = e.code?.startsWith('ERR_PARSE_ARGS') || e.message.startsWith('--dist');
  process.stderr.write(usage ? `bench: ${e.message}\n${USAGE}\n` : `bench: ${e.stack ?? e.message}\n`);
  process.exit(usage ? 2 : 1);
});
