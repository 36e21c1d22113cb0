// Shared by the search page's browser tests (tests/e2e/site/search-*.test.ts, and the offline
// search's comparison with the page): the fixture archive's papers, running a search on the
// page, and waiting for a search to finish.
import type { Page } from 'playwright-core';
import type { Paper } from '../../../scraper/archive/schema.ts';
import { FIXTURE_DATES } from './fixture.ts';
import { fixtureDay } from './site-helpers.ts';

/** Every fixture paper once (its newest record), with the day it was first featured. */
export function fixturePapers(): { paper: Paper; first: string }[] {
  const byId = new Map<string, { paper: Paper; first: string }>();
  for (const date of FIXTURE_DATES) {
    for (const paper of fixtureDay(date).papers)
      byId.set(paper.id, { paper, first: byId.get(paper.id)?.first ?? date });
  }
  return [...byId.values()];
}

/** Waits until the search page has finished its search, and returns its status line. */
export async function searched(page: Page): Promise<string> {
  await page.waitForSelector('#search-status[data-state="done"]');
  return (await page.textContent('#search-status'))?.trim() ?? '';
}

/**
 * Shows the search of `url` (an address of the search page) in `page`, and returns its status
 * line once it is done. A page already on the search page searches there, as it does when its
 * reader goes Back (the address changes, then popstate: the page reads it and searches); any
 * other page loads it. Loading the search page again for every search would be most of these
 * tests' time (Pagefind's script, its WebAssembly and the index's entry, each time): measured,
 * the relevance tests took 12.7 s of CPU with a load per search, and 6.7 s this way. That one
 * page finds what a fresh one finds is a test of its own (search-relevance.test.ts).
 */
export async function showSearch(page: Page, url: string): Promise<string> {
  if (new URL(page.url()).pathname === new URL(url).pathname) {
    await page.evaluate((href) => {
      history.pushState(null, '', href);
      dispatchEvent(new PopStateEvent('popstate'));
    }, url);
  } else {
    const response = await page.goto(url);
    if (response?.status() !== 200) throw new Error(`${url}: HTTP status ${response?.status()}`);
  }
  return searched(page);
}

export const resultTitles = (page: Page): Promise<string[]> =>
  page.$$eval('#search-results .result-title', (hs) => hs.map((h) => h.textContent ?? ''));

export const resultIds = (page: Page): Promise<string[]> =>
  page.$$eval('#search-results .result-title a', (as) =>
    as.map((a) => /\/papers\/([^/]+)\/$/.exec(a.getAttribute('href') ?? '')?.[1] ?? ''),
  );
