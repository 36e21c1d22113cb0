// The archive site end to end: the fixture archive (tests/fixtures/site/archive), built once
// per run under a GitHub-Pages-like base path (tests/e2e/setup/fixture-site.ts), served by
// scripts/site/serve.ts on a free port, and driven in Chromium.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DaySchema } from '../../../scraper/archive/schema.ts';
import { TEST_BASE as BASE, FIXTURE_DATES, TEST_SITE_URL } from './fixture.ts';
import { executableScripts, fixtureDay, type ServedSite, serveFixtureSite, watch } from './site-helpers.ts';

let site: ServedSite;

beforeAll(async () => {
  site = await serveFixtureSite();
});
afterAll(async () => {
  await site?.close();
});

type Visitor = { javaScript?: boolean; colorScheme?: 'light' | 'dark' };

// A new page costs a renderer process (about 0.3 s here, a visit 0.1 s), so the tests share
// one page per kind of visitor and each goes where it needs to. The one thing a page keeps from
// visit to visit is local storage (the theme picked): only the theme test writes it, in pages
// of its own, as does a test that listens to everything a page does.
const shared = new Map<string, Page>();

async function visitor({ javaScript = true, colorScheme = 'light' }: Visitor = {}): Promise<Page> {
  const key = `${javaScript} ${colorScheme}`;
  let page = shared.get(key);
  if (!page) {
    const context = await site.browser.newContext({ javaScriptEnabled: javaScript, colorScheme });
    page = await context.newPage();
    shared.set(key, page);
  }
  return page;
}

async function visit(page: Page, path: string): Promise<Page> {
  const response = await page.goto(site.at(path));
  expect(response?.status(), path).toBe(200);
  return page;
}

/** The shared page of this kind of visitor, at `path`. */
const open = async (path: string, options: Visitor = {}): Promise<Page> => visit(await visitor(options), path);

/** A page in a browser context of its own (close it with its context). */
async function openAlone(path: string, options: Visitor = {}): Promise<Page> {
  const context = await site.browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    colorScheme: options.colorScheme ?? 'light',
  });
  return visit(await context.newPage(), path);
}

const texts = (page: Page, selector: string): Promise<string[]> =>
  page.$$eval(selector, (els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));

const upvotesOf = (lines: string[]): number[] =>
  lines.map((l) => Number(/([\d,]+) upvotes?/.exec(l)![1]!.replace(/,/g, '')));

/** A ranking page's papers in order: its first cards, then its one-line list. */
const rankedItems = (page: Page): Promise<string[]> => texts(page, '.cards > .card, .ranked > li');
const rankedTitles = (page: Page): Promise<string[]> => texts(page, '.card-title a, .ranked-title');

describe('pages', () => {
  test('the home page shows the newest day, ranked as listed, with links to the day before and the archive', async () => {
    const newest = fixtureDay('2026-08-05');
    const page = await open('');
    expect(await page.textContent('h1')).toContain('Wed 5 Aug 2026 (UTC)');
    expect(await texts(page, '.card-title a')).toEqual(newest.papers.map((p) => p.title));
    const prev = page.locator('.pager').first().locator('a[rel=prev]');
    expect(await prev.getAttribute('href')).toBe(`${BASE}days/2026-07-31/`);
    expect(await page.locator('.pager').first().locator('a[rel=next]').count()).toBe(0);
    expect(await page.locator(`.pager a[href="${BASE}archive/"]`).count()).toBeGreaterThan(0);
  });

  test('day → paper → day: a card links its paper, whose page links back to every day it was featured on', async () => {
    const page = await open('days/2026-07-29/');
    const day = fixtureDay('2026-07-29');
    expect(await texts(page, '.card-title a')).toEqual(day.papers.map((p) => p.title));
    expect(await page.locator('a[rel=prev]').first().getAttribute('href')).toBe(`${BASE}days/2026-07-27/`);
    expect(await page.locator('a[rel=next]').first().getAttribute('href')).toBe(`${BASE}days/2026-07-30/`);

    // Rank 4 of 2026-07-29 was also rank 1 of 2026-07-27.
    const repeated = day.papers[3]!;
    await page.locator('.card-title a', { hasText: repeated.title }).click();
    await page.waitForURL(site.at(`papers/${repeated.id}/`));
    expect(await page.textContent('h1')).toBe(repeated.title);
    expect(await texts(page, '.featured li')).toEqual([
      'Monday, 27 July 2026, ranked 1',
      'Wednesday, 29 July 2026, ranked 4',
    ]);
    // The paper page shows the newest counts.
    expect(await page.textContent('.facts .upvotes')).toBe(`${repeated.upvotes} upvotes`);

    await page.locator('.featured a', { hasText: '29 July' }).click();
    await page.waitForURL(site.at('days/2026-07-29/'));
    expect(await page.textContent('h1')).toContain('Wed 29 Jul 2026 (UTC)');
  });

  test('a card has authors (et al. opens the full list), organization, counts, keywords, links, and a folded abstract, without JavaScript', async () => {
    const page = await open('days/2026-06-30/', { javaScript: false });
    const paper = fixtureDay('2026-06-30').papers[1]!;
    const card = page.locator('.card').nth(1);
    expect(paper.authors.length).toBeGreaterThan(4);
    const authors = card.locator('details.authors');
    expect(await authors.locator('summary').innerText()).toContain(`${paper.authors.slice(0, 3).join(', ')} et al.`);
    expect(await authors.locator('p').isVisible()).toBe(false);
    await authors.locator('summary').click();
    expect(await authors.locator('p').innerText()).toBe(paper.authors.join(', '));

    expect(await card.locator('.org').innerText()).toBe(paper.organization!.name);
    expect(await card.locator('.facts').innerText()).toContain(`${paper.upvotes} upvotes`);
    // Of its twelve keywords, only one is another paper's too (tests/e2e/site/reading-cards.test.ts).
    expect(await texts(page, '.card:nth-child(2) .keywords li')).toEqual(['supervised fine-tuning']);
    const hrefs = await card.locator('.links a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(
      expect.arrayContaining([
        `https://arxiv.org/abs/${paper.id}`,
        `https://arxiv.org/pdf/${paper.id}`,
        `https://huggingface.co/papers/${paper.id}`,
        paper.githubRepo,
      ]),
    );
    expect(await card.locator('.links').innerText()).toContain(`(${paper.githubStars} stars)`);

    const abstract = card.locator('details.abstract');
    expect(await abstract.getAttribute('open')).toBeNull();
    expect(await abstract.locator('p').first().isVisible()).toBe(false);
    await abstract.locator('summary').click();
    expect(await abstract.locator('p').first().isVisible()).toBe(true);
    expect(await executableScripts(page)).toHaveLength(2); // theme: the inline head script and the toggle
  });

  test('a partial day says what is missing', async () => {
    const page = await open('days/2026-07-31/');
    expect(await page.locator('.notice').innerText()).toContain('id "../../x" is not an arXiv id');
  });

  test('the week page ranks the week’s papers by upvotes, each once', async () => {
    const page = await open('weeks/2026-W31/');
    const week = ['2026-07-27', '2026-07-29', '2026-07-30', '2026-07-31'].map((d) => fixtureDay(d));
    const ids = new Set(week.flatMap((d) => d.papers.map((p) => p.id)));
    const items = await rankedItems(page);
    expect(items).toHaveLength(ids.size);
    const votes = upvotesOf(items);
    expect(votes).toEqual([...votes].sort((a, b) => b - a));
    expect(votes[0]).toBe(999); // the hostile fixture paper has the most upvotes
    // Authors link to their papers here too, as on every page (the top ten are cards).
    const first = week.flatMap((d) => d.papers).find((p) => p.upvotes === 999)!.authors[0]!;
    expect(await page.locator('.authors a').first().getAttribute('href')).toBe(
      `${BASE}search/?${new URLSearchParams({ author: first })}`,
    );
    expect(await page.locator('a[rel=prev]').first().getAttribute('href')).toBe(`${BASE}weeks/2026-W27/`);
    expect(await page.locator('a[rel=next]').first().getAttribute('href')).toBe(`${BASE}weeks/2026-W32/`);
  });

  test('the month page ranks the month’s papers by upvotes', async () => {
    const page = await open('months/2026-07/');
    const days = ['2026-07-01', '2026-07-27', '2026-07-29', '2026-07-30', '2026-07-31'].map((d) => fixtureDay(d));
    const ids = new Set(days.flatMap((d) => d.papers.map((p) => p.id)));
    const items = await rankedItems(page);
    expect(items).toHaveLength(ids.size);
    const votes = upvotesOf(items);
    expect(votes).toEqual([...votes].sort((a, b) => b - a));
    const titles = await rankedTitles(page);
    const byVotes = [...new Map(days.flatMap((d) => d.papers.map((p) => [p.id, p]))).values()].sort(
      (a, b) => b.upvotes - a.upvotes,
    );
    expect(titles[0]).toBe(byVotes[0]!.title);
  });

  test('the archive calendar shows every day’s count, and why a day has none', async () => {
    const page = await open('archive/');
    const status = (date: string) => page.locator(`td[data-date="${date}"]`).getAttribute('data-status');
    expect(await status('2026-07-29')).toBe('held');
    expect(await page.locator('td[data-date="2026-07-29"] a').getAttribute('href')).toBe(`${BASE}days/2026-07-29/`);
    expect(await page.locator('td[data-date="2026-07-29"]').innerText()).toMatch(/^29\s+July 2026:\s+4\s+papers$/);
    expect(await status('2026-07-31')).toBe('partial');
    expect(await status('2026-07-28')).toBe('failed');
    expect(await status('2026-08-01')).toBe('no-listing'); // a Saturday the ledger tried
    expect(await status('2026-08-02')).toBe('weekend'); // a Sunday nobody tried
    expect(await status('2026-08-03')).toBe('no-listing'); // a holiday
    expect(await status('2026-08-04')).toBe('never-tried');
    expect(await status('2026-07-02')).toBe('never-tried');
    expect(await status('2026-06-29')).toBe('outside'); // before the first known day
    expect(await page.locator('td[data-date="2026-07-28"]').innerText()).toContain('failed');
    expect(await page.locator('td[data-date="2026-08-04"]').innerText()).toContain('never tried');

    const gaps = page.locator('#m-2026-07 ~ details.gaps, section:has(#m-2026-07) details.gaps');
    await gaps.first().locator('summary').click();
    expect(await page.locator('li[data-date="2026-07-28"]').innerText()).toBe(
      'Tue 28 Jul 2026: failed: HTTP 503 from huggingface.co',
    );
    expect(await page.locator('h3#m-2026-07 a').getAttribute('href')).toBe(`${BASE}months/2026-07/`);
  });

  test('an unknown address gets the site’s 404 page', async () => {
    const page = await visitor();
    const response = await page.goto(site.at('days/1999-01-01/'));
    expect(response?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Not in the archive');
  });
});

describe('search', () => {
  async function search(page: Page): Promise<string[]> {
    await page.waitForSelector('#search-status[data-state="done"]');
    return texts(page, '.result-title');
  }
  const found = async (page: Page): Promise<number> =>
    Number(/^(\d+) papers? found/.exec((await page.textContent('#search-status')) ?? '')?.[1] ?? 0);

  test('the search box on every page finds a paper by a word of its abstract', async () => {
    const page = await openAlone('days/2026-07-27/');
    const w = watch(page, new URL(site.at()).origin);
    await page.fill('#site-search-q', 'ALFWorld');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/dpa\/search\/\?q=ALFWorld/);
    expect(await page.inputValue('#q')).toBe('ALFWorld');
    const titles = await search(page);
    expect(titles).toEqual(['AgentOPSD: Recursive Self-Distillation for Agentic Reinforcement Learning']);
    expect(await page.locator('.result-title a').getAttribute('href')).toBe(`${BASE}papers/2608.05987/`);
    expect(await page.locator('.result-meta').innerText()).toContain('featured Wed 5 Aug 2026');
    expect(await page.locator('.result-excerpt mark').first().innerText()).toMatch(/^ALFWorld/);
    // The day page's thumbnails come from Hugging Face's CDN, as cards show them (when they load
    // depends on scrolling and timing); nothing else may leave the site.
    expect(w.foreignRequests.filter((u) => !u.startsWith('https://cdn-thumbnails.huggingface.co/'))).toEqual([]);
    expect(w.errors).toEqual([]);
    await page.context().close();
  });

  test('a filter narrows the results, and a sort orders them', async () => {
    const page = await open('search/?q=model');
    await search(page);
    const all = await found(page);
    expect(all).toBeGreaterThan(3);

    await page.selectOption('#f-month', '2026-06');
    await page.waitForURL(/month=2026-06/);
    const june = await search(page);
    const juneTitles = fixtureDay('2026-06-30').papers.map((p) => p.title);
    expect(june.length).toBeGreaterThan(0);
    expect(june.length).toBeLessThan(all);
    for (const t of june) expect(juneTitles).toContain(t);

    await page.selectOption('#f-sort', 'upvotes');
    const sorted = await search(page);
    const votes = (await texts(page, '.result-meta')).map((m) => Number(/(\d+) upvotes/.exec(m)![1]));
    expect(votes).toEqual([...votes].sort((a, b) => b - a));
    expect(sorted).toHaveLength(june.length);
  });

  test('filters work without words: organization, keyword, has code', async () => {
    const org = fixtureDay('2026-06-30').papers[0]!.organization!.name;
    const page = await open(`search/?organization=${encodeURIComponent(org)}`);
    expect(await page.inputValue('#f-organization')).toBe(org);
    const byOrg = await search(page);
    expect(byOrg.length).toBeGreaterThan(0);
    const expected = ['2026-06-30', '2026-07-01', '2026-07-27', '2026-07-29', '2026-07-31', '2026-08-05']
      .flatMap((d) => fixtureDay(d).papers)
      .filter((p) => p.organization?.name === org);
    expect(new Set(byOrg)).toEqual(new Set(expected.map((p) => p.title)));

    const keyword = fixtureDay('2026-06-30').papers[1]!.aiKeywords[0]!;
    await page.goto(site.at(`search/?keyword=${encodeURIComponent(keyword)}`));
    expect(await search(page)).toContain(fixtureDay('2026-06-30').papers[1]!.title);

    await page.goto(site.at('search/?q=model&code=yes'));
    expect(await page.isChecked('#f-code')).toBe(true);
    await search(page);
    const withCode = await found(page);
    await page.uncheck('#f-code');
    await search(page);
    expect(withCode).toBeLessThan(await found(page));
  });

  test('results come ten at a time, oldest first when asked', async () => {
    const total = new Set(FIXTURE_DATES.flatMap((d) => fixtureDay(d).papers.map((p) => p.id))).size;
    expect(total).toBeGreaterThan(20);
    const page = await open('search/?year=2026&sort=oldest');
    const first = await search(page);
    expect(first).toHaveLength(10);
    expect(await page.textContent('#search-status')).toBe(`${total} papers found.`);
    // The oldest day first, and within a day the lowest arXiv id.
    const oldest = [...fixtureDay('2026-06-30').papers].sort((a, b) => a.id.localeCompare(b.id));
    expect(first[0]).toBe(oldest[0]!.title);
    for (const shown of [20, total]) {
      await page.click('#search-more');
      await page.waitForFunction((n) => document.querySelectorAll('.result').length === n, shown);
    }
    expect(await page.locator('#search-more').isVisible()).toBe(false);
    // "featured Tue 30 Jun 2026": the date as every page writes it, compared as a date.
    const dates = (await texts(page, '.result-meta')).map((m) =>
      Date.parse(/featured \S+ (\d+ \S+ \d{4})/.exec(m)![1]!),
    );
    expect(dates.every(Number.isFinite)).toBe(true);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
  });

  test("the index holds each paper's own data, once, and a result shows it", async () => {
    const paper = fixtureDay('2026-08-05').papers[0]!;
    const manifest = JSON.parse(readFileSync(path.join(site.dist, 'search', 'index.json'), 'utf8'));
    // In the folders of the index's two parts (the fixture's site is built with two).
    expect(manifest.parts).toHaveLength(2);
    const docs: { id: string }[] = (manifest.parts as { name: string }[]).flatMap(({ name }) => {
      const records = path.join(site.dist, 'search', name, 'papers');
      return readdirSync(records).map((f) => JSON.parse(readFileSync(path.join(records, f), 'utf8')));
    });
    const doc = docs.find((d) => d.id === paper.id);
    expect(doc).toEqual({
      id: paper.id,
      title: paper.title,
      authors: paper.authors,
      publishedAt: paper.publishedAt,
      organization: paper.organization!.name,
      keywords: paper.aiKeywords,
      day: '2026-08-05',
      upvotes: paper.upvotes,
      body: [paper.aiSummary, paper.abstract].filter(Boolean).join('\n\n'),
    });
  });

  test('search returns paper pages only, never the day, week or month pages that repeat them', async () => {
    const papers = new Set(FIXTURE_DATES.flatMap((d) => fixtureDay(d).papers.map((p) => p.id)));
    // Each paper once.
    expect(JSON.parse(readFileSync(path.join(site.dist, 'search', 'index.json'), 'utf8')).papers).toBe(papers.size);

    const page = await open('search/?q=model');
    await search(page);
    const urls = await page.$$eval('.result-title a', (as) => as.map((a) => a.getAttribute('href')));
    expect(urls.length).toBeGreaterThan(3);
    for (const url of urls) expect(url).toMatch(/^\/dpa\/papers\/\d{4}\.\d{4,5}\/$/);
    // Chrome is not indexed: every paper page says "Featured on" (its days) and has a "Skip to
    // content" link, and no indexed text holds either word.
    for (const word of ['Featured', 'Skip']) {
      await page.goto(site.at(`search/?q=${word}`));
      expect(await search(page), word).toEqual([]);
    }
  });
});

describe('theme', () => {
  test('follows the system setting, and the toggle switches and remembers', async () => {
    const page = await openAlone('', { colorScheme: 'light' });
    const toggle = page.locator('[data-theme-toggle]');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await background()).toBe('rgb(255, 255, 255)');

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await background()).toBe('rgb(20, 20, 22)');
    await page.reload();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await background()).toBe('rgb(20, 20, 22)');

    await page.locator('[data-theme-toggle]').click();
    expect(await page.getAttribute('html', 'data-theme')).toBeNull(); // back to following the system
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.context().close();

    const dark = await openAlone('', { colorScheme: 'dark' });
    expect(await dark.locator('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('true');
    expect(await dark.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 20, 22)');
    await dark.context().close();
  });

  test('without JavaScript there is no toggle, and the system setting still applies', async () => {
    const page = await open('', { javaScript: false, colorScheme: 'dark' });
    expect(await page.locator('[data-theme-toggle]').isVisible()).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 20, 22)');
  });
});

describe('feeds, discovery and citations', () => {
  async function parseXml(
    page: Page,
    url: string,
  ): Promise<{ error: string | null; items: { title: string; link: string }[]; root: string }> {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
    const xml = await response.text();
    return page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.querySelector('parsererror')?.textContent ?? null;
      const items = [...doc.querySelectorAll('item')].map((i) => ({
        title: i.querySelector('title')?.textContent ?? '',
        link: i.querySelector('link')?.textContent ?? '',
      }));
      return { error, items, root: doc.documentElement.nodeName };
    }, xml);
  }

  test('both RSS feeds and the sitemap parse as XML, with absolute links under the base', async () => {
    const page = await open('');
    const papers = await parseXml(page, site.at('rss.xml'));
    expect(papers.error).toBeNull();
    expect(papers.root).toBe('rss');
    const newest = fixtureDay('2026-08-05').papers;
    expect(papers.items.slice(0, newest.length).map((i) => i.title)).toEqual(newest.map((p) => p.title));
    expect(papers.items[0]!.link).toBe(`${TEST_SITE_URL}${BASE}papers/${newest[0]!.id}/`);

    const days = await parseXml(page, site.at('days.xml'));
    expect(days.error).toBeNull();
    expect(days.items[0]!.link).toBe(`${TEST_SITE_URL}${BASE}days/2026-08-05/`);
    expect(days.items).toHaveLength(7);

    const index = await parseXml(page, site.at('sitemap-index.xml'));
    expect(index.error).toBeNull();
    const sitemap = await (await page.request.get(site.at('sitemap-0.xml'))).text();
    expect(sitemap).toContain(`<loc>${TEST_SITE_URL}${BASE}papers/2608.05987/</loc>`);
    expect(sitemap).toContain(`<loc>${TEST_SITE_URL}${BASE}archive/</loc>`);
  });

  test('every page has a canonical URL and Open Graph tags; feeds are linked', async () => {
    const page = await open('days/2026-07-29/');
    expect(await page.getAttribute('link[rel=canonical]', 'href')).toBe(`${TEST_SITE_URL}${BASE}days/2026-07-29/`);
    expect(await page.getAttribute('meta[property="og:url"]', 'content')).toBe(
      `${TEST_SITE_URL}${BASE}days/2026-07-29/`,
    );
    expect(await page.getAttribute('meta[property="og:title"]', 'content')).toContain('Wed 29 Jul 2026 (UTC)');
    expect(await page.locator('link[rel=alternate][type="application/rss+xml"]').count()).toBe(2);
  });

  test('a paper page carries Highwire citation tags, ScholarlyArticle JSON-LD and a BibTeX entry', async () => {
    const paper = fixtureDay('2026-08-05').papers[0]!;
    const page = await open(`papers/${paper.id}/`);
    const meta = (name: string) =>
      page.$$eval(`meta[name="${name}"]`, (ms) => ms.map((m) => m.getAttribute('content')));
    expect(await meta('citation_title')).toEqual([paper.title]);
    expect(await meta('citation_author')).toEqual(paper.authors);
    expect(await meta('citation_arxiv_id')).toEqual([paper.id]);
    expect(await meta('citation_pdf_url')).toEqual([`https://arxiv.org/pdf/${paper.id}`]);
    expect(await meta('citation_publication_date')).toEqual([paper.publishedAt!.slice(0, 10).replaceAll('-', '/')]);

    const ld = JSON.parse((await page.textContent('script[type="application/ld+json"]'))!);
    expect(ld['@type']).toBe('ScholarlyArticle');
    expect(ld.name).toBe(paper.title);
    expect(ld.author.map((a: { name: string }) => a.name)).toEqual(paper.authors);
    expect(ld.abstract).toBe(paper.abstract);
    expect(ld.url).toBe(`${TEST_SITE_URL}${BASE}papers/${paper.id}/`);

    const bib = await page.textContent('pre.bibtex');
    expect(bib).toMatch(/^@misc\{wang2026agentopsd,\n/);
    expect(bib).toContain(`  eprint = {${paper.id}},`);
    expect(bib).toContain(`  author = {${paper.authors.join(' and ')}},`);
  });

  test('each day has a static JSON copy that is the day file’s data', async () => {
    const page = await open('');
    for (const date of ['2026-07-29', '2026-07-30']) {
      const response = await page.request.get(site.at(`days/${date}.json`));
      expect(response.headers()['content-type']).toContain('application/json');
      const data = DaySchema.parse(await response.json());
      expect(data).toEqual(fixtureDay(date));
    }
  });
});
