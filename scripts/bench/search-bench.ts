// Measures the search of a built site in Chromium: for 20 queries (scripts/bench/search-queries.ts)
// a cold search (a new browser context: no HTTP cache, nothing loaded) of the search page's URL
// over loopback, its bytes transferred (every response, headers and body, as they came over the
// wire from the preview server, which does not compress, and as GitHub Pages would send them,
// text gzipped) and the time from the page's load event to the first result in the page (or to
// the final status, when nothing is found); then relevance: the mean reciprocal rank of 30 titles
// used as queries (within the first 10 results) and the precision at 5 of 10 authors' names.
// Speed is measured here, never asserted in tests.
//
//   node scripts/bench/search-bench.ts --dist DIR [--content DIR] [--base /] [--runs 3] [--json]
// The archive (--content, default $PAPERS_CONTENT or ./content) is the one the site was built
// from: the queries and the right answers come from it.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Request } from 'playwright-core';
import { readArchive } from '../../scraper/archive/index.ts';
import { launchChromium } from '../../scraper/fetch/chromium.ts';
import { normalizeBase } from '../../site/lib/options.ts';
import { sameName } from '../../site/lib/search-keys.ts';
import { serveStatic } from '../site/serve.ts';
import { type BenchQuery, benchSets } from './search-queries.ts';
import { median } from './stats.ts';

/**
 * `bytes` as this preview server sends them (it does not compress); `deployed` as GitHub Pages
 * would: text types gzipped (Pagefind's own index, fragment and WebAssembly files are gzipped
 * already, and sent as they are).
 */
type Cold = { bytes: number; deployed: number; ms: number; status: string };

const COMPRESSED_TYPES = /^(text\/|application\/(javascript|json|xml)|image\/svg)/;

/** A response's bytes over the wire, as sent, and gzipped as GitHub Pages would send it. */
async function responseBytes(request: Request): Promise<[sent: number, deployed: number]> {
  const sizes = await request.sizes();
  const sent = sizes.responseBodySize + sizes.responseHeadersSize;
  const response = await request.response();
  const type = (await response?.headerValue('content-type')) ?? '';
  if (!response || !COMPRESSED_TYPES.test(type)) return [sent, sent];
  const body = await response.body();
  return [sent, sizes.responseHeadersSize + gzipSync(body, { level: 6 }).length];
}

declare global {
  interface Window {
    __first?: number;
    __settled?: number;
  }
}

/** Notes, from the very start of the page, when the first result and the final status appear. */
function watchResults(): void {
  new MutationObserver(() => {
    if (window.__first === undefined && document.querySelector('#search-results li'))
      window.__first = performance.now();
    const status = document.querySelector('#search-status');
    const text = status?.textContent ?? '';
    if (
      window.__settled === undefined &&
      (status?.getAttribute('data-state') === 'done' || /found|No paper|could not|^Type/.test(text))
    )
      window.__settled = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
}

async function cold(browser: Browser, url: string): Promise<Cold> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const sizes: Promise<[number, number]>[] = [];
    context.on('requestfinished', (request) => {
      sizes.push(responseBytes(request).catch(() => [0, 0]));
    });
    await page.addInitScript(watchResults);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__settled !== undefined, null, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { load: nav.loadEventStart, at: window.__first ?? window.__settled! };
    });
    const status = (await page.textContent('#search-status'))?.trim() ?? '';
    const all = await Promise.all(sizes);
    const sum = (i: 0 | 1): number => all.reduce((a, b) => a + b[i], 0);
    return { bytes: sum(0), deployed: sum(1), ms: t.at - t.load, status };
  } finally {
    await context.close();
  }
}

/** The paper ids of the first results, as the page lists them. */
async function resultIds(page: Page, url: string, count: number): Promise<string[]> {
  await page.goto(url);
  await page.waitForFunction(() => window.__settled !== undefined, null, { timeout: 60_000 });
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('#search-results li').length >= n ||
      !document.querySelector('#search-more:not([hidden])'),
    count,
  );
  const hrefs = await page.$$eval('#search-results li .result-title a', (as) =>
    as.map((a) => a.getAttribute('href') ?? ''),
  );
  return hrefs.slice(0, count).map((h) => /\/papers\/([^/]+)\/$/.exec(h)?.[1] ?? '');
}

const kb = (n: number): string => (n / 1024).toFixed(1);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string' },
      content: { type: 'string', default: process.env['PAPERS_CONTENT'] || 'content' },
      base: { type: 'string', default: process.env['PAPERS_BASE'] || '/' },
      runs: { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.dist) throw new Error('--dist DIR: the built site to measure');
  const runs = Number(values.runs);
  const { days } = await readArchive(path.resolve(values.content));
  const sets = benchSets(days);
  const base = normalizeBase(values.base);
  const server = await serveStatic({ root: path.resolve(values.dist), base, port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  const at = (params: Record<string, string>): string => `${server.url}search/?${new URLSearchParams(params)}`;
  try {
    const rows: { query: BenchQuery; bytes: number; deployed: number; ms: number; runs: Cold[] }[] = [];
    for (const query of sets.queries) {
      const measured: Cold[] = [];
      for (let i = 0; i < runs; i++) measured.push(await cold(browser, at(query.params)));
      const row = {
        query,
        bytes: median(measured.map((m) => m.bytes)),
        deployed: median(measured.map((m) => m.deployed)),
        ms: median(measured.map((m) => m.ms)),
        runs: measured,
      };
      rows.push(row);
      if (!values.json) {
        const q = new URLSearchParams(query.params).toString();
        process.stdout.write(
          `${kb(row.bytes).padStart(7)} KB ${kb(row.deployed).padStart(7)} KB ${row.ms.toFixed(0).padStart(6)} ms  ${query.label}: ${q.slice(0, 70)}  → ${measured[0]!.status.slice(0, 60)}\n`,
        );
      }
    }

    const page = await (await browser.newContext()).newPage();
    await page.addInitScript(watchResults);
    const ranks: { title: string; rank: number }[] = [];
    for (const { title, id } of sets.titles) {
      const ids = await resultIds(page, at({ q: title }), 10);
      ranks.push({ title, rank: ids.indexOf(id) + 1 });
    }
    const mrr = ranks.reduce((s, r) => s + (r.rank > 0 ? 1 / r.rank : 0), 0) / ranks.length;
    const precision: { name: string; p5: number }[] = [];
    for (const name of sets.authors) {
      const ids = await resultIds(page, at({ q: name }), 5);
      const hits = ids.filter((id) => (sets.authorsOf.get(id) ?? []).some((a) => sameName(a, name))).length;
      precision.push({ name, p5: hits / 5 });
    }
    const p5 = precision.reduce((s, p) => s + p.p5, 0) / precision.length;

    const summary = {
      dist: values.dist,
      runs,
      medianBytes: median(rows.map((r) => r.bytes)),
      maxBytes: Math.max(...rows.map((r) => r.bytes)),
      medianDeployed: median(rows.map((r) => r.deployed)),
      maxDeployed: Math.max(...rows.map((r) => r.deployed)),
      maxMs: Math.max(...rows.map((r) => r.ms)),
      medianMs: median(rows.map((r) => r.ms)),
      mrr,
      precisionAt5: p5,
    };
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ ...summary, rows, ranks, precision })}\n`);
      return;
    }
    process.stdout.write(
      `\nover ${rows.length} queries, median (max): ${kb(summary.medianBytes)} (${kb(summary.maxBytes)}) KB as served, ` +
        `${kb(summary.medianDeployed)} (${kb(summary.maxDeployed)}) KB gzipped as deployed, ` +
        `${summary.medianMs.toFixed(0)} (${summary.maxMs.toFixed(0)}) ms from load to first result\n` +
        `MRR of ${ranks.length} titles: ${mrr.toFixed(3)}${ranks
          .filter((r) => r.rank !== 1)
          .map((r) => `\n  rank ${r.rank || '>10'}: ${r.title}`)
          .join('')}\n` +
        `precision at 5 of ${precision.length} authors: ${p5.toFixed(3)} (${precision.map((p) => `${p.name} ${p.p5}`).join(', ')})\n`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: Error) => {
  process.stderr.write(`search-bench: ${e.stack ?? e.message}\n`);
  process.exit(1);
});
