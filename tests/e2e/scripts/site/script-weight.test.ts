// The benchmark's count of client script (scripts/site/script-weight.ts) read against the real
// build the site tests share, under its base path, as Vite writes the files: every page counts the
// script every page loads; the search page takes the citation formats on its first export (a
// dynamic import), the list page with its script (a static one); and what is counted is what
// Chromium fetches, file for file, on each page as it opens.
import { expect, inject, test } from 'vitest';
import { scriptWeight } from '../../../../scripts/site/script-weight.ts';
import { serveFixtureSite } from '../../site/site-helpers.ts';

const { dist, base } = inject('fixtureSite');
const chunk = (files: string[], name: string) => files.filter((f) => new RegExp(`/${name}\\.[\\w-]+\\.js$`).test(f));

test('the formats are on demand on the search page and with the page on the list page', () => {
  const home = scriptWeight(dist, '', base);
  const search = scriptWeight(dist, 'search/', base);
  const list = scriptWeight(dist, 'list/', base);
  expect(home.open).toBeGreaterThan(0);
  expect(home.onDemand).toBe(0);
  for (const page of [search, list]) expect(page.open).toBeGreaterThan(home.open);
  expect(chunk(search.onDemandFiles, 'cite-formats')).toHaveLength(1);
  expect(chunk(search.openFiles, 'cite-formats')).toEqual([]);
  expect(chunk(list.openFiles, 'cite-formats')).toHaveLength(1);
  expect(list.onDemandFiles).toEqual([]);
  // Every file the home page loads, the others load too: the script every page shares.
  for (const page of [search, list]) expect(page.openFiles).toEqual(expect.arrayContaining(home.openFiles));
});

test('the files counted as a page opens are the scripts Chromium fetches there', async () => {
  const site = await serveFixtureSite();
  try {
    for (const path of ['', 'list/', 'search/?q=model']) {
      const page = await (await site.browser.newContext()).newPage();
      const fetched: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') fetched.push(new URL(r.url()).pathname.slice(base.length));
      });
      await page.goto(site.at(path), { waitUntil: 'networkidle' });
      expect([...new Set(fetched)].sort(), path).toEqual(scriptWeight(dist, path.split('?')[0]!, base).openFiles);
      await page.context().close();
    }
  } finally {
    await site.close();
  }
});
