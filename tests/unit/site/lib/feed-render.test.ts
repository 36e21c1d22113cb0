// A feed's files (site/lib/feed-render.ts): RSS 2.0 and JSON Feed 1.1 that a reader library
// (feedsmith) reads back to the same items, the JSON Feed held strictly to 1.1, characters XML
// forbids replaced rather than written, and the OPML naming every feed with its title and page.
import { parseFeed, parseOpml } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';
import { buildArchiveIndex } from '../../../../site/lib/archive-index.ts';
import { buildFeeds } from '../../../../site/lib/feed-list.ts';
import { jsonFeedFile, opmlFile, rssFile, xmlText } from '../../../../site/lib/feed-render.ts';
import { sitePaths } from '../../../../site/lib/paths.ts';
import { jsonFeedProblems, shownHtml } from '../../../helpers/feeds.ts';

const SITE = 'https://archive.example.org';
const paths = sitePaths('/dpa/');
const title = 'A <b>bold</b> & "quoted" title\u0001 ]]>';
const feeds = buildFeeds(
  buildArchiveIndex([
    dayRecord('2026-08-03', [paperRecord('2608.00001', { title, upvotes: 12, aiKeywords: ['<i>k</i>'] })]),
    dayRecord('2026-08-04', [paperRecord('2608.00002', { upvotes: 3 })]),
  ]),
  new Map(),
  paths,
  SITE,
);
const tenUp = feeds.find((f) => f.rss.endsWith('upvotes-10.xml'))!;

describe('feed files', () => {
  it('write text XML forbids as U+FFFD, and markup as text', () => {
    expect(xmlText('a\u0000b\u001Fc\td<e>&')).toBe('a\uFFFDb\uFFFDc\td&lt;e&gt;&amp;');
  });

  it('RSS reads back to the same items, its text as text', () => {
    const { format, feed } = parseFeed(rssFile(tenUp, SITE)) as {
      format: string;
      feed: {
        title: string;
        link: string;
        items: { title: string; link: string; description: string; categories: { name: string }[] }[];
      };
    };
    expect(format).toBe('rss');
    expect(feed.title).toBe('Daily Papers Archive: papers passing 10 upvotes');
    expect(feed.link).toBe(`${SITE}/dpa/rising/`);
    const [item] = feed.items;
    expect(item!.title).toBe(title.replace('\u0001', '\uFFFD'));
    expect(item!.link).toBe(`${SITE}/dpa/papers/2608.00001/`);
    expect(item!.categories.map((c) => c.name)).toEqual(['<i>k</i>']);
    expect(shownHtml(item!.description).elements).toEqual(['p', 'p']);
  });

  it('JSON Feed keeps 1.1 and the same items', () => {
    const text = jsonFeedFile(tenUp, SITE, paths.home);
    expect(jsonFeedProblems(text)).toEqual([]);
    const { format, feed } = parseFeed(text) as { format: string; feed: { items: { id: string; title: string }[] } };
    expect(format).toBe('json');
    expect(feed.items.map((i) => [i.id, i.title])).toEqual([[`${SITE}/dpa/papers/2608.00001/`, title]]);
  });

  it('the OPML names every feed, its title and page', () => {
    const opml = parseOpml(opmlFile(feeds, SITE, `${SITE}/dpa/feeds/`)) as {
      body: { outlines: { text: string; outlines: { title: string; xmlUrl: string; htmlUrl: string }[] }[] };
    };
    const all = opml.body.outlines.flatMap((g) => g.outlines);
    expect(all.map((o) => [o.title, o.xmlUrl, o.htmlUrl])).toEqual(
      feeds.map((f) => [f.title, `${SITE}${f.rss}`, `${SITE}${f.page}`]),
    );
  });
});
