// The search's results as a citation file (site/client/search-export.ts), in Chromium: a search
// of every fixture paper, shown ten at a time, exported in each format; each download parsed by
// citation-js holds every result, not only those shown, in the results' order, each paper's
// authors in order, title, year, arXiv id and URL as the archive has them (its paper of 50
// authors and its hostile paper among them). The buttons are named for a screen reader, and
// hidden when a search finds nothing. (From a packed copy opened from disk: the pack's test.)
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Paper } from '../../../scraper/archive/schema.ts';
import { type CslItem, readCitationFile, sameName, texDashes } from '../../helpers/citation.ts';
import { fixturePapers, resultIds, showSearch } from './search-helpers.ts';
import { type ServedSite, serveFixtureSite, watch } from './site-helpers.ts';

let site: ServedSite;
let page: Page;
const papers = new Map(fixturePapers().map(({ paper }) => [paper.id, paper]));

beforeAll(async () => {
  site = await serveFixtureSite();
  page = await (await site.browser.newContext({ acceptDownloads: true })).newPage();
});
afterAll(async () => {
  await site?.close();
});

function compare(items: CslItem[], ids: string[], bib: boolean): void {
  expect(items.map((i) => i.URL)).toEqual(ids.map((id) => `https://arxiv.org/abs/${id}`));
  for (const [k, item] of items.entries()) {
    const paper = papers.get(ids[k]!) as Paper;
    const title = bib ? texDashes(paper.title) : paper.title;
    expect(item.title, paper.id).toBe(title);
    expect(item.author?.length, paper.id).toBe(paper.authors.length);
    for (const [a, name] of paper.authors.entries())
      expect(sameName(item.author![a]!, name, bib), `${paper.id} author ${a + 1}: ${name}`).toBe(true);
    expect(item.issued?.['date-parts']?.[0]?.[0], paper.id).toBe(Number(paper.publishedAt!.slice(0, 4)));
  }
}

test('every result of a search, in each format, read back by citation-js', async () => {
  const w = watch(page, new URL(site.at()).origin);
  const status = await showSearch(page, site.at('search/?year=2026&sort=oldest'));
  expect(status).toMatch(/^24 papers found/);
  const box = page.locator('#search-export');
  await box.waitFor();
  expect(await page.locator('#search-results > li').count()).toBe(10);
  expect(await box.locator('.export-what').textContent()).toBe('Cite these 24 papers:');
  for (const label of ['BibTeX', 'RIS', 'CSL-JSON'])
    expect(await box.getByRole('button', { name: `${label} file of these 24 papers`, exact: true }).count()).toBe(1);

  // The order to expect: the results', every one of them shown, ten more a click.
  for (let shown = 10; shown < 24; shown += 10) {
    await page.click('#search-more');
    await page.waitForFunction(
      (n) => document.querySelectorAll('#search-results > li').length === n,
      Math.min(shown + 10, 24),
    );
  }
  const ids = await resultIds(page);
  expect(ids).toHaveLength(24);
  expect(ids.some((id) => papers.get(id)!.authors.length === 50)).toBe(true);

  for (const [label, extension] of [
    ['BibTeX', '.bib'],
    ['RIS', '.ris'],
    ['CSL-JSON', '.csl.json'],
  ] as const) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      box.getByRole('button', { name: `${label} file of these 24 papers` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`daily-papers-search${extension}`);
    const text = readFileSync((await download.path())!, 'utf8');
    compare(await readCitationFile(text), ids, extension === '.bib');
    await expect.poll(() => box.locator('.export-note').textContent()).toBe(`${label} file of 24 papers made.`);
  }
  expect(w).toEqual({ dialogs: [], foreignRequests: [], errors: [] });
});

test('a search of words names its file after them; a search that finds nothing shows no export', async () => {
  await showSearch(page, site.at('search/?q=xyzzyhostile'));
  const box = page.locator('#search-export');
  expect(await box.locator('.export-what').textContent()).toBe('Cite this paper:');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    box.getByRole('button', { name: 'RIS file of this paper' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('daily-papers-search-xyzzyhostile.ris');
  const [item] = await readCitationFile(readFileSync((await download.path())!, 'utf8'));
  expect(item!.URL).toBe('https://arxiv.org/abs/2607.99001');

  await showSearch(page, site.at('search/?q=nothingatallfound'));
  expect(await box.isHidden()).toBe(true);
});
