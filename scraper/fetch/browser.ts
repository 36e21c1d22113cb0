// The browser half of the page source: tabs of one Chromium context that load a listing page
// the way a person's browser does (passing the site's bot check), with what guards a browser
// allows. Chromium follows redirects itself, so the chain is checked once it has landed (no more
// than MAX_REDIRECTS hops, never off the site); the document's decoded bytes are counted as they
// arrive (DevTools' Network events) and a page past the bound is closed before its text is read.
import type { BrowserContext, CDPSession, Page, Request, Response } from 'playwright-core';
import { tooLarge } from './body.ts';
import { type HttpAnswer, networkError } from './http.ts';
import { MAX_REDIRECTS } from './limits.ts';
import { FetchError, RedirectError, type TooLargeError } from './retry.ts';
import { hostOf, sameSite } from './site.ts';

/** A tab, and what its size guard found during the current load. */
type Tab = { page: Page; guard: SizeGuard };

type SizeGuard = { arm(url: string, maxBytes: number): void; tripped(): TooLargeError | null };

type NetworkResponse = { requestId: string; type?: string; response: { headers: Record<string, string> } };
type DataReceived = { requestId: string; dataLength: number };

/** Counts every document's decoded bytes in `page`; past the bound it closes the tab. */
async function guardSize(page: Page, cdp: CDPSession): Promise<SizeGuard> {
  let url = '';
  let maxBytes = Number.POSITIVE_INFINITY;
  let error: TooLargeError | null = null;
  const documents = new Map<string, number>();
  const trip = (what?: string) => {
    if (error) return;
    error = tooLarge(url, maxBytes, what);
    void page.close().catch(() => {});
  };
  cdp.on('Network.responseReceived', (e: NetworkResponse) => {
    if (e.type !== 'Document') return;
    documents.set(e.requestId, 0);
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const length = Number(headers['content-length'] ?? Number.NaN);
    const encoding = (headers['content-encoding'] ?? '').trim().toLowerCase();
    if ((encoding === '' || encoding === 'identity') && length > maxBytes) trip(`(content-length ${length})`);
  });
  cdp.on('Network.dataReceived', (e: DataReceived) => {
    const seen = documents.get(e.requestId);
    if (seen === undefined) return;
    documents.set(e.requestId, seen + e.dataLength);
    if (seen + e.dataLength > maxBytes) trip();
  });
  await cdp.send('Network.enable');
  return {
    arm(next, bound) {
      url = next;
      maxBytes = bound;
      error = null;
      documents.clear();
    },
    tripped: () => error,
  };
}

export async function openTab(context: BrowserContext): Promise<Tab> {
  const page = await context.newPage();
  return { page, guard: await guardSize(page, await context.newCDPSession(page)) };
}

/** The URLs a navigation went through, the first asked to the one that answered. */
function chainOf(request: Request): string[] {
  const chain: string[] = [];
  for (let r: Request | null = request; r; r = r.redirectedFrom()) chain.unshift(r.url());
  return chain;
}

/** A landing the browser may not be trusted with: too many hops, or off the site on the way. */
function checkChain(url: string, response: Response): void {
  const chain = chainOf(response.request());
  if (chain.length - 1 > MAX_REDIRECTS) {
    throw new RedirectError(`${url}: more than ${MAX_REDIRECTS} redirects (${chain.map(hostOf).join(' → ')})`);
  }
  const away = chain.find((hop) => !sameSite(new URL(hop), new URL(url)));
  if (away)
    throw new RedirectError(`${url}: the browser was sent to ${hostOf(away)}, which is not the site: not filed`);
}

/** Loads `url` in the tab, waits out the bot check, and returns the final document answer. */
export async function loadInBrowser(tab: Tab, url: string, timeoutMs: number, maxBytes: number): Promise<HttpAnswer> {
  const { page, guard } = tab;
  const navigations: Response[] = [];
  const isNavigation = (r: Response) => r.request().isNavigationRequest() && r.frame() === page.mainFrame();
  const onResponse = (r: Response) => {
    if (isNavigation(r)) navigations.push(r);
  };
  guard.arm(url, maxBytes);
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
      await page.waitForEvent('response', { predicate: isNavigation, timeout: left });
      if (navigations.length === seen) continue;
      await page.waitForLoadState('domcontentloaded', { timeout: Math.max(1, deadline - Date.now()) });
    }
    const final = navigations.at(-1);
    if (!final) throw new FetchError(`${url}: the browser got no answer`, { retryable: true });
    for (const navigation of navigations) checkChain(url, navigation);
    const text = await final.text();
    // The guard may have tripped while the text was read; and its events may trail the load.
    const over = guard.tripped() ?? (Buffer.byteLength(text) > maxBytes ? tooLarge(url, maxBytes) : null);
    if (over) throw over;
    return { status: final.status(), url: final.url(), headers: final.headers(), text };
  } catch (e) {
    const over = guard.tripped();
    if (over) throw over;
    if (e instanceof FetchError) throw e;
    // Timed out while the check kept answering (its page reloading, never getting through): the
    // site's check, not a slow network.
    if (navigations.length > 0 && navigations.every((n) => n.status() === 202)) {
      throw new FetchError(`${url}: the browser did not get past the site's check`, { retryable: true, status: 202 });
    }
    if (/ERR_TOO_MANY_REDIRECTS/.test((e as Error).message ?? '')) {
      throw new RedirectError(`${url}: the site's redirects go round in a loop (the browser gave up)`);
    }
    throw networkError(url, e);
  } finally {
    page.off('response', onResponse);
  }
}

/** The tabs one source may use at once: a tab whose load failed is closed and replaced. */
export function tabPool(context: BrowserContext, size: number) {
  const tabs: Tab[] = [];
  const idle: Tab[] = [];
  const waiting: ((t: Tab) => void)[] = [];
  const borrow = async (): Promise<Tab> => {
    const free = idle.pop();
    if (free) return free;
    if (tabs.length < Math.max(1, size)) {
      const tab = await openTab(context);
      tabs.push(tab);
      return tab;
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const giveBack = (tab: Tab) => {
    const next = waiting.shift();
    if (next) next(tab);
    else idle.push(tab);
  };
  return {
    async load(url: string, timeoutMs: number, maxBytes: number): Promise<HttpAnswer> {
      const tab = await borrow();
      let answer: HttpAnswer;
      try {
        answer = await loadInBrowser(tab, url, timeoutMs, maxBytes);
      } catch (e) {
        // A tab whose load timed out may still be loading it: start the next try in a fresh one.
        tabs.splice(tabs.indexOf(tab), 1);
        await tab.page.close().catch(() => {});
        const next = waiting.shift();
        if (next) void borrow().then(next);
        throw e;
      }
      giveBack(tab);
      return answer;
    },
  };
}
