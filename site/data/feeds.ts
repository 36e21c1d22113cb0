// The site's feeds (lib/feed-list.ts), built once per build from the archive siteData() read, for
// the feed files, the OPML list, the /feeds/ page and the pages that advertise a feed.
import { buildFeeds, type Feed } from '../lib/feed-list.ts';
import { siteOptions } from '../lib/options.ts';
import { type SiteData, siteData } from './archive.ts';
import { paths } from './paths.ts';

const built = new WeakMap<SiteData, Feed[]>();

/** The origin feeds' links are made absolute with (the site's address, as Astro's `site`). */
export const feedOrigin = (): string => new URL(siteOptions().siteUrl).origin;

export async function siteFeeds(): Promise<Feed[]> {
  const data = await siteData();
  let feeds = built.get(data);
  if (!feeds) {
    feeds = buildFeeds(data, data.histories, paths, feedOrigin());
    built.set(data, feeds);
  }
  return feeds;
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
