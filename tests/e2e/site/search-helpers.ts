// Shared by the search page's browser tests (tests/e2e/site/search-*.test.ts): the fixture
// archive's papers, and waiting for a search to finish.
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

export const resultTitles = (page: Page): Promise<string[]> =>
  page.$$eval('#search-results .result-title', (hs) => hs.map((h) => h.textContent ?? ''));

export const resultIds = (page: Page): Promise<string[]> =>
  page.$$eval('#search-results .result-title a', (as) =>
    as.map((a) => /\/papers\/([^/]+)\/$/.exec(a.getAttribute('href') ?? '')?.[1] ?? ''),
  );
