// The site's feeds (lib/feed-list.ts), built once per build from the archive siteData() read, for
// the OPML list, the /feeds/ page and the pages that advertise a feed. The feed files are
// written from the same function on the search index's thread (lib/site-files.ts), so they name
// the same feeds.
import { type Feed, feedsOf } from '../lib/feed-list.ts';
import { siteOptions } from '../lib/options.ts';
import { siteData } from './archive.ts';
import { paths } from './paths.ts';

/** The origin feeds' links are made absolute with: the site's address (Astro's `site`). */
export const feedOrigin = (): string => new URL(siteOptions().siteUrl).origin;

export async function siteFeeds(): Promise<Feed[]> {
  const data = await siteData();
  return feedsOf(data, data.histories, paths, feedOrigin());
}

/**
 * The feeds that follow the page at `page` (a site path), for its <link rel="alternate">: the
 * papers and days feeds are every page's already (layouts/Page.astro).
 */
export async function feedsOfPage(page: string): Promise<Feed[]> {
  const feeds = await siteFeeds();
  let byPage = pages.get(feeds);
  if (!byPage) {
    byPage = new Map();
    for (const f of feeds.filter(everyPageHasNot)) byPage.set(f.page, [...(byPage.get(f.page) ?? []), f]);
    pages.set(feeds, byPage);
  }
  return byPage.get(page) ?? [];
}

const pages = new WeakMap<Feed[], Map<string, Feed[]>>();

/** Not one of the two feeds every page names (layouts/Page.astro). */
export const everyPageHasNot = (f: Feed): boolean => f.rss !== paths.papersFeed && f.rss !== paths.daysFeed;
