// Staleness nobody can miss (site/components/Freshness.astro, site/client/staleness.ts): the
// fixture archive's newest day is 2026-08-05, long before this run, so the home and archive
// pages say when the archive was last updated and show the "may have stopped updating" notice,
// with JavaScript and without. A page built while the archive was fresh and read long after is
// the case a static site must handle by the reader's clock: it is made here by serving the
// built page with the notice hidden, as such a build renders it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ServedSite, serveFixtureSite, watch } from './site-helpers.ts';

let site: ServedSite;

beforeAll(async () => {
  site = await serveFixtureSite();
});
afterAll(async () => {
  await site?.close();
});

const PAGES = [
  ['home', ''],
  ['archive', 'archive/'],
] as const;

async function open(path: string, javaScript: boolean): Promise<Page> {
  const context = await site.browser.newContext({ javaScriptEnabled: javaScript });
  const page = await context.newPage();
  const response = await page.goto(site.at(path));
  expect(response?.status(), path).toBe(200);
  return page;
}

describe.each([true, false])('JavaScript %s', (javaScript) => {
  test.each(PAGES)(
    'the %s page says when the archive was updated, and that it may have stopped',
    async (_name, path) => {
      const page = await open(path, javaScript);
      try {
        // The ledger's newest settled entry (tests/fixtures/site/archive/ledger.json).
        const time = page.locator('.updated time');
        expect(await page.locator('.updated').innerText()).toBe('Updated Thu 6 Aug 2026, 01:00 UTC');
        expect(await time.getAttribute('datetime')).toBe('2026-08-06T01:00:00.000Z');

        const notice = page.locator('[data-stale-notice]');
        expect(await notice.count()).toBe(1);
        expect(await notice.isVisible()).toBe(true);
        expect(await notice.getAttribute('role')).toBe('status');
        expect(await notice.innerText()).toBe(
          'This archive may have stopped updating. Its newest day is Wed 5 Aug 2026 (UTC), though Hugging Face ' +
            'lists papers every weekday. Newer papers are on Hugging Face’s Daily Papers.',
        );
        expect(await notice.locator('a').getAttribute('href')).toBe('https://huggingface.co/papers');
      } finally {
        await page.context().close();
      }
    },
  );
});

/**
 * The page as a build made while the archive was fresh serves it: the same HTML with the notice
 * rendered hidden. Reading it at `now` (the page's clock) shows what the reader would see.
 */
async function openFreshBuild(path: string, now: Date): Promise<Page> {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const watched = watch(page, new URL(site.at()).origin);
  await page.clock.setFixedTime(now);
  await page.route(site.at(path), async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    expect(html).toContain('data-stale-notice ');
    await route.fulfill({ response, body: html.replace('data-stale-notice ', 'data-stale-notice hidden ') });
  });
  const response = await page.goto(site.at(path));
  expect(response?.status()).toBe(200);
  expect(watched.errors).toEqual([]);
  return page;
}

describe('a page built while the archive was fresh', () => {
  test.each(PAGES)(
    'the %s page shows the notice once the reader’s clock says the archive stopped',
    async (_name, path) => {
      const page = await openFreshBuild(path, new Date('2026-08-11T08:00:00Z')); // Thu, Fri, Mon missing
      try {
        // Module scripts have run by the load event that goto waits for.
        expect(await page.locator('[data-stale-notice]').isVisible()).toBe(true);
      } finally {
        await page.context().close();
      }
    },
  );

  test('and keeps it hidden while the archive is fresh by the reader’s clock', async () => {
    const page = await openFreshBuild('', new Date('2026-08-10T08:00:00Z')); // Thursday, Friday missing: not yet
    try {
      expect(await page.locator('[data-stale-notice]').isHidden()).toBe(true);
      expect(await page.locator('.updated').isVisible()).toBe(true);
    } finally {
      await page.context().close();
    }
  });
});
