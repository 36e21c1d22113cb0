// What the search benchmark reads from the search page in Chromium (Playwright), apart from the
// Lighthouse audits: a cold search (a new browser context: no HTTP cache, nothing loaded) with
// its bytes and its time from the load event to the first result, and the arXiv ids of the first
// results as the page lists them (to judge them against the archive). Kept apart from
// search-bench.ts so that the report's logic does not wait on the browser's.
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Request } from 'playwright-core';

/**
 * `bytes` as the project's server sends them (brotli or gzip for text, as Chromium asks);
 * `deployed` as GitHub Pages would: text types gzipped (the index's shards and paper table are
 * gzipped already, and sent as they are).
 */
export type Cold = { bytes: number; deployed: number; ms: number; status: string };

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
export function watchResults(): void {
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

export async function cold(browser: Browser, url: string): Promise<Cold> {
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

/** The paper ids of the first results, as the page lists them (a page with watchResults added). */
export async function resultIds(page: Page, url: string, count: number): Promise<string[]> {
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
