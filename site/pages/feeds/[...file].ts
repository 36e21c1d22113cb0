// Every feed file under /feeds/ (lib/feed-list.ts lists them): RSS 2.0 and JSON Feed 1.1 of the
// week's and the month's top 20, of the papers passing 10, 50 and 100 upvotes, of each
// organization with 3 papers or more (/feeds/organizations/<slug>.xml) and each keyword of 5 or
// more (/feeds/keywords/<slug>.xml), and the JSON Feed twins of /rss.xml and /days.xml. Two
// folders for thousands of files: a nightly's cost is mostly folders. Keyed by their items
// (data/page-keys-feeds.ts): a night re-renders only the feeds whose content changed.
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedOrigin, siteFeeds } from '../../data/feeds.ts';
import { paths } from '../../data/paths.ts';
import type { Feed } from '../../lib/feed-list.ts';
import { jsonFeedFile, rssFile } from '../../lib/feed-render.ts';

type Props = { feed: Feed; format: 'rss' | 'json' };

/** A feed file's path under /feeds/, as the route's parameter: "organizations/nvidia.xml". */
const under = (p: string): string | null =>
  p.startsWith(`${paths.base}feeds/`) ? p.slice(paths.base.length + 6) : null;

export const getStaticPaths = (async () => {
  const out: { params: { file: string }; props: Props }[] = [];
  for (const feed of await siteFeeds()) {
    for (const format of ['rss', 'json'] as const) {
      const file = under(feed[format]);
      if (file) out.push({ params: { file }, props: { feed, format } });
    }
  }
  return out;
}) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = async ({ props: { feed, format } }) =>
  format === 'rss'
    ? new Response(rssFile(feed, feedOrigin()), {
        headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
      })
    : new Response(jsonFeedFile(feed, feedOrigin(), paths.home), {
        headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
      });
