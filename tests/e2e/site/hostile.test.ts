// Scraped text is text wherever it lands. The fixture day 2026-07-30 holds titles, authors,
// abstracts, keywords, organizations and links made to break out of HTML, attributes, JSON-LD,
// RSS, BibTeX, RIS and YAML. Every page that shows them must show them literally and run
// nothing: no dialog, no script but the site's own, no request anywhere but the site and the
// thumbnails of other papers on Hugging Face's image host (site/lib/thumbnails.ts).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account } from '../../../scraper/archive/index.ts';
import { HOSTILE } from '../../../scripts/site/make-fixture.ts';
import { organizationKey, organizationSlugs } from '../../../site/lib/organizations.ts';
import { TEST_BASE as BASE, TEST_SITE_URL } from './fixture.ts';
import { executableScripts, fixtureDay, type ServedSite, serveFixtureSite, type Watch, watch } from './site-helpers.ts';

let site: ServedSite;
const hostile = () => fixtureDay('2026-07-30');
/** The address of an organization's page: its slug is URL-safe whatever its handle holds. */
const orgPage = (org: Account): string => {
  const key = organizationKey(org);
  return `organizations/${organizationSlugs([key]).get(key)}/`;
};

beforeAll(async () => {
  site = await serveFixtureSite();
});
afterAll(async () => {
  await site?.close();
});

type Visit = { page: Page; watched: Watch; scriptsAtLoad: number };

/** Opens a page, counting script elements as they are inserted, from the very first one. */
async function visit(path: string): Promise<Visit> {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as unknown as { __scripts: number }).__scripts = 0;
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes)
          if (n.nodeName === 'SCRIPT') (window as unknown as { __scripts: number }).__scripts += 1;
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const watched = watch(page, new URL(site.at()).origin);
  const response = await page.goto(site.at(path));
  expect(response?.status(), path).toBe(200);
  await page.waitForLoadState('networkidle');
  const scriptsAtLoad = await page.evaluate(() => document.scripts.length);
  return { page, watched, scriptsAtLoad };
}

/** The one host other than the site's a page may ask anything of: papers' thumbnails. */
const THUMBNAILS = 'https://cdn-thumbnails.huggingface.co/';
/** The one link that is neither http(s) nor the site's: the paper page's RIS download. */
const RIS_LINK = 'data:application/x-research-info-systems;charset=utf-8,';

/** Everything a page must not have become, whatever the data said. */
async function expectInert({ page, watched, scriptsAtLoad }: Visit): Promise<void> {
  // Open every <details>, so that nothing folded away escapes the check.
  await page.$$eval('details', (ds) => {
    for (const d of ds) (d as HTMLDetailsElement).open = true;
  });
  await page.waitForTimeout(200);
  expect(watched.dialogs).toEqual([]);
  expect(watched.errors).toEqual([]);
  expect(watched.foreignRequests.filter((url) => !url.startsWith(THUMBNAILS))).toEqual([]);
  // Every script element was parsed from the page's own HTML, none added later …
  expect(await page.evaluate(() => document.scripts.length)).toBe(scriptsAtLoad);
  expect(await page.evaluate(() => (window as unknown as { __scripts: number }).__scripts)).toBe(scriptsAtLoad);
  // … and they are the site's: the theme snippet, the bundled modules, JSON-LD data.
  for (const s of await executableScripts(page)) {
    if (s.src) expect(s.src).toMatch(new RegExp(`^${BASE}_astro/[\\w.-]+\\.js$`));
    else expect(s.inline.trim()).toMatch(/^try \{\s+const t = localStorage\.getItem\('theme'\)/);
  }
  const injected = await page.evaluate((ris) => {
    const all = [...document.querySelectorAll('*')];
    return {
      handlers: all.flatMap((el) =>
        [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.nodeName} ${a.name}`),
      ),
      strayAttributes: all.filter((el) => el.hasAttribute('data-x')).length,
      elements: document.querySelectorAll(
        'main img:not(.thumb > img[alt^="Thumbnail: "]), main svg, main iframe, main b, main em, main h1 ~ h1, main script:not([src])',
      ).length,
      h1: document.querySelectorAll('h1').length,
      badLinks: [...document.querySelectorAll('a[href], link[href], [src]')]
        .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '')
        .filter((href) => !/^(https?:\/\/|\/|#)/i.test(href.trim()))
        .filter((href) => !href.startsWith(ris)),
      thumbnails: [...document.querySelectorAll('main img')]
        .map((img) => img.getAttribute('src') ?? '')
        .filter((src) => !src.startsWith('https://cdn-thumbnails.huggingface.co/')),
    };
  }, RIS_LINK);
  expect(injected).toEqual({ handlers: [], strayAttributes: 0, elements: 0, h1: 1, badLinks: [], thumbnails: [] });
}

const text = (page: Page, selector: string) => page.locator(selector).first().textContent();

// Each test has a browser context of its own and spends most of its time waiting for the page
// to fall quiet (every request it would make, made), so the tests run at once: the waits overlap.
describe.concurrent('the hostile day', () => {
  test('its day page shows every string literally and runs nothing', async () => {
    const v = await visit('days/2026-07-30/');
    const [first, second] = hostile().papers as [
      ReturnType<typeof hostile>['papers'][0],
      ReturnType<typeof hostile>['papers'][0],
    ];
    expect(await v.page.$$eval('.card-title a', (as) => as.map((a) => a.textContent))).toEqual([
      first.title,
      second.title,
    ]);
    expect(await v.page.locator('.card').first().locator('details.authors > p').textContent()).toBe(
      first.authors.join(', '),
    );
    expect(await text(v.page, '.card .org')).toBe(first.organization!.name);
    // No other paper shares its keywords: a card shows none (its paper page shows them all).
    expect(await v.page.locator('.card .keywords').count()).toBe(0);
    // Its thumbnail is `javascript:`, the other's is missing: both cards show the placeholder.
    expect(await v.page.locator('.card .thumb').count()).toBe(2);
    expect(await v.page.locator('.card .thumb img').count()).toBe(0);
    expect(await text(v.page, '.card .tldr')).toBe(`TL;DR (Hugging Face’s AI summary) ${first.aiSummary}`);
    const abstract = await v.page.locator('.card').first().locator('details.abstract p').allTextContents();
    expect(abstract.join('\n\n')).toBe(first.abstract);

    // Links from the data: http(s) ones are links (attribute-escaped), anything else is text.
    const card1Links = await v.page.locator('.card').first().locator('.links').innerText();
    expect(card1Links).toContain('javascript:alert(5)');
    expect(card1Links).toContain('script:alert(13)');
    expect(await v.page.locator('.card').nth(1).locator('a', { hasText: 'GitHub' }).getAttribute('href')).toBe(
      second.githubRepo,
    );
    expect(await v.page.locator('.card').nth(1).locator('.links').innerText()).toContain('JAVASCRIPT:alert(15)');
    await expectInert(v);
    await v.page.context().close();
  });

  test('its paper page: title, meta tags, JSON-LD and BibTeX all carry the text as text', async () => {
    const paper = hostile().papers[0]!;
    const v = await visit(`papers/${paper.id}/`);
    const { page } = v;
    expect(await page.title()).toBe(`${paper.title} · Daily Papers Archive`);
    expect(await text(page, 'h1')).toBe(paper.title);
    expect(await text(page, '.authors')).toBe(paper.authors.join(', '));
    expect(await page.getAttribute('meta[property="og:title"]', 'content')).toBe(paper.title);
    expect(await page.locator('meta[property="og:image"]').count()).toBe(0); // thumbnail is javascript:
    expect(await page.$$eval('meta[name=citation_author]', (ms) => ms.map((m) => m.getAttribute('content')))).toEqual(
      paper.authors,
    );
    expect(await page.getAttribute('meta[name=citation_title]', 'content')).toBe(paper.title);
    expect(await page.getAttribute('meta[name=citation_keywords]', 'content')).toBe(paper.aiKeywords.join('; '));
    expect(await page.locator('.keywords li').allTextContents()).toEqual(paper.aiKeywords);

    const ldText = (await page.textContent('script[type="application/ld+json"]'))!;
    expect(ldText).not.toMatch(/<|\u2028|\u2029/);
    const ld = JSON.parse(ldText);
    expect(ld.name).toBe(paper.title);
    expect(ld.abstract).toBe(paper.abstract);
    expect(ld.author.map((a: { name: string }) => a.name)).toEqual(paper.authors);
    expect(ld.keywords).toEqual(paper.aiKeywords);
    expect(ld.sourceOrganization.name).toBe(paper.organization!.name);

    expect(await text(page, '#ai-summary + p')).toBe(paper.aiSummary);
    expect(await text(page, '.details dd a')).toBe(paper.submitter!.name);
    expect(await page.getAttribute('.details dd a', 'href')).toBe('https://huggingface.co/..%2F..%2Fetc%2Fpasswd');
    expect(await page.getAttribute('.org a', 'href')).toBe(`${BASE}${orgPage(paper.organization!)}`);

    const bib = (await text(page, 'pre.bibtex'))!;
    expect(bib.split('\n')).toEqual([
      '@misc{arxiv260799001,',
      `  title = {{<script>alert("title")</script> </h3><h1>Injected \\& "quoted" 'single' ]]> --- \\{\\textbackslash{}textbf\\{x\\}\\}}},`,
      // A name whose last word is no capital (BibTeX's "von" part) is braced whole (cite-formats.ts).
      '  author = {{<img src=x onerror=alert(1)>} and {Robert\'); DROP TABLE papers;--} and {---} and {Ann "and" Bob} and ' +
        '{Smith, Jr. and Jones} and {\\{\\textbackslash{}textbf\\{Brace\\}\\} \\$x\\textasciicircum{}2\\$ 100\\% \\#1 \\_u\\_ \\textasciitilde{}t}},',
      '  year = {2026},',
      '  eprint = {2607.99001},',
      '  archivePrefix = {arXiv},',
      '  url = {https://arxiv.org/abs/2607.99001}',
      '}',
    ]);
    // The plain reference and the RIS record: one line each value, whatever the data holds.
    expect(await text(page, 'pre.reference')).toContain(`2026. ${paper.title}. arXiv:2607.99001.`);
    const ris = decodeURIComponent((await page.getAttribute('a[download]', 'href'))!.slice(RIS_LINK.length));
    const lines = ris.split('\r\n').slice(0, -1);
    expect(lines.every((l) => /^[A-Z][A-Z0-9] {2}- /.test(l))).toBe(true);
    expect(lines).toContain(`TI  - ${paper.title}`);
    expect(lines.filter((l) => l.startsWith('AU  - '))).toHaveLength(paper.authors.length);
    await expectInert(v);
    await page.context().close();
  });

  test('the second hostile paper: attribute-breaking title, a quoted http link, right-to-left text', async () => {
    const paper = hostile().papers[1]!;
    const v = await visit(`papers/${paper.id}/`);
    expect(await text(v.page, 'h1')).toBe(paper.title);
    expect(await text(v.page, '.authors')).toBe(paper.authors.join(', '));
    expect(await v.page.getAttribute('a:text-is("GitHub")', 'href')).toBe(paper.githubRepo);
    await expectInert(v);
    await v.page.context().close();
  });

  test('its organization’s page and the organizations index show the name as text', async () => {
    const paper = hostile().papers[0]!;
    const { name, handle } = paper.organization!;
    expect(orgPage(paper.organization!)).toMatch(/^organizations\/evil-org--[0-9a-f]{8}\/$/);
    const v = await visit(orgPage(paper.organization!));
    expect(await text(v.page, 'h1')).toBe(name);
    expect(await v.page.title()).toBe(`${name} · Daily Papers Archive`);
    expect(await v.page.getAttribute('a:text-is("Search its papers")', 'href')).toBe(
      `${BASE}search/?${new URLSearchParams({ organization: name })}`,
    );
    const hf = v.page.locator('.lede a', { hasText: 'huggingface.co/' });
    expect([await hf.textContent(), await hf.getAttribute('href')]).toEqual([
      `huggingface.co/${handle}`,
      'https://huggingface.co/evil%22org',
    ]);
    expect(await text(v.page, '.ranked-title')).toBe(paper.title);
    await expectInert(v);
    await v.page.context().close();
    const index = await visit('organizations/');
    expect(await index.page.locator('.org-list a', { hasText: name }).getAttribute('href')).toBe(
      `${BASE}${orgPage(paper.organization!)}`,
    );
    await expectInert(index);
    await index.page.context().close();
  });

  test('the week and month rankings show the titles literally', async () => {
    for (const path of ['weeks/2026-W31/', 'months/2026-07/']) {
      const v = await visit(path);
      const titles = await v.page.$$eval('.card-title a, .ranked-title', (as) => as.map((a) => a.textContent));
      expect(titles).toContain(hostile().papers[0]!.title);
      expect(titles).toContain(hostile().papers[1]!.title);
      await expectInert(v);
      await v.page.context().close();
    }
  });

  test('a search that finds it shows its title and excerpt as text', async () => {
    const v = await visit(`search/?q=${HOSTILE.abstractWord}`);
    await v.page.waitForFunction(() => /found/.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await v.page.$$eval('.result-title', (hs) => hs.map((h) => h.textContent))).toEqual([
      hostile().papers[0]!.title,
    ]);
    const excerpt = await text(v.page, '.result-excerpt');
    expect(excerpt).toContain('</script><script>alert(2)</script>');
    expect(await text(v.page, '.result-meta')).toContain(
      `${hostile().papers[0]!.authors.slice(0, 3).join(', ')} et al.`,
    );
    await expectInert(v);

    // The organization filter, from a value full of markup, commas and colons.
    const org = hostile().papers[0]!.organization!.name;
    await v.page.goto(site.at(`search/?${new URLSearchParams({ organization: org })}`));
    await v.page.waitForFunction(() => /found/.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await v.page.$$eval('.result-title', (hs) => hs.map((h) => h.textContent))).toEqual([
      hostile().papers[0]!.title,
    ]);
    expect(await v.page.inputValue('#f-organization')).toBe(org);
    expect(v.watched.dialogs).toEqual([]);
    await v.page.context().close();
  });
});

describe.concurrent('the hostile day outside HTML', () => {
  test('RSS feeds carry the strings as text, which a feed reader shows as text', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(site.at(''));
    for (const feed of ['rss.xml', 'days.xml']) {
      const xml = await (await page.request.get(site.at(feed))).text();
      const parsed = await page.evaluate((x) => {
        const doc = new DOMParser().parseFromString(x, 'application/xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          items: [...doc.querySelectorAll('item')].map((i) => {
            // A feed reader decodes <description> as HTML: what it shows is that HTML's text.
            const html = new DOMParser().parseFromString(
              i.querySelector('description')?.textContent ?? '',
              'text/html',
            );
            return {
              title: i.querySelector('title')?.textContent ?? '',
              link: i.querySelector('link')?.textContent ?? '',
              shown: [...html.body.childNodes].map((n) => n.textContent).join('\n'),
              elements: [...html.body.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()),
              links: [...html.body.querySelectorAll('a')].map((a) => a.getAttribute('href')),
              categories: [...i.querySelectorAll('category')].map((c) => c.textContent),
            };
          }),
        };
      }, xml);
      expect(parsed.error, feed).toBeNull();
      if (feed === 'rss.xml') {
        const item = parsed.items.find((i) => i.link === `${TEST_SITE_URL}${BASE}papers/2607.99001/`)!;
        expect(item.title).toBe(hostile().papers[0]!.title);
        expect(item.elements).toEqual([]);
        expect(item.shown).toContain(hostile().papers[0]!.authors.join(', '));
        expect(item.shown).toContain('</script><script>alert(2)</script>');
        expect(item.categories).toEqual(hostile().papers[0]!.aiKeywords);
      } else {
        const item = parsed.items.find((i) => i.link === `${TEST_SITE_URL}${BASE}days/2026-07-30/`)!;
        // Each paper a paragraph with its title as the one link, to its own page.
        expect(item.elements).toEqual(['p', 'a', 'p', 'a']);
        expect(item.links).toEqual(hostile().papers.map((p) => `${TEST_SITE_URL}${BASE}papers/${p.id}/`));
        expect(item.shown).toBe(
          hostile()
            .papers.map((p) => `${p.rank}. ${p.title}`)
            .join('\n'),
        );
      }
    }
    await context.close();
  });

  test('the JSON copy holds exactly the day file’s strings', async () => {
    const context = await site.browser.newContext();
    const response = await context.request.get(site.at('days/2026-07-30.json'));
    expect(await response.json()).toEqual(hostile());
    await context.close();
  });
});
