// The stats page (site/pages/stats.astro) of the fixture site, without JavaScript: every stat is
// a figure with its title and caption, a chart named by its gist (or a ranking's table of bars),
// its numbers in a table, and a CSV file that a strict RFC 4180 reader reads back to the very
// numbers of the page's tables; the page adds no script of its own; the fixture's hostile
// organization is text in the page and in the file; links lead to pages that exist. (Keywords
// ranked and their links: tests/unit/site/lib/stats*.test.ts; the fixture has none to rank.)
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isoWeek } from '../../../scraper/archive/index.ts';
import { monthName, weekLabel } from '../../../site/lib/format.ts';
import { quarterLabel } from '../../../site/lib/stats-text.ts';
import { csvObjects } from '../../helpers/csv.ts';
import { TEST_BASE as BASE, FIXTURE_DATES } from './fixture.ts';
import { executableScripts, fixtureDay, type ServedSite, serveFixtureSite } from './site-helpers.ts';

let site: ServedSite;
let page: Page;

beforeAll(async () => {
  site = await serveFixtureSite();
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  page = await context.newPage();
  const response = await page.goto(site.at('stats/'));
  expect(response?.status()).toBe(200);
});
afterAll(async () => {
  await site?.close();
});

const SECTIONS = [
  'papers-per-week',
  'upvotes-per-month',
  'code-per-month',
  'top-organizations',
  'top-keywords',
  'new-keywords',
];
const CHARTS = ['papers-per-week', 'upvotes-per-month', 'code-per-month'];

/** A section's tables as the reader sees them: caption, header cells, and each row's cells. */
function tablesOf(id: string) {
  return page.$$eval(`section[aria-labelledby="${id}"] table`, (tables) =>
    tables.map((t) => ({
      caption: (t as HTMLTableElement).caption?.textContent?.trim() ?? '',
      head: [...t.querySelectorAll('thead th')].map((th) => [th.textContent?.trim(), th.getAttribute('scope')]),
      rows: [...t.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.children].map((c) => ({ text: c.textContent?.replace(/\s+/g, ' ').trim() ?? '', tag: c.tagName })),
      ),
    })),
  );
}

/** A number as the page writes it ("1,234", "41.2%", "–" for none) as the file writes it. */
const asFile = (text: string): string =>
  text === '–' ? '' : /^[\d,]+(\.\d)?%?$/.test(text) ? text.replace(/,/g, '').replace(/%$/, '') : text;

async function csvOf(id: string): Promise<Record<string, string>[]> {
  const href = await page.locator(`section[aria-labelledby="${id}"] .csv a`).getAttribute('href');
  expect(href).toBe(`${BASE}stats/${id}.csv`);
  const response = await page.request.get(new URL(href!, site.at()).href);
  expect(response.status(), id).toBe(200);
  return csvObjects(await response.text());
}

describe('/stats/', () => {
  test('every stat: a figure, its caption titled, its chart or ranking, its table, its CSV file; no script of its own', async () => {
    for (const id of SECTIONS) {
      const section = page.locator(`section[aria-labelledby="${id}"]`);
      expect(await section.locator('figure > figcaption > h2').getAttribute('id'), id).toBe(id);
      expect((await section.locator('figcaption p').textContent())?.trim().length, id).toBeGreaterThan(40);
      expect(await section.locator('.csv a').count(), id).toBe(1);
    }
    for (const id of CHARTS) {
      const chart = page.locator(`section[aria-labelledby="${id}"] figure svg[role="img"]`);
      expect(await chart.count(), id).toBe(1);
      // Named by its gist: the <title> its aria-labelledby points to.
      const name = await chart.evaluate(
        (svg) => document.getElementById(svg.getAttribute('aria-labelledby')!)?.textContent,
      );
      expect(name, id).toMatch(/\d.*[.]$/);
      const [table] = await tablesOf(id);
      expect(table!.caption.length, id).toBeGreaterThan(10);
      expect(
        table!.head.every(([, scope]) => scope === 'col'),
        id,
      ).toBe(true);
      expect(
        table!.rows.every((r) => r[0]!.tag === 'TH'),
        id,
      ).toBe(true);
      expect(await page.locator(`section[aria-labelledby="${id}"] details.stat-data table`).count(), id).toBe(1);
    }
    // The layout's theme scripts, as on every reading page; none of the page's own.
    const own = await executableScripts(page);
    await page.goto(site.at('rising/'));
    expect(own).toEqual(await executableScripts(page));
    await page.goto(site.at('stats/'));
  });

  test('papers per week: every week of the range, each paper in the week of its first day', async () => {
    const firstDays = new Map<string, string>();
    for (const date of FIXTURE_DATES)
      for (const p of fixtureDay(date).papers) if (!firstDays.has(p.id)) firstDays.set(p.id, date);
    const perWeek = new Map<string, number>();
    for (const date of firstDays.values()) perWeek.set(isoWeek(date), (perWeek.get(isoWeek(date)) ?? 0) + 1);
    const rows = await csvOf('papers-per-week');
    expect(rows.map((r) => r['week'])).toEqual([
      '2026-W27',
      '2026-W28',
      '2026-W29',
      '2026-W30',
      '2026-W31',
      '2026-W32',
    ]);
    expect(rows.map((r) => Number(r['papers']))).toEqual(rows.map((r) => perWeek.get(r['week']!) ?? 0));
    expect(rows.map((r) => r['days_held'])).toEqual(['2', '0', '0', '0', '4', '1']);
    expect(rows.map((r) => r['partial'])).toEqual(['true', 'false', 'false', 'false', 'false', 'true']);
    // Bars for the weeks with days; the first and last hollow (the archive holds part of them).
    expect(await page.locator('section[aria-labelledby="papers-per-week"] rect.column').count()).toBe(3);
    expect(await page.locator('section[aria-labelledby="papers-per-week"] rect.column.hollow').count()).toBe(2);
  });

  test('each CSV file reads back, strictly, to the numbers of the page’s table', async () => {
    const [weeks] = await tablesOf('papers-per-week');
    const weekRows = await csvOf('papers-per-week');
    expect(weeks!.rows.map((r) => r.map((c) => c.text))).toEqual(
      weekRows.map((r) => [weekLabel(r['week']!), r['papers'], r['days_held']]),
    );

    const [upvotes] = await tablesOf('upvotes-per-month');
    const upvoteRows = await csvOf('upvotes-per-month');
    expect(upvotes!.rows.map((r) => [r[0]!.text, ...r.slice(1).map((c) => asFile(c.text))])).toEqual(
      upvoteRows.map((r) => [
        `${monthName(r['month']!)}${r['settled'] === 'true' ? '' : ' (still moving)'}`,
        r['papers'],
        r['median_upvotes'],
        r['p90_upvotes'],
      ]),
    );
    expect(upvoteRows.map((r) => r['settled'])).toEqual(['true', 'false', 'false']);

    const [code] = await tablesOf('code-per-month');
    const codeRows = await csvOf('code-per-month');
    expect(code!.rows.map((r) => [r[0]!.text, ...r.slice(1).map((c) => asFile(c.text))])).toEqual(
      codeRows.map((r) => [monthName(r['month']!), r['papers'], r['with_code'], r['percent_with_code']]),
    );

    for (const id of ['top-organizations', 'top-keywords']) {
      const shown = await tablesOf(id);
      const rows = await csvOf(id);
      for (const table of shown) {
        const quarter = rows.find((r) => table.caption.startsWith(quarterLabel(r['quarter']!)))!['quarter'];
        const name = id === 'top-organizations' ? 'organization' : 'keyword';
        expect(
          table.rows.map((r) => r.map((c) => asFile(c.text))),
          `${id} ${quarter}`,
        ).toEqual(
          rows.filter((r) => r['quarter'] === quarter).map((r) => [r['rank'], r[name], r['papers'], r['percent']]),
        );
      }
    }
    // The fixture's keywords are each on one paper a quarter (its one shared keyword is on a June
    // paper and a July one), and none is on a paper of August: the rankings say so, the files are
    // their header.
    expect(await page.locator('section[aria-labelledby="top-keywords"] .ranking-empty').count()).toBe(2);
    expect(await page.locator('section[aria-labelledby="new-keywords"] .ranking-empty').textContent()).toContain(
      'No keyword first seen this month',
    );
    expect(await csvOf('top-keywords')).toEqual([]);
    expect(await csvOf('new-keywords')).toEqual([]);
  });

  test('the hostile organization is text on the page and a quoted field in the file; names lead to their pages', async () => {
    const hostile = '<svg onload=alert(4)>, Inc.: "Org"';
    const link = page.locator('section[aria-labelledby="top-organizations"] a', { hasText: 'onload' });
    expect(await link.textContent()).toBe(hostile);
    const response = await page.request.get(site.at('stats/top-organizations.csv'));
    const text = await response.text();
    expect(text).toContain(`,"${hostile.replaceAll('"', '""')}",`);
    expect(csvObjects(text).some((r) => r['organization'] === hostile)).toBe(true);
    const hrefs = await page.$$eval('section[aria-labelledby="top-organizations"] tbody a', (as) =>
      as.map((a) => a.getAttribute('href')!),
    );
    for (const href of hrefs) {
      expect(href.startsWith(`${BASE}organizations/`), href).toBe(true);
      expect((await page.request.get(new URL(href, site.at()).href)).status(), href).toBe(200);
    }
  });

  test('on a phone, nothing is wider than the screen, and a chart’s labels are as tall as the text around them', async () => {
    await page.$$eval('details', (ds) => {
      for (const d of ds) (d as HTMLDetailsElement).open = true;
    });
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 800 });
      const wide = await page.$$eval('main *', (els) =>
        els.filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5).map((e) => e.tagName),
      );
      expect(wide, `${width} px`).toEqual([]);
      // Text drawn in the chart's units, which a phone shrinks: the stylesheet sets it larger there.
      const heights = await page.$$eval('svg.stats-chart text', (ts) =>
        ts.map((t) => t.getBoundingClientRect().height),
      );
      expect(Math.min(...heights), `${width} px`).toBeGreaterThanOrEqual(width === 390 ? 12 : 10);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    const desktop = await page.$$eval('svg.stats-chart text', (ts) => ts.map((t) => t.getBoundingClientRect().height));
    expect(Math.min(...desktop)).toBeGreaterThanOrEqual(12);
  });

  test('the footer and the archive page lead here', async () => {
    await page.goto(site.at('archive/'));
    expect(await page.locator(`.archive-ways a[href="${BASE}stats/"]`).count()).toBe(1);
    expect(await page.locator(`footer a[href="${BASE}stats/"]`).count()).toBe(1);
    await page.goto(site.at('stats/'));
  });
});
