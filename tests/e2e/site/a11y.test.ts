// Accessibility: axe finds no serious or critical violation on every kind of page, each in the
// light and the dark theme, and each has one h1, headings in order, landmarks and a labelled
// search box; keyboard users get a skip link and a visible focus. axe's rules include WCAG 2.2's
// target size (tests/e2e/site/axe.ts): every link and toggle a reader taps is 24×24 CSS px, or
// has room around it, on a laptop's screen and a phone's.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seriousViolations } from './axe.ts';
import { type ServedSite, serveFixtureSite } from './site-helpers.ts';

let site: ServedSite;
// One page for the whole file (a new page costs a renderer process, a visit a tenth of that):
// each test goes where it needs, and checks it in the light theme, then in the dark one (the
// same page, switched in place). Nothing a test does there outlives the next visit.
let page: Page;

beforeAll(async () => {
  site = await serveFixtureSite();
  page = await (await site.browser.newContext()).newPage();
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
  ['a day without papers', 'days/2026-08-01/'],
  ['a year’s top papers', 'top/2026/'],
  ['the top papers of all time', 'top/'],
  ['every day', 'days/'],
  ['every week', 'weeks/'],
  ['every month', 'months/'],
  ['papers', 'papers/'],
  ['the organizations', 'organizations/'],
  ['the organizations, narrowed to a letter', 'organizations/#org-t'],
  ['an organization', 'organizations/tencent-hunyuan/'],
  ['rising papers', 'rising/'],
  ['the stats: charts, tables and rankings', 'stats/'],
  ['every feed', 'feeds/'],
  ['not found, for a versioned arXiv id', 'abs/2608.05987v2'],
  ['the reading list, empty', 'list/'],
  ['the reading list, opened from a shared link', 'list/#ids=2608.05987,2607.99001'],
];

/** The pages served with status 404: the 404 page, at an address it reads (client/not-found.ts). */
const NOT_FOUND = new Set(['abs/2608.05987v2']);

/**
 * The rules whose findings depend on colours. The themes differ in colours only (site.css: each
 * colour is one light-dark() pair) and in the theme toggle's pressed state, so the dark theme
 * is checked with these on every page, and with every rule on the home page (the toggle). The
 * other rules read the document and its layout, which the theme leaves as they were: run again in
 * the dark theme, they would find what they found in the light one.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** A phone's screen: the site's layout changes with the width alone (no pointer or hover queries). */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 720 };

/** Goes to `path` in the light theme, waits for what the page shows once its scripts ran. */
async function show(path: string, on: Page = page): Promise<Page> {
  await on.emulateMedia({ colorScheme: 'light' });
  await on.setViewportSize(DESKTOP);
  // An address with a fragment is loaded afresh, not reached by scrolling the page before it.
  if (path.includes('#')) await on.goto('about:blank');
  const response = await on.goto(site.at(path));
  expect(response?.status(), path).toBe(NOT_FOUND.has(path) ? 404 : 200);
  if (NOT_FOUND.has(path)) await on.waitForSelector('[data-not-found] .ours');
  if (path.startsWith('list/')) await on.waitForSelector('[data-list-app]:not([hidden])');
  // A shared list's papers, once read from their pages.
  if (path.includes('#ids='))
    await on.waitForFunction(() => document.querySelectorAll('[data-shared-items] .list-facts').length === 2);
  if (path.startsWith('search/')) {
    await on.waitForFunction(() => /found/.test(document.querySelector('#search-status')?.textContent ?? ''));
  }
  return on;
}

/** Opens every <details>: folded content (abstracts, author lists, calendar gaps) is checked open too. */
const openAll = (on: Page) =>
  on.$$eval('details', (ds) => {
    for (const d of ds) (d as HTMLDetailsElement).open = true;
  });

/** Switches the page shown to a theme, in place (no transition: the colours change at once). */
async function inTheme(colorScheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme });
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
}

/** What a screen reader's user relies on, read from the page shown. */
function structure() {
  return page.evaluate(() => {
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
}

test.each(PAGES)(
  '%s: no serious or critical violation in either theme, nor in target sizes on a phone; one h1, headings in order, landmarks',
  async (_name, path) => {
    await show(path);
    expect(await structure(), path).toEqual({
      lang: 'en',
      h1: 1,
      firstHeading: 1,
      skips: [],
      landmarks: [true, true, true, true],
      searchLabel: true,
    });
    await openAll(page);
    expect(await seriousViolations(page), 'light').toEqual([]);
    await inTheme('dark');
    expect(await seriousViolations(page, path === '' ? undefined : COLOUR_RULES), 'dark').toEqual([]);
    // The target sizes again on a phone's width (cards and lists wrap into more, closer lines
    // there): the same document, narrowed, rather than loaded again in a phone's context; the
    // other rules read the document, or colours that do not depend on the width.
    await page.setViewportSize(PHONE);
    expect(await seriousViolations(page, ['target-size']), 'phone').toEqual([]);
  },
);

test('the check finds a violation when there is one, and one the dark theme alone has', async () => {
  await show('');
  await page.$eval('main', (main) => {
    main.insertAdjacentHTML(
      'beforeend',
      '<img src="x.png"><p style="color:#999;background:#aaa">faint</p>' +
        '<p style="color:light-dark(#000,#333);background:var(--bg)">faint at night</p>' +
        // Two links 10 px tall, side by side: too small, too close (WCAG 2.2 SC 2.5.8).
        '<p style="font-size:8px;line-height:10px"><a href="#a">a</a><a href="#b">b</a></p>',
    );
  });
  // The light theme: the grey paragraph alone (one element named); the dark: both.
  expect(await seriousViolations(page)).toEqual([
    expect.stringMatching(/^color-contrast \(serious\): [^|]+$/),
    expect.stringMatching(/^image-alt \(critical\)/),
    expect.stringMatching(/^target-size \(serious\): .+ — a\[href="#a"\] \| a\[href="#b"\]$/),
  ]);
  await inTheme('dark');
  expect(await seriousViolations(page, COLOUR_RULES)).toEqual([
    expect.stringMatching(/^color-contrast \(serious\): [^|]+ \| [^|]+$/),
  ]);
});

describe('keyboard', () => {
  test('the first Tab reaches a visible skip link that moves focus to the content', async () => {
    await show('days/2026-07-29/');
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
  });
});
