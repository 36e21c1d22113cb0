// The organizations pages (site/pages/organizations/): /organizations/ lists every organization
// of the fixture archive with its number of papers, by that number then by name, and narrows to
// a letter without JavaScript; each organization's page shows its papers, newest first, and
// leads on to the search filtered by it; a card's and a paper page's organization lead there.
// Browsed without JavaScript throughout: nothing here needs it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_BASE as BASE, FIXTURE_DATES } from './fixture.ts';
import { fixtureDay, type ServedSite, serveFixtureSite } from './site-helpers.ts';

let site: ServedSite;
let page: Page;

beforeAll(async () => {
  site = await serveFixtureSite();
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  await context.route('https://cdn-thumbnails.huggingface.co/**', (r) => r.abort());
  page = await context.newPage();
});
afterAll(async () => {
  await site?.close();
});

async function visit(path: string): Promise<void> {
  const response = await page.goto(site.at(path));
  expect(response?.status(), path).toBe(200);
}

/** The lines of the list a reader sees: name and count. */
const shownLines = () =>
  page.$$eval('.org-list > li', (lis) =>
    lis
      .filter((li) => (li as HTMLElement).offsetParent !== null)
      .map((li) => [li.querySelector('a')!.textContent, Number.parseInt(li.querySelector('.count')!.textContent!, 10)]),
  );

/** Every organization name the fixture's papers carry. */
const fixtureNames = new Set(
  FIXTURE_DATES.flatMap((d) => fixtureDay(d).papers.flatMap((p) => (p.organization ? [p.organization.name] : []))),
);

describe('/organizations/', () => {
  test('every organization once, with its number of papers, by that number, then by name', async () => {
    await visit('organizations/');
    const lines = await shownLines();
    expect(new Set(lines.map(([name]) => name))).toEqual(fixtureNames);
    expect(lines).toHaveLength(fixtureNames.size);
    expect(lines.slice(0, 4)).toEqual([
      ['Tencent', 2],
      ['Tencent Hunyuan', 2],
      ['Tsinghua University', 2],
      ['<svg onload=alert(4)>, Inc.: "Org"', 1],
    ]);
    const counts = lines.map(([, n]) => n as number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(await page.locator('.org-list a').first().getAttribute('href')).toBe(`${BASE}organizations/tencent/`);
  });

  test('a letter narrows the list to the names that start with it, without JavaScript, and All shows them all', async () => {
    await visit('organizations/');
    await page.click('.org-letters a:text-is("T")');
    expect(new URL(page.url()).hash).toBe('#org-t');
    expect((await shownLines()).map(([name]) => name)).toEqual([
      'Tencent',
      'Tencent Hunyuan',
      'Tsinghua University',
      'TongyiLab',
    ]);
    expect(await page.locator('#org-t').innerText()).toBe('Names that start with T: 4 organizations. Show all.');
    // "#": the names that start with anything but a letter.
    await page.click('.org-letters a[href="#org-other"]');
    expect((await shownLines()).map(([name]) => name)).toEqual(['<svg onload=alert(4)>, Inc.: "Org"']);
    await page.click('.org-letters a:text-is("All")');
    expect(await shownLines()).toHaveLength(fixtureNames.size);
    expect(await page.locator('.org-note:visible').count()).toBe(0);
  });

  test('the archive page and /papers/ lead here', async () => {
    for (const path of ['archive/', 'papers/']) {
      await visit(path);
      expect(await page.locator(`main a[href="${BASE}organizations/"]`).count(), path).toBe(1);
    }
  });
});

describe('an organization’s page', () => {
  test('its name, its papers’ number and days, its papers newest first, the search filtered by it', async () => {
    await visit('organizations/tencent-hunyuan/');
    expect(await page.locator('h1').textContent()).toBe('Tencent Hunyuan');
    expect((await page.locator('.lede').innerText()).replace(/\s+/g, ' ')).toBe(
      '2 papers featured from Mon 27 Jul 2026 to Wed 5 Aug 2026 (UTC). Search its papers, huggingface.co/Tencent-Hunyuan, every organization.',
    );
    expect(await page.$$eval('.ranked-title', (as) => as.map((a) => a.getAttribute('href')))).toEqual([
      `${BASE}papers/2608.05248/`,
      `${BASE}papers/2607.22043/`,
    ]);
    expect(await page.$$eval('.line-date', (ts) => ts.map((t) => t.getAttribute('datetime')))).toEqual([
      '2026-08-05',
      '2026-07-27',
    ]);
    expect(await page.getAttribute('a:text-is("Search its papers")', 'href')).toBe(
      `${BASE}search/?organization=Tencent+Hunyuan`,
    );
    expect(await page.getAttribute('a:text-is("huggingface.co/Tencent-Hunyuan")', 'href')).toBe(
      'https://huggingface.co/Tencent-Hunyuan',
    );
    // Its papers' details do not name it again.
    expect(await page.locator('.ranked-meta a[href*="organizations/"]').count()).toBe(0);
  });

  test('a card’s organization and a paper page’s lead to it', async () => {
    const paper = fixtureDay('2026-08-05').papers.find((p) => p.organization?.handle === 'Tencent-Hunyuan')!;
    await visit('days/2026-08-05/');
    const org = page.locator(`article[aria-labelledby="title-${paper.id}"] .org a`);
    expect(await org.textContent()).toBe('Tencent Hunyuan');
    await org.click();
    expect(new URL(page.url()).pathname).toBe(`${BASE}organizations/tencent-hunyuan/`);
    await visit(`papers/${paper.id}/`);
    expect(await page.getAttribute('.org a', 'href')).toBe(`${BASE}organizations/tencent-hunyuan/`);
  });
});
