// Related papers on the paper page (site/lib/related.ts, pages/papers/[id].astro), read in
// Chromium from the fixture site: every paper page lists what comparing every pair of the
// fixture's papers finds (the plain way, not the build's inverted index), each with its title,
// day and upvotes, each link leading to that paper; a paper like no other lists none.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Day } from '../../../scraper/archive/index.ts';
import { buildArchiveIndex } from '../../../site/lib/archive-index.ts';
import { formatDate, plural } from '../../../site/lib/format.ts';
import { nearestPlain, vectors } from '../../../site/lib/related.ts';
import { FIXTURE_DATES } from './fixture.ts';
import { fixtureDay, type ServedSite, serveFixtureSite } from './site-helpers.ts';

let site: ServedSite;
const index = buildArchiveIndex(FIXTURE_DATES.map((d) => fixtureDay(d)) as Day[]);
const entries = [...index.papers.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
const expected = new Map(
  nearestPlain(vectors(entries.map((e) => e.paper))).map((list, i) => [entries[i]!.id, list.map((at) => entries[at]!)]),
);

beforeAll(async () => {
  site = await serveFixtureSite();
});
afterAll(async () => {
  await site?.close();
});

describe('related papers', () => {
  test('every paper page lists its nearest papers, with their day and upvotes', async () => {
    // No script and no waiting for pictures: the list is in the page as built.
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    let listed = 0;
    for (const entry of entries) {
      await page.goto(site.at(`papers/${entry.id}/`), { waitUntil: 'domcontentloaded' });
      const want = expected.get(entry.id)!;
      const items = page.locator('ol.related > li');
      if (want.length === 0) {
        expect(await page.locator('#related').count()).toBe(0);
        continue;
      }
      expect(await page.locator('h2#related').textContent()).toBe('Related papers');
      const shown = await items.evaluateAll((lis) =>
        lis.map((li) => ({
          title: li.querySelector('a')!.textContent,
          href: li.querySelector('a')!.getAttribute('href'),
          facts: li.querySelector('span')!.textContent,
        })),
      );
      expect(shown).toEqual(
        want.map((e) => ({
          title: e.paper.title,
          href: `${site.base}papers/${e.id}/`,
          facts: `${formatDate(e.firstDate)} · ${plural(e.paper.upvotes, 'upvote')}`,
        })),
      );
      listed += want.length;
    }
    // The fixture is small, but most of its papers have five neighbours.
    expect(listed).toBeGreaterThan(entries.length * 3);
    await context.close();
  });

  test('a related paper’s link leads to its page', async () => {
    const page = await site.browser.newPage();
    const [entry, want] = [...expected].find(([, list]) => list.length > 0)!;
    await page.goto(site.at(`papers/${entry}/`));
    await page.locator('ol.related > li a').first().click();
    await page.waitForURL(`**/papers/${want[0]!.id}/`);
    expect(await page.locator('h1').textContent()).toBe(want[0]!.paper.title);
    await page.close();
  });
});
