// No dead ends (site/pages/days/[date].astro, papers/date|week|month, the index pages, 404.astro):
// every date of the archive's range has a page that says why it has no papers and leads to the
// nearest days that have some; Hugging Face's own addresses lead to ours; /days/, /weeks/,
// /months/, /papers/ and the top papers are pages; the 404 page offers search and the newest
// day, and for an address holding an arXiv id, that paper. Also: one date style, "UTC" where a
// day is named, "Updated" in every footer, the current page marked in the navigation, the
// theme toggle's state. One browser context with JavaScript and one without, for the file.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dateRange } from '../../../scraper/archive/index.ts';
import { TEST_BASE as BASE } from './fixture.ts';
import { fixtureDay, type ServedSite, serveFixtureSite, watch } from './site-helpers.ts';

let site: ServedSite;
let withJs: BrowserContext;
let withoutJs: BrowserContext;
let page: Page;

beforeAll(async () => {
  site = await serveFixtureSite();
  withJs = await site.browser.newContext();
  withoutJs = await site.browser.newContext({ javaScriptEnabled: false });
  // No thumbnail is fetched from the real CDN: these tests are about links.
  for (const c of [withJs, withoutJs]) await c.route('https://cdn-thumbnails.huggingface.co/**', (r) => r.abort());
  page = await withJs.newPage();
});
afterAll(async () => {
  await site?.close();
});

async function visit(path: string, status = 200, on: Page = page): Promise<Page> {
  const response = await on.goto(site.at(path));
  expect(response?.status(), path).toBe(status);
  return on;
}

const text = async (selector: string, on: Page = page): Promise<string> =>
  ((await on.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
const href = (selector: string, on: Page = page) => on.locator(selector).first().getAttribute('href');

describe('every date of the archive’s range has a page', () => {
  test('from the first known date to the last, and none outside', async () => {
    for (const date of dateRange('2026-06-30', '2026-08-05')) {
      expect((await page.request.get(site.at(`days/${date}/`))).status(), date).toBe(200);
    }
    for (const date of ['2026-06-29', '2026-08-06']) {
      expect((await page.request.get(site.at(`days/${date}/`))).status(), date).toBe(404);
    }
  });

  test('a Saturday without a listing says so in the ledger’s words and links both neighbours', async () => {
    await visit('days/2026-08-01/');
    expect(await text('h1')).toBe('No papers on Sat 1 Aug 2026 (UTC)');
    expect(await text('.lede')).toBe(
      'no listing Hugging Face lists no papers on a Saturday: the archive asked, and there was no listing.',
    );
    expect(await text('.ledger-note')).toBe(
      'The archive’s record: redirected to 2026-07-31 (last tried Thu 6 Aug 2026, 01:00 UTC).',
    );
    expect(await href('a[rel=prev]')).toBe(`${BASE}days/2026-07-31/`);
    expect(await href('a[rel=next]')).toBe(`${BASE}days/2026-08-05/`);
    expect(await text('.nearest li:first-child')).toBe('Before: Fri 31 Jul 2026, 4 papers');
    expect(await text('.nearest li:last-child')).toBe('After: Wed 5 Aug 2026, 4 papers');
    expect(await href('.nearest a[href*="weeks/"]')).toBe(`${BASE}weeks/2026-W31/`);
  });

  test('a Sunday nobody fetched, a holiday, a failed day and a day never fetched each say why', async () => {
    const cases: [string, RegExp, string | null][] = [
      ['2026-08-02', /^weekend A Sunday: Hugging Face lists no papers at weekends/, null],
      ['2026-08-03', /^no listing Hugging Face had no listing for this Monday/, 'no listing for this date'],
      [
        '2026-07-28',
        /^not fetched The archive tried to fetch this Tuesday and could not/,
        'HTTP 503 from huggingface.co',
      ],
      ['2026-08-04', /^never fetched The archive has never fetched this Tuesday/, null],
    ];
    for (const [date, why, note] of cases) {
      await visit(`days/${date}/`);
      expect(await text('.lede'), date).toMatch(why);
      expect(await page.locator('.ledger-note q').count(), date).toBe(note ? 1 : 0);
      if (note) expect(await text('.ledger-note q'), date).toBe(note);
      expect((await page.locator('a[rel=prev]').count()) + (await page.locator('a[rel=next]').count()), date).toBe(2);
    }
    // A day the archive never fetched is on Hugging Face: the page says where.
    await visit('days/2026-08-04/');
    expect(await href('.nearest a[href^="https://huggingface.co/"]')).toBe(
      'https://huggingface.co/papers/date/2026-08-04',
    );
  });

  test('the calendar links every date of the range to its page', async () => {
    await visit('archive/');
    const cells = await page.$$eval('td[data-date]', (tds) =>
      tds
        .filter((td) => td.getAttribute('data-status') !== 'outside')
        .map((td) => [td.getAttribute('data-date'), td.querySelector('a')?.getAttribute('href') ?? null]),
    );
    expect(cells.length).toBe(37);
    for (const [date, link] of cells) expect(link, date!).toBe(`${BASE}days/${date}/`);
  });
});

describe('Hugging Face’s addresses lead to ours', () => {
  test.each([
    ['papers/date/2026-07-29', 'days/2026-07-29/'],
    ['papers/date/2026-08-01', 'days/2026-08-01/'],
    ['papers/week/2026-W31', 'weeks/2026-W31/'],
    ['papers/month/2026-07', 'months/2026-07/'],
    ['papers/2608.05987', 'papers/2608.05987/'],
  ])('%s, even without JavaScript', async (from, to) => {
    const alone = await withoutJs.newPage();
    await alone.goto(site.at(from));
    await alone.waitForURL(site.at(to));
    expect(await alone.locator('h1').count()).toBe(1);
    await alone.close();
  });

  test('the redirect page names our page as canonical and asks not to be indexed', async () => {
    const html = await (await page.request.get(site.at('papers/date/2026-07-29/'))).text();
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${BASE}days/2026-07-29/">`);
    expect(html).toContain(`<link rel="canonical" href="https://archive.example.org${BASE}days/2026-07-29/">`);
    expect(html).toContain('<meta name="robots" content="noindex">');
  });
});

describe('the 404 page', () => {
  test('Hugging Face’s address of a paper we hold, with its version: on to our page of it', async () => {
    const w = watch(page, new URL(site.at()).origin);
    await page.goto(site.at('papers/2608.05987v2'));
    await page.waitForURL(site.at('papers/2608.05987/'));
    expect(await text('h1')).toBe(fixtureDay('2026-08-05').papers[0]!.title);
    expect(w.foreignRequests).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  test('for another address holding an arXiv id we hold: that paper here, on arXiv and on Hugging Face', async () => {
    const w = watch(page, new URL(site.at()).origin);
    await visit('abs/2608.05987v2', 404);
    const paper = fixtureDay('2026-08-05').papers[0]!;
    await page.waitForSelector('[data-not-found] .ours');
    expect(await text('[data-not-found-lead]')).toBe('This address names arXiv paper 2608.05987 (version 2).');
    const items = await page.$$eval('[data-not-found] li', (lis) =>
      lis.map((li) => [li.textContent, li.querySelector('a')?.getAttribute('href') ?? null]),
    );
    expect(items).toEqual([
      [`In this archive: ${paper.title}`, `${BASE}papers/2608.05987/`],
      ['On arXiv: arxiv.org/abs/2608.05987v2', 'https://arxiv.org/abs/2608.05987v2'],
      ['On Hugging Face: huggingface.co/papers/2608.05987', 'https://huggingface.co/papers/2608.05987'],
    ]);
    expect(w.foreignRequests).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  test('for an id we do not hold: arXiv and Hugging Face, and says it is not here', async () => {
    await visit('papers/2101.00001v3', 404);
    await page.waitForSelector('[data-not-found] .ours');
    expect(await text('[data-not-found] .ours')).toBe(
      'This archive does not have it (Hugging Face may not have featured it).',
    );
    expect(await page.locator('[data-not-found] a').count()).toBe(2);
  });

  test('without JavaScript, and for any address: the search box and the newest day', async () => {
    const alone = await withoutJs.newPage();
    for (const path of ['papers/2608.05987v2', 'nothing/here']) {
      await visit(path, 404, alone);
      expect(await alone.locator('[data-not-found]').isVisible()).toBe(false);
      expect(await alone.locator('main form[role=search] input[type=search]').count()).toBe(1);
      expect(await href('main a[href*="days/"]', alone)).toBe(`${BASE}days/2026-08-05/`);
    }
    await alone.fill('main input[type=search]', 'ALFWorld');
    await alone.press('main input[type=search]', 'Enter');
    await alone.waitForURL(/\/dpa\/search\/\?q=ALFWorld/);
    await alone.close();
  });
});

describe('index pages and top papers', () => {
  test('/days/, /weeks/, /months/ and /papers/ list what they name', async () => {
    await visit('days/');
    expect(await page.$$eval('.day-list a', (as) => as.map((a) => a.getAttribute('href')))).toEqual(
      ['2026-08-05', '2026-07-31', '2026-07-30', '2026-07-29', '2026-07-27', '2026-07-01', '2026-06-30'].map(
        (d) => `${BASE}days/${d}/`,
      ),
    );
    await visit('weeks/');
    expect(await page.$$eval('.period', (as) => as.map((a) => a.getAttribute('href')))).toEqual(
      ['2026-W32', '2026-W31', '2026-W27'].map((w) => `${BASE}weeks/${w}/`),
    );
    expect(await text('.period-list li')).toMatch(/^Week 32, 2026 \(3–9 Aug\) 4 papers Top: /);
    await visit('months/');
    expect(await page.$$eval('.period', (as) => as.map((a) => a.textContent))).toEqual([
      'August 2026',
      'July 2026',
      'June 2026',
    ]);
    await visit('papers/');
    expect(await page.locator('.ranked > li').count()).toBe(4);
    expect(await href('main a[href$="top/"]')).toBe(`${BASE}top/`);
  });

  test('the archive page leads to the top papers of all time and of each year, ranked by upvotes', async () => {
    await visit('archive/');
    expect(await href('.archive-ways a[href$="top/"]')).toBe(`${BASE}top/`);
    expect(await href('.archive-ways a[href$="top/2026/"]')).toBe(`${BASE}top/2026/`);
    for (const path of ['top/', 'top/2026/']) {
      await visit(path);
      const votes = await page.$$eval('.cards > .card .upvotes, .ranked > li .votes', (es) =>
        es.map((e) => Number((e.textContent ?? '').replace(/\D/g, ''))),
      );
      expect(votes).toHaveLength(24); // every fixture paper: fewer than a top page holds
      expect(votes).toEqual([...votes].sort((a, b) => b - a));
      expect(votes[0]).toBe(999);
      expect(await page.locator('.cards > .card').count()).toBe(10);
      expect(await page.locator('.years a[aria-current=page]').textContent()).toBe(
        path === 'top/' ? 'All time' : '2026',
      );
    }
  });

  test('a month opens on its ten best as cards, the rest one line each, each line opens', async () => {
    await visit('months/2026-07/');
    expect(await page.locator('.cards > .card').count()).toBe(10);
    const line = page.locator('.ranked > li').first();
    expect(await line.locator('.line-body').isVisible()).toBe(false);
    await line.locator('summary').click();
    expect(await line.locator('.line-body').isVisible()).toBe(true);
    expect(await line.locator('.line-body .links a').first().getAttribute('href')).toMatch(
      /^https:\/\/arxiv\.org\/abs\//,
    );
    // The title is a link of its own, outside the toggle.
    expect(await line.locator('summary a').count()).toBe(0);
    expect(await line.locator('.ranked-title').getAttribute('href')).toMatch(new RegExp(`^${BASE}papers/`));
  });
});

describe('consistency', () => {
  test('dates are written one way, and "UTC" where a day is named', async () => {
    const style = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$/;
    await visit('days/2026-07-29/');
    expect(await text('h1')).toBe('Daily Papers, Wed 29 Jul 2026 (UTC)');
    expect(await page.locator('h1 time').getAttribute('datetime')).toBe('2026-07-29');
    for (const label of await page.$$eval('.pager a', (as) =>
      as.map((a) => (a.textContent ?? '').replace(/[←→]/g, '').trim()),
    )) {
      if (label !== 'All days') expect(label).toMatch(style);
    }
    await visit('weeks/2026-W31/');
    expect(await text('h1')).toBe('Week 31, 2026 (27 Jul – 2 Aug)');
    for (const date of await page.$$eval('.lede .also a[href*="days/"], .featured-on a', (as) =>
      as.map((a) => a.textContent),
    )) {
      expect(date).toMatch(style);
    }
  });

  test('every page’s footer says when the archive was updated, in UTC', async () => {
    for (const path of ['days/2026-07-29/', 'days/2026-08-01/', 'top/', 'papers/2608.05987/']) {
      await visit(path);
      expect(await text('footer .updated'), path).toBe('Updated Thu 6 Aug 2026, 01:00 UTC');
    }
  });

  test('the navigation marks the current page; the theme toggle says its state and what it does', async () => {
    const current = () => page.$$eval('.site-header nav a', (as) => as.map((a) => a.getAttribute('aria-current')));
    await visit('');
    expect(await current()).toEqual(['page', null, null, null]);
    await visit('archive/');
    expect(await current()).toEqual([null, 'page', null, null]);
    await visit('rising/');
    expect(await current()).toEqual([null, null, 'page', null]);
    await visit('days/2026-07-29/');
    expect(await current()).toEqual([null, 'true', null, null]);

    const toggle = page.locator('[data-theme-toggle]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await toggle.getAttribute('title')).toBe('Switch to the dark theme');
    expect((await toggle.textContent())?.trim()).toBe('Dark theme');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await toggle.getAttribute('title')).toBe('Switch to the light theme');
    await toggle.click(); // back to the system's, so that nothing is remembered
    expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull();
  });
});
