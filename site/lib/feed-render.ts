// A feed of lib/feed-list.ts as its two files, RSS 2.0 and JSON Feed 1.1
// (https://www.jsonfeed.org/version/1.1/), and every feed as one OPML 2.0 list for a reader to
// import. Items' texts are HTML already escaped (lib/feeds.ts htmlText); titles and names are
// plain text, escaped here for XML (once more for the HTML inside: a reader decodes it back to
// the HTML) and left as strings in JSON. RSS is written here rather than by @astrojs/rss (which
// the two first feeds use): the same elements, a fifth of its time over the full corpus's 2,000
// feeds, where its checks of each item cost 1.7 s a build. Pure: a feed in, the file's text out.
import type { Feed } from './feed-list.ts';
import { htmlText } from './feeds.ts';
import { xmlSafe } from './format.ts';
import { absoluteUrl } from './paths.ts';

/** Characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF) become U+FFFD. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the very characters XML forbids, to replace
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text as XML character data or an attribute's value: exactly that text. */
export const xmlText = (text: string): string => htmlText(text.replace(NOT_XML, '\uFFFD'));

/** The feed as RSS 2.0, with its own address (atom:link rel="self") and language, as validators ask. */
export function rssFile(feed: Feed, siteUrl: string): string {
  const url = (p: string): string => xmlText(absoluteUrl(siteUrl, p));
  const el = (name: string, text: string): string => `<${name}>${xmlText(text)}</${name}>`;
  const items = feed.items.map((i) => {
    const link = url(i.link);
    return [
      '<item>',
      el('title', i.title),
      `<link>${link}</link>`,
      `<guid isPermaLink="true">${link}</guid>`,
      el('description', i.description),
      `<pubDate>${i.pubDate.toUTCString()}</pubDate>`,
      ...(i.categories ?? []).map((c) => el('category', c)),
      '</item>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>',
    el('title', feed.title),
    el('description', feed.description),
    `<link>${url(feed.page)}</link>`,
    '<language>en</language>',
    `<atom:link href="${url(feed.rss)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel></rss>',
    '',
  ].join('\n');
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
