// The search page and the browser's history (site/client/search-history.ts): each search is its
// own entry; Back restores the previous search with the results shown ("Show more") and the
// scroll position; so does coming back from a result, whether or not the browser kept the page
// in its back/forward cache. One browser context for the file; pages as each test needs.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resultTitles, searched } from './search-helpers.ts';
import { type ServedSite, serveFixtureSite } from './site-helpers.ts';

let site: ServedSite;
let context: BrowserContext;

beforeAll(async () => {
  site = await serveFixtureSite();
  context = await site.browser.newContext({ viewport: { width: 1000, height: 600 } });
});
afterAll(async () => {
  await site?.close();
});

const results = (page: Page): Promise<number> => page.locator('#search-results > li').count();

/** The oldest-first list of every paper, two pages of it shown, scrolled down; returns the scroll. */
async function readDown(page: Page): Promise<number> {
  await page.goto(site.at('search/?year=2026&sort=oldest'));
  await searched(page);
  expect(await results(page)).toBe(10);
  await page.click('#search-more');
  await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 20);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
  const y = await page.evaluate(() => window.scrollY);
  expect(y).toBeGreaterThan(300);
  // Saved into the entry once scrolling stops.
  await page.waitForFunction((want) => history.state?.scrollY === want && history.state?.depth === 2, y);
  return y;
}

async function expectRestored(page: Page, y: number, titles: string[]): Promise<void> {
  await page.waitForURL(/\?year=2026&sort=oldest$/);
  await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 20);
  expect(await resultTitles(page)).toEqual(titles);
  await page.waitForFunction((want) => Math.abs(window.scrollY - want) <= 2, y);
}

describe('history', () => {
  test('a new search is a new entry; Back restores the one before with its results and scroll', async () => {
    const page = await context.newPage();
    const y = await readDown(page);
    const titles = await resultTitles(page);
    const entries = await page.evaluate(() => history.length);

    await page.fill('#q', 'agent');
    await page.press('#q', 'Enter');
    await page.waitForURL(/\?q=agent&year=2026&sort=oldest$/);
    await searched(page);
    expect(await page.evaluate(() => history.length)).toBe(entries + 1);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // A filter changed is a search too.
    await page.selectOption('#f-sort', 'newest');
    await page.waitForURL(/\?q=agent&year=2026&sort=newest$/);
    await searched(page);

    // The form follows the entry (waited for: the URL changes before the page hears of it).
    const fieldIs = (selector: string, value: string) =>
      page.waitForFunction(([s, v]) => document.querySelector<HTMLInputElement>(s!)?.value === v, [selector, value]);
    await page.goBack();
    await page.waitForURL(/\?q=agent&year=2026&sort=oldest$/);
    await fieldIs('#f-sort', 'oldest');
    await page.goBack();
    await expectRestored(page, y, titles);
    expect(await page.inputValue('#q')).toBe('');

    await page.goForward();
    await page.waitForURL(/\?q=agent&year=2026&sort=oldest$/);
    await fieldIs('#q', 'agent');
    await page.close();
  });

  test.each([
    ['kept in the back/forward cache or not, as the browser decides', false],
    ['not kept (an unload handler keeps it out of the cache), so started again', true],
  ])('coming back from a result restores the search as it was left: %s', async (_, evict) => {
    const page = await context.newPage();
    const y = await readDown(page);
    const titles = await resultTitles(page);
    if (evict) await page.evaluate(() => window.addEventListener('unload', () => {}));
    const result = page.locator('#search-results .result-title a').nth(14);
    await result.scrollIntoViewIfNeeded();
    // Scrolling to the link moved the page: that is the position to come back to.
    await page.waitForFunction(() => history.state?.scrollY === Math.round(window.scrollY));
    const left = await page.evaluate(() => window.scrollY);
    await result.click();
    await page.waitForURL(/\/papers\//);
    await page.goBack();
    await expectRestored(page, left, titles);
    if (evict)
      expect(await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.toJSON().type)).toBe(
        'back_forward',
      );
    expect(y).toBeGreaterThan(0);
    await page.close();
  });
});

describe("the index's manifest, carried by the page (site/integrations/search-manifest-inline.ts)", () => {
  test('a search asks for its files at once, never for the manifest', async () => {
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(site.at('search/?q=model'));
    await searched(page);
    expect(await results(page)).toBe(10);
    expect(asked.some((p) => p.endsWith('/search/index.json'))).toBe(false);
    expect(asked.some((p) => p.endsWith('/papers.bin'))).toBe(true);
    await page.close();
  });

  test('a page carrying an older build’s manifest (a cached page, a deploy since) reads the new one and finds', async () => {
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.route('**/search/?q=model', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/"build":"[0-9a-f]{16}"/, '"build":"0000000000000000"');
      await route.fulfill({ response, body: html });
    });
    await page.goto(site.at('search/?q=model'));
    await searched(page);
    expect(await results(page)).toBe(10);
    expect(asked.filter((p) => p.endsWith('/search/index.json'))).toHaveLength(1);
    await page.close();
  });
});
