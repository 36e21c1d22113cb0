// Where listings come from. `page`: a real Chromium goes to /papers/date/D once, to pass the
// site's bot check (a script that sets a cookie); from then on the same browser context asks
// for each day's page with its cookies through Playwright's request client and the HTML is
// parsed with cheerio, without rendering it. Rendering every page costs ~10x more for the same
// HTML (see the benchmark); `render` mode does it anyway, for when plain requests stop working.
// `api`: the JSON API, paged, for fast backfills.
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { hfApiDayUrl, hfDayUrl } from '../archive/links.ts';
import { launchChromium } from './chromium.ts';
import { fetchGet, type HttpAnswer, type HttpGet, heedRateLimit, networkError, statusError } from './http.ts';
import { ChallengeError, type Listing, type ListingContext, listingFromAnswer } from './listing.ts';
import type { Pacer } from './pacer.ts';
import { FetchError } from './retry.ts';

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
};

export type PageSourceOptions = SourceOptions & {
  chromium?: string | undefined;
  /** Render every day in a browser tab instead of requesting it with the browser's cookies. */
  render?: boolean;
  concurrency: number;
};

const BLOCKED_RESOURCES = new Set(['image', 'media', 'font']);

/** Loads `url` in `page`, waits out the bot check, and returns the final document answer. */
async function loadInBrowser(page: Page, url: string, timeoutMs: number): Promise<HttpAnswer> {
  const navigations: Response[] = [];
  const onResponse = (r: Response) => {
    if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) navigations.push(r);
  };
  page.on('response', onResponse);
  try {
    const first = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    if (first) navigations.push(first);
    // The check answers 202 and reloads the page once its script has set the cookie.
    const deadline = Date.now() + timeoutMs;
    while (navigations.at(-1)?.status() === 202) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new FetchError(`${url}: the browser did not get past the site's check`, { retryable: true, status: 202 });
      const seen = navigations.length;
      await page.waitForEvent('response', {
        predicate: (r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame(),
        timeout: left,
      });
      if (navigations.length === seen) continue;
      await page.waitForLoadState('domcontentloaded', { timeout: Math.max(1, deadline - Date.now()) });
    }
    const final = navigations.at(-1);
    if (!final) throw new FetchError(`${url}: the browser got no answer`, { retryable: true });
    return { status: final.status(), url: final.url(), headers: final.headers(), text: await final.text() };
  } catch (e) {
    if (e instanceof FetchError) throw e;
    throw networkError(url, e);
  } finally {
    page.off('response', onResponse);
  }
}

/** Playwright's request client, bound to a browser context (its cookies included). */
function contextGet(context: BrowserContext): HttpGet {
  return async (url, { timeoutMs, accept }) => {
    try {
      const res = await context.request.get(url, {
        maxRedirects: 0,
        timeout: timeoutMs,
        failOnStatusCode: false,
        headers: { accept: accept ?? 'text/html,application/xhtml+xml' },
      });
      const text = await res.text();
      await res.dispose();
      return { status: res.status(), url: res.url(), headers: res.headers(), text };
    } catch (e) {
      throw networkError(url, e);
    }
  };
}

export async function openPageSource(options: PageSourceOptions): Promise<DaySource> {
  const browser: Browser = await launchChromium({ explicit: options.chromium });
  const context = await browser.newContext({ javaScriptEnabled: true });
  await context.route('**/*', (route) =>
    BLOCKED_RESOURCES.has(route.request().resourceType()) ? route.abort() : route.continue(),
  );
  const pages: Page[] = [];
  const idle: Page[] = [];
  const waiting: ((p: Page) => void)[] = [];
  const borrow = async (): Promise<Page> => {
    const free = idle.pop();
    if (free) return free;
    if (pages.length < Math.max(1, options.concurrency)) {
      const page = await context.newPage();
      pages.push(page);
      return page;
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const giveBack = (page: Page) => {
    const next = waiting.shift();
    if (next) next(page);
    else idle.push(page);
  };
  const inBrowser = async (url: string): Promise<HttpAnswer> => {
    const page = await borrow();
    let answer: HttpAnswer;
    try {
      answer = await loadInBrowser(page, url, options.timeoutMs);
    } catch (e) {
      // A tab whose load timed out may still be loading it: start the next try in a fresh one.
      pages.splice(pages.indexOf(page), 1);
      await page.close().catch(() => {});
      const next = waiting.shift();
      if (next) void borrow().then(next);
      throw e;
    }
    giveBack(page);
    return answer;
  };

  const get = contextGet(context);
  const ctx = (signal?: AbortSignal): ListingContext => ({
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    signal,
    apiPacer: options.apiPacer,
    apiGet: get,
  });
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
        return listingFromAnswer(date, answer, ctx(signal));
      }
      if (!warmedUp) {
        const first = inBrowser(url);
        warmedUp = first.catch(() => {
          warmedUp = null; // a failed first load does not count: the next day tries again
        });
        const answer = await first;
        heedRateLimit(answer, options.pacer);
        return listingFromAnswer(date, answer, ctx(signal));
      }
      await warmedUp;
      let answer = await get(url, { signal, timeoutMs: options.timeoutMs });
      heedRateLimit(answer, options.pacer);
      if (answer.status === 202) {
        await passCheck(url, signal);
        await options.pacer.acquire(signal);
        answer = await get(url, { signal, timeoutMs: options.timeoutMs });
        heedRateLimit(answer, options.pacer);
      }
      return listingFromAnswer(date, answer, ctx(signal));
    },
    async close() {
      await context.close().catch(() => {});
      await browser.close().catch(() => {});
    },
  };
}

/** The most pages of 100 a day can need (the largest real days have 82 papers). */
const MAX_API_PAGES = 10;

export function openApiSource(options: SourceOptions & { get?: HttpGet }): DaySource {
  const get = options.get ?? fetchGet;
  return {
    name: 'api',
    async fetchDay(date, signal) {
      const items: unknown[] = [];
      let url: string | null = hfApiDayUrl(date, options.baseUrl, 0, 100);
      for (let page = 0; url && page < MAX_API_PAGES; page++) {
        await options.pacer.acquire(signal);
        const answer = await get(url, { signal, timeoutMs: options.timeoutMs, accept: 'application/json' });
        heedRateLimit(answer, options.pacer);
        if (answer.status !== 200) throw statusError(answer, url);
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
        const next = /<([^>]+)>\s*;\s*rel="?next"?/.exec(answer.headers['link'] ?? '')?.[1];
        url = next
          ? new URL(next, url).href
          : batch.length === 100
            ? hfApiDayUrl(date, options.baseUrl, page + 1, 100)
            : null;
      }
      if (url)
        throw new FetchError(`${date}: the API kept paging past ${MAX_API_PAGES * 100} papers`, { retryable: false });
      if (items.length === 0) return { kind: 'no-listing', reason: 'the API lists no papers for this day' };
      return { kind: 'listing', items, problems: [], source: `${options.baseUrl}/api/daily_papers?date=${date}` };
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
      const answer = await get(url, { signal, timeoutMs: options.timeoutMs });
      heedRateLimit(answer, options.pacer);
      return listingFromAnswer(date, answer, {
        baseUrl: options.baseUrl,
        timeoutMs: options.timeoutMs,
        signal,
        apiPacer: options.apiPacer,
        apiGet: get,
      });
    },
    async close() {},
  };
}
