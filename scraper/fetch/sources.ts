// Where listings come from. `page`: a real Chromium goes to /papers/date/D once, to pass the
// site's bot check (a script that sets a cookie); from then on each day's page is a plain
// request carrying that browser's cookies and user agent, and the HTML is parsed with cheerio,
// without rendering it. Rendering every page costs ~10x more for the same HTML (see the
// benchmark); `render` mode does it anyway, for when plain requests stop working. `api`: the JSON
// API, paged, for fast backfills. Plain requests of every source go through one client
// (http.ts): one redirect policy, one bound on the size of an answer.
import type { BrowserContext } from 'playwright-core';
import { hfApiDayUrl, hfDayUrl } from '../archive/links.ts';
import { tabPool } from './browser.ts';
import { launchChromium } from './chromium.ts';
import { fetchGet, type HttpGet, heedRateLimit, requestOnce, statusError } from './http.ts';
import { DEFAULT_MAX_PAGE_BYTES, MAX_LISTING_PAPERS } from './limits.ts';
import { ChallengeError, type Listing, type ListingContext, listingFromAnswer } from './listing.ts';
import type { Pacer } from './pacer.ts';
import { followCanonical } from './redirects.ts';
import { FetchError, ImplausibleListingError } from './retry.ts';

export { DEFAULT_MAX_PAGE_BYTES } from './limits.ts';

export type DaySource = {
  readonly name: 'page' | 'api';
  fetchDay(date: string, signal?: AbortSignal): Promise<Listing>;
  close(): Promise<void>;
};

export type SourceOptions = {
  baseUrl: string;
  /** Paces page loads (and, for the api source, API calls). */
  pacer: Pacer;
  /** Paces API calls made by the page source (filling papers from cards). */
  apiPacer: Pacer;
  timeoutMs: number;
  /** Decoded bytes one answer may hold (default DEFAULT_MAX_PAGE_BYTES): past it, its day fails. */
  maxPageBytes?: number | undefined;
};

export type PageSourceOptions = SourceOptions & {
  chromium?: string | undefined;
  /** Render every day in a browser tab instead of requesting it with the browser's cookies. */
  render?: boolean;
  concurrency: number;
};

const BLOCKED_RESOURCES = new Set(['image', 'media', 'font']);

/** Plain requests as the browser makes them: its user agent, its cookies for each URL asked. */
function browserLikeGet(context: BrowserContext, userAgent: string): HttpGet {
  return followCanonical(
    requestOnce(async (url) => {
      const cookies = await context.cookies(url);
      const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return { 'user-agent': userAgent, ...(cookie ? { cookie } : {}) };
    }),
  );
}

function listingContext(options: SourceOptions, get: HttpGet, signal?: AbortSignal): ListingContext {
  return {
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    signal,
    apiPacer: options.apiPacer,
    apiGet: get,
    maxBytes: options.maxPageBytes,
  };
}

export async function openPageSource(options: PageSourceOptions): Promise<DaySource> {
  const browser = await launchChromium({ explicit: options.chromium });
  const context = await browser.newContext({ javaScriptEnabled: true });
  await context.route('**/*', (route) =>
    BLOCKED_RESOURCES.has(route.request().resourceType()) ? route.abort() : route.continue(),
  );
  const probe = await context.newPage();
  const userAgent = await probe.evaluate(() => navigator.userAgent);
  await probe.close();
  const tabs = tabPool(context, options.concurrency);
  const maxBytes = options.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES;
  const inBrowser = (url: string) => tabs.load(url, options.timeoutMs, maxBytes);
  const get = browserLikeGet(context, userAgent);
  const plain = (url: string, signal?: AbortSignal) => get(url, { signal, timeoutMs: options.timeoutMs, maxBytes });

  // The first day goes through the browser, which passes the site's check if there is one;
  // the other days wait for it, then go out as plain requests carrying its cookies.
  let warmedUp: Promise<unknown> | null = null;
  // A check met later (the cookie expired) is passed again, once for all waiting requests.
  let passing: Promise<void> | null = null;
  const passCheck = (url: string, signal?: AbortSignal): Promise<void> => {
    passing ??= (async () => {
      await options.pacer.acquire(signal);
      const answer = await inBrowser(url);
      heedRateLimit(answer, options.pacer);
      if (answer.status === 202) throw new ChallengeError(url);
    })().finally(() => {
      passing = null;
    });
    return passing;
  };

  return {
    name: 'page',
    async fetchDay(date, signal) {
      const url = hfDayUrl(date, options.baseUrl);
      await options.pacer.acquire(signal);
      if (options.render) {
        const answer = await inBrowser(url);
        heedRateLimit(answer, options.pacer);
        return listingFromAnswer(date, answer, listingContext(options, get, signal));
      }
      if (!warmedUp) {
        const first = inBrowser(url);
        warmedUp = first.catch(() => {
          warmedUp = null; // a failed first load does not count: the next day tries again
        });
        const answer = await first;
        heedRateLimit(answer, options.pacer);
        return listingFromAnswer(date, answer, listingContext(options, get, signal));
      }
      await warmedUp;
      let answer = await plain(url, signal);
      heedRateLimit(answer, options.pacer);
      if (answer.status === 202) {
        await passCheck(url, signal);
        await options.pacer.acquire(signal);
        answer = await plain(url, signal);
        heedRateLimit(answer, options.pacer);
      }
      return listingFromAnswer(date, answer, listingContext(options, get, signal));
    },
    async close() {
      await context.close().catch(() => {});
      await browser.close().catch(() => {});
    },
  };
}

/** A guard on paging: more pages than MAX_LISTING_PAPERS needs means the paging never ends. */
const MAX_API_PAGES = Math.ceil(MAX_LISTING_PAPERS / 100) + 1;

/** The next page's URL: the API's `Link: rel=next` on the same origin, else our own paging while pages come full. */
function nextApiPage(linkHeader: string | undefined, answerUrl: string, batch: number, fallback: string) {
  const link = /<([^>]+)>\s*;\s*rel="?next"?/.exec(linkHeader ?? '')?.[1];
  const ownPaging = { url: batch === 100 ? fallback : null, problem: null };
  if (!link) return ownPaging;
  let next: URL;
  try {
    next = new URL(link, answerUrl);
  } catch {
    return { ...ownPaging, problem: `the API's next-page link is not a URL (${link}): not followed` };
  }
  if (next.origin !== new URL(answerUrl).origin) {
    return { ...ownPaging, problem: `the API's next-page link goes to ${next.origin}: not followed` };
  }
  return { url: next.href, problem: null };
}

export function openApiSource(options: SourceOptions & { get?: HttpGet }): DaySource {
  const get = options.get ?? fetchGet;
  return {
    name: 'api',
    async fetchDay(date, signal) {
      const items: unknown[] = [];
      const problems: string[] = [];
      let url: string | null = hfApiDayUrl(date, options.baseUrl, 0, 100);
      let source = url;
      for (let page = 0; url && page < MAX_API_PAGES; page++) {
        await options.pacer.acquire(signal);
        const answer = await get(url, {
          signal,
          timeoutMs: options.timeoutMs,
          accept: 'application/json',
          maxBytes: options.maxPageBytes,
        });
        heedRateLimit(answer, options.pacer);
        if (answer.status !== 200) throw statusError(answer, url);
        if (page === 0) source = answer.url;
        let batch: unknown;
        try {
          batch = JSON.parse(answer.text);
        } catch (e) {
          // A body cut off mid-transfer reads as bad JSON: worth another try.
          throw new FetchError(`${url}: the answer is not complete JSON (${(e as Error).message})`, {
            retryable: true,
          });
        }
        if (!Array.isArray(batch)) {
          throw new FetchError(`${url}: expected a JSON array of papers, got ${typeof batch}`, { retryable: false });
        }
        items.push(...batch);
        if (items.length > MAX_LISTING_PAPERS) {
          throw new ImplausibleListingError(
            `${date}: the API lists more than ${MAX_LISTING_PAPERS} papers for the day: implausible, not filed`,
          );
        }
        const next = nextApiPage(
          answer.headers['link'],
          answer.url,
          batch.length,
          hfApiDayUrl(date, options.baseUrl, page + 1, 100),
        );
        if (next.problem) problems.push(next.problem);
        url = next.url;
      }
      if (url) throw new FetchError(`${date}: the API kept paging past ${MAX_API_PAGES} pages`, { retryable: false });
      if (items.length === 0) return { kind: 'no-listing', reason: 'the API lists no papers for this day' };
      const day = source.replace(/&limit=\d+&p=\d+$/, '');
      return { kind: 'listing', items, problems, source: day };
    },
    async close() {},
  };
}

/**
 * Listing pages over plain HTTP, with no browser: the floor the page source is measured against
 * (the benchmark), and what the site's bot check may refuse.
 */
export function openPlainPageSource(options: SourceOptions & { get?: HttpGet }): DaySource {
  const get = options.get ?? fetchGet;
  return {
    name: 'page',
    async fetchDay(date, signal) {
      const url = hfDayUrl(date, options.baseUrl);
      await options.pacer.acquire(signal);
      const answer = await get(url, { signal, timeoutMs: options.timeoutMs, maxBytes: options.maxPageBytes });
      heedRateLimit(answer, options.pacer);
      return listingFromAnswer(date, answer, listingContext(options, get, signal));
    },
    async close() {},
  };
}
