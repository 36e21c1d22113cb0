// Every feed the fixture build made, read as a feed reader reads it: each RSS file well-formed XML
// (Chromium's parser) and parsed by a reader library (feedsmith: RSS, JSON Feed and OPML), each
// JSON Feed held strictly to version 1.1, none empty, every item linked to its page absolutely,
// and the RSS and JSON Feed of a feed holding the same items. The OPML lists exactly the feeds
// built; pages name the feeds that follow them; /feeds/ lists them all without JavaScript and
// narrows them by name with it. The fixture has no organization of 3 papers nor keyword of 5 (its
// largest have 2): those feeds are made here from its papers with a third day of the hostile
// organization and a keyword on five papers, by the code the route runs, and read the same way.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed, parseOpml } from 'feedsmith';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Paper } from '../../../scraper/archive/index.ts';
import { dayRecord } from '../../../scripts/fixtures/records.ts';
import { buildArchiveIndex } from '../../../site/lib/archive-index.ts';
import { buildFeeds } from '../../../site/lib/feed-list.ts';
import { jsonFeedFile, rssFile } from '../../../site/lib/feed-render.ts';
import { buildOrganizations } from '../../../site/lib/organizations.ts';
import { sitePaths } from '../../../site/lib/paths.ts';
import { jsonFeedProblems, shownHtml } from '../../helpers/feeds.ts';
import { TEST_BASE as BASE, FIXTURE_DATES, TEST_SITE_URL } from './fixture.ts';
import { fixtureDay, type ServedSite, serveFixtureSite } from './site-helpers.ts';

let site: ServedSite;
let page: Page;
const ROOT = `${TEST_SITE_URL}${BASE}`;

beforeAll(async () => {
  site = await serveFixtureSite();
  page = await (await site.browser.newContext()).newPage();
  await page.goto(site.at(''));
});
afterAll(async () => {
  await site?.close();
});

/** The feed files of the build, as paths under the base: the two first, then all of /feeds/. */
function feedFiles(dist: string): string[] {
  const under = readdirSync(path.join(dist, 'feeds'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(xml|json)$/.test(e.name))
    .map((e) => path.relative(dist, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  return ['rss.xml', 'days.xml', ...under].sort();
}

/** Chromium's XML parser: its error, if the text is not well-formed, and the root's name. */
const parseXml = (text: string) =>
  page.evaluate((x) => {
    const doc = new DOMParser().parseFromString(x, 'application/xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName };
  }, text);

type Read = { title: string; links: string[]; items: { title: string; link: string; html: string }[] };

/** A feed file as a reader library reads it, after the strict checks of its format. */
async function readFeed(name: string, text: string): Promise<Read> {
  const parsed = parseFeed(text);
  if (name.endsWith('.json')) {
    expect(parsed.format, name).toBe('json');
    expect(jsonFeedProblems(text), name).toEqual([]);
    const feed = parsed.feed as { title: string; items: { title: string; url: string; content_html: string }[] };
    const items = feed.items.map((i) => ({ title: i.title, link: i.url, html: i.content_html }));
    return { title: feed.title, links: items.map((i) => i.link), items };
  }
  expect(await parseXml(text), name).toEqual({ error: null, root: 'rss' });
  expect(parsed.format, name).toBe('rss');
  const feed = parsed.feed as {
    title: string;
    items: { title: string; link: string; description: string; guid?: { value: string } }[];
  };
  for (const i of feed.items) expect(i.guid?.value, name).toBe(i.link);
  const items = feed.items.map((i) => ({ title: i.title, link: i.link, html: i.description }));
  return { title: feed.title, links: items.map((i) => i.link), items };
}

describe('the fixture build’s feeds', () => {
  test('every feed parses as RSS and as JSON Feed 1.1, never empty, each item linked absolutely', async () => {
    const { dist } = site;
    const files = feedFiles(dist);
    expect(files).toEqual([
      'days.xml',
      'feeds/days.json',
      'feeds/months.json',
      'feeds/months.xml',
      'feeds/papers.json',
      'feeds/upvotes-10.json',
      'feeds/upvotes-10.xml',
      'feeds/upvotes-100.json',
      'feeds/upvotes-100.xml',
      'feeds/upvotes-50.json',
      'feeds/upvotes-50.xml',
      'feeds/weeks.json',
      'feeds/weeks.xml',
      'rss.xml',
    ]);
    const read = new Map<string, Read>();
    for (const file of files) {
      const feed = await readFeed(file, readFileSync(path.join(dist, file), 'utf8'));
      expect(feed.items.length, file).toBeGreaterThan(0);
      for (const link of feed.links) expect(link.startsWith(ROOT), `${file}: ${link}`).toBe(true);
      read.set(file, feed);
    }
    // Each feed's two files hold the same items, in the same order.
    const twins: [string, string][] = [
      ['rss.xml', 'feeds/papers.json'],
      ['days.xml', 'feeds/days.json'],
      ...['weeks', 'months', 'upvotes-10', 'upvotes-50', 'upvotes-100'].map(
        (n) => [`feeds/${n}.xml`, `feeds/${n}.json`] as [string, string],
      ),
    ];
    for (const [xml, json] of twins) {
      expect(read.get(json)!.links, json).toEqual(read.get(xml)!.links);
      expect(read.get(json)!.items.map((i) => i.title)).toEqual(read.get(xml)!.items.map((i) => i.title));
    }
    // Weeks and months: only those ended by the archive's newest day (Wed 5 Aug), newest first.
    expect(read.get('feeds/weeks.xml')!.links).toEqual([`${ROOT}weeks/2026-W31/`, `${ROOT}weeks/2026-W27/`]);
    expect(read.get('feeds/months.json')!.links).toEqual([`${ROOT}months/2026-07/`, `${ROOT}months/2026-06/`]);
    const week = shownHtml(read.get('feeds/weeks.xml')!.items[0]!.html);
    expect(week.links).toHaveLength(13);
    for (const link of week.links) expect(link).toMatch(new RegExp(`^${ROOT}papers/\\d{4}\\.\\d{5}/$`));
    // The one paper with a history crossed 50 at its third fetch (tests/fixtures/site/archive/history).
    const fifty = JSON.parse(readFileSync(path.join(dist, 'feeds/upvotes-50.json'), 'utf8')) as {
      items: { id: string; date_published: string }[];
    };
    expect(fifty.items.find((i) => i.id === `${ROOT}papers/2608.05987/`)?.date_published).toBe(
      '2026-08-06T01:00:00.000Z',
    );
  });

  test('no organization or keyword feed, as none has enough papers', () => {
    const index = buildArchiveIndex(FIXTURE_DATES.map((d) => fixtureDay(d)));
    expect(Math.max(...buildOrganizations(index).list.map((o) => o.papers.length))).toBe(2);
    expect(readdirSync(path.join(site.dist, 'feeds')).filter((n) => !/\.(xml|json|html)$/.test(n))).toEqual([]);
  });

  test('the hostile paper’s strings stay text in the feeds that carry it', async () => {
    const hostile = fixtureDay('2026-07-30').papers[0]!;
    for (const file of ['feeds/upvotes-100.xml', 'feeds/upvotes-100.json', 'feeds/weeks.json']) {
      const feed = await readFeed(file, readFileSync(path.join(site.dist, file), 'utf8'));
      const shown = feed.items.map((i) => ({ title: i.title, ...shownHtml(i.html) }));
      if (file.startsWith('feeds/weeks')) {
        expect(shown[0]!.text).toContain(hostile.title);
        expect(new Set(shown[0]!.elements)).toEqual(new Set(['p', 'ol', 'li', 'a']));
        continue;
      }
      const item = shown.find((i) => i.title === hostile.title)!;
      expect(item.elements).toEqual(['p', 'p']);
      expect(item.text).toContain(hostile.authors.join(', '));
      expect(item.text).toContain('</script><script>alert(2)</script>');
    }
  });

  test('the OPML lists every feed built, each with its title and page', async () => {
    const text = readFileSync(path.join(site.dist, 'feeds.opml'), 'utf8');
    expect(await parseXml(text)).toEqual({ error: null, root: 'opml' });
    const opml = parseOpml(text) as {
      body: { outlines: { outlines: { title: string; xmlUrl: string; htmlUrl: string }[] }[] };
    };
    const outlines = opml.body.outlines.flatMap((g) => g.outlines);
    const rss = feedFiles(site.dist).filter((f) => f.endsWith('.xml'));
    expect(outlines.map((o) => o.xmlUrl).sort()).toEqual(rss.map((f) => `${ROOT}${f}`).sort());
    for (const o of outlines) {
      const title = (await readFeed(o.xmlUrl, readFileSync(path.join(site.dist, o.xmlUrl.slice(ROOT.length)), 'utf8')))
        .title;
      expect(o.title).toBe(title);
      expect((await page.request.get(site.at(o.htmlUrl.slice(ROOT.length)))).status(), o.htmlUrl).toBe(200);
    }
  });
});

describe('organization and keyword feeds, from the fixture’s papers', () => {
  test('parse as RSS and JSON Feed, the hostile organization’s name and keyword as text', async () => {
    const days = FIXTURE_DATES.map((d) => fixtureDay(d));
    const hostile = days.find((d) => d.date === '2026-07-30')!.papers[0]!;
    const keyword = 'Vidéo <b>Génération</b> & "co"';
    const more = (id: string, extra: Partial<Paper>): Paper => ({
      ...days[0]!.papers[0]!,
      id,
      organization: null,
      ...extra,
    });
    // A new day: two more papers of the hostile organization, and a keyword on five papers, in
    // five spellings of case and accents.
    const spellings = [
      keyword,
      keyword.toLowerCase(),
      keyword.toUpperCase(),
      'video <b>generation</b> & "co"',
      keyword,
    ];
    const extra = dayRecord('2026-08-06', [
      more('2608.09001', { title: hostile.title, organization: hostile.organization, aiKeywords: [spellings[0]!] }),
      more('2608.09002', { organization: hostile.organization, aiKeywords: [spellings[1]!] }),
      ...spellings.slice(2).map((k, i) => more(`2608.0901${i}`, { aiKeywords: [k] })),
    ]);
    const feeds = buildFeeds(buildArchiveIndex([...days, extra]), new Map(), sitePaths(BASE), TEST_SITE_URL);
    const org = feeds.find((f) => f.group === 'organization')!;
    const kw = feeds.find((f) => f.group === 'keyword')!;
    expect([org.name, org.items.length]).toEqual([hostile.organization!.name, 3]);
    expect([kw.name, kw.items.length]).toEqual([keyword, 5]);
    for (const feed of [org, kw]) {
      for (const [name, text] of [
        [`${feed.rss}`, rssFile(feed, TEST_SITE_URL)],
        [`${feed.json}`, jsonFeedFile(feed, TEST_SITE_URL, BASE)],
      ] as const) {
        const read = await readFeed(name, text);
        expect(read.title, name).toBe(feed.title);
        expect(read.title).toContain(feed === org ? hostile.organization!.name : keyword);
        expect(read.links.every((l) => l.startsWith(`${ROOT}papers/`))).toBe(true);
        for (const item of read.items) expect(shownHtml(item.html).elements, name).toEqual([]);
      }
    }
    expect(org.rss).toMatch(new RegExp(`^${BASE}feeds/organizations/evil-org--[0-9a-f]{8}\\.xml$`));
    expect(kw.rss).toMatch(new RegExp(`^${BASE}feeds/keywords/[a-z0-9-]+--[0-9a-f]{8}\\.xml$`));
  });
});

describe('where feeds are named', () => {
  const alternates = (p: Page) =>
    p.$$eval('link[rel=alternate]', (ls) => ls.map((l) => [l.getAttribute('type'), l.getAttribute('href')]));

  test('each page names the feeds that follow it, first, then the site’s two', async () => {
    const site2 = [
      ['application/rss+xml', `${BASE}rss.xml`],
      ['application/rss+xml', `${BASE}days.xml`],
      ['application/feed+json', `${BASE}feeds/papers.json`],
      ['application/feed+json', `${BASE}feeds/days.json`],
    ];
    const pair = (n: string) => [
      ['application/rss+xml', `${BASE}feeds/${n}.xml`],
      ['application/feed+json', `${BASE}feeds/${n}.json`],
    ];
    const cases: [string, string[][]][] = [
      ['', site2],
      ['weeks/', [...pair('weeks'), ...site2]],
      ['months/', [...pair('months'), ...site2]],
      ['rising/', [...pair('upvotes-10'), ...pair('upvotes-50'), ...pair('upvotes-100'), ...site2]],
      // An organization of 2 papers has no feed.
      ['organizations/tencent/', site2],
    ];
    for (const [p, expected] of cases) {
      await page.goto(site.at(p));
      expect(await alternates(page), p).toEqual(expected);
    }
  });

  test('/feeds/ lists every feed without JavaScript, and narrows them by name with it', async () => {
    const html = await (await page.request.get(site.at('feeds/'))).text();
    for (const f of feedFiles(site.dist)) expect(html, f).toContain(`href="${BASE}${f}"`);
    expect(html).toContain(`href="${BASE}feeds.opml"`);
    await page.goto(site.at('feeds/'));
    const filter = page.getByLabel('Find a feed by name');
    await filter.fill('PÁSSING 1');
    expect(await page.locator('.feed-list > li:visible > span:first-child > a').allTextContents()).toEqual([
      'Papers passing 10 upvotes',
      'Papers passing 100 upvotes',
    ]);
    expect(await page.locator('#feed-filter-status').textContent()).toBe('2 of 7 feeds match.');
    await filter.fill('');
    expect(await page.locator('.feed-list > li:visible').count()).toBe(7);
    // Without JavaScript the box, which would do nothing, is not shown; the list is whole.
    const still = await (await site.browser.newContext({ javaScriptEnabled: false })).newPage();
    await still.goto(site.at('feeds/'));
    expect(await still.locator('#feed-filter').isVisible()).toBe(false);
    expect(await still.locator('.feed-list > li:visible').count()).toBe(7);
    await still.context().close();
  });
});
