// A feed of lib/feed-list.ts as its two files, RSS 2.0 (through @astrojs/rss, which escapes every
// text as XML) and JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), and every feed as one
// OPML 2.0 list for a reader to import. Items' texts are HTML already escaped (lib/feeds.ts
// htmlText); titles and names are plain text, escaped here for XML and left as strings in JSON.
// Pure: a feed in, the file's text out.
import { getRssString } from '@astrojs/rss';
import type { Feed } from './feed-list.ts';
import { htmlText } from './feeds.ts';
import { xmlSafe } from './format.ts';
import { absoluteUrl } from './paths.ts';

const ATOM = 'http://www.w3.org/2005/Atom';

/** The feed as RSS 2.0, with its own address (atom:link rel="self"), as validators ask. */
export function rssFile(feed: Feed, siteUrl: string): Promise<string> {
  const url = (p: string): string => absoluteUrl(siteUrl, p);
  const home = url(feed.page);
  return getRssString({
    title: xmlSafe(feed.title),
    description: xmlSafe(feed.description),
    site: home,
    // A page with a query (a keyword's search) must not gain a slash after it.
    trailingSlash: !home.includes('?'),
    xmlns: { atom: ATOM },
    customData: `<language>en</language><atom:link href="${htmlText(url(feed.rss))}" rel="self" type="application/rss+xml"/>`,
    items: feed.items.map((i) => ({
      title: i.title,
      link: url(i.link),
      pubDate: i.pubDate,
      description: i.description,
      ...(i.categories ? { categories: i.categories } : {}),
    })),
  });
}

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/**
 * The feed as JSON Feed 1.1: each item's id is its page's address, as its RSS guid is. `home` is
 * the site's home page (a path), the feed's author's address.
 */
export function jsonFeedFile(feed: Feed, siteUrl: string, home: string): string {
  const url = (p: string): string => absoluteUrl(siteUrl, p);
  const body = {
    version: JSON_FEED_VERSION,
    title: xmlSafe(feed.title),
    home_page_url: url(feed.page),
    feed_url: url(feed.json),
    description: xmlSafe(feed.description),
    language: 'en',
    authors: [{ name: 'Daily Papers Archive', url: url(home) }],
    items: feed.items.map((i) => ({
      id: url(i.link),
      url: url(i.link),
      title: i.title,
      content_html: i.description,
      date_published: i.pubDate.toISOString(),
      ...(i.authors && i.authors.length > 0 ? { authors: i.authors.map((name) => ({ name })) } : {}),
      ...(i.categories && i.categories.length > 0 ? { tags: i.categories } : {}),
    })),
  };
  return `${JSON.stringify(body)}\n`;
}

/** Every feed as OPML 2.0: one outline per feed (its RSS), grouped as the /feeds/ page groups them. */
export function opmlFile(feeds: readonly Feed[], siteUrl: string, listUrl: string): string {
  const url = (p: string): string => htmlText(absoluteUrl(siteUrl, p));
  const groups: [Feed['group'], string][] = [
    ['site', 'The archive'],
    ['organization', 'Organizations'],
    ['keyword', 'Keywords'],
  ];
  const outline = (f: Feed): string =>
    `<outline type="rss" text="${htmlText(f.title)}" title="${htmlText(f.title)}" xmlUrl="${url(f.rss)}" htmlUrl="${url(f.page)}"/>`;
  const body = groups
    .map(([group, name]) => [name, feeds.filter((f) => f.group === group)] as const)
    .filter(([, list]) => list.length > 0)
    .map(([name, list]) => `<outline text="${name}">\n${list.map((f) => `  ${outline(f)}`).join('\n')}\n</outline>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '<head>',
    '<title>Daily Papers Archive: every feed</title>',
    `<docs>http://opml.org/spec2.opml</docs>`,
    `<ownerId>${htmlText(listUrl)}</ownerId>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</opml>',
    '',
  ].join('\n');
}
