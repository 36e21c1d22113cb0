// Accessibility: axe finds no serious or critical violation on the main kinds of page, in the
// light and the dark theme; keyboard users get a skip link and a visible focus.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BuiltSite, buildAndServe, SITE_FIXTURE } from './site-helpers.ts';

let site: BuiltSite;

beforeAll(async () => {
  site = await buildAndServe(SITE_FIXTURE, '/');
});
afterAll(async () => {
  await site?.close();
});

const PAGES: [name: string, path: string][] = [
  ['home', ''],
  ['a day', 'days/2026-07-31/'],
  ['a paper', 'papers/2608.05987/'],
  ['the hostile paper', 'papers/2607.99001/'],
  ['a week', 'weeks/2026-W31/'],
  ['a month', 'months/2026-07/'],
  ['the archive', 'archive/'],
  ['the search page, with results', 'search/?q=model&sort=upvotes'],
];

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

// Dark colours are checked on one page of each layout (cards, paper, calendar, search).
const DARK = new Set(['', 'papers/2608.05987/', 'archive/', 'search/?q=model&sort=upvotes']);

describe.each(['light', 'dark'] as const)('axe, %s theme', (colorScheme) => {
  test.each(PAGES.filter(([, p]) => colorScheme === 'light' || DARK.has(p)))(
    '%s has no serious or critical violation',
    async (_name, path) => {
      const context = await site.browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(site.at(path));
      if (path.startsWith('search/')) {
        await page.waitForFunction(() => /found/.test(document.querySelector('#search-status')?.textContent ?? ''));
      }
      // Folded content (abstracts, author lists, calendar gaps) is checked open too.
      await page.$$eval('details', (ds) => {
        for (const d of ds) (d as HTMLDetailsElement).open = true;
      });
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    },
  );
});

describe('keyboard', () => {
  test('the first Tab reaches a visible skip link that moves focus to the content', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(site.at('days/2026-07-29/'));
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0).toBe(true); // on screen once focused
    expect(await skip.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    await context.close();
  });

  test('every page has one h1, headings in order, a lang, landmarks and a labelled search box', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    for (const [, path] of PAGES) {
      await page.goto(site.at(path));
      const facts = await page.evaluate(() => {
        const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
        const skips = levels.filter((l, i) => i > 0 && l > levels[i - 1]! + 1);
        const search = document.querySelector<HTMLInputElement>('input[type=search]');
        return {
          lang: document.documentElement.lang,
          h1: levels.filter((l) => l === 1).length,
          firstHeading: levels[0],
          skips,
          landmarks: ['header', 'nav', 'main', 'footer'].map((t) => document.querySelectorAll(t).length > 0),
          searchLabel: search ? (search.labels?.[0]?.textContent ?? '').trim().length > 0 : false,
        };
      });
      expect(facts, path).toEqual({
        lang: 'en',
        h1: 1,
        firstHeading: 1,
        skips: [],
        landmarks: [true, true, true, true],
        searchLabel: true,
      });
    }
    await context.close();
  });
});
