// Every feed of the site as one OPML 2.0 list, which a feed reader imports whole (lib/feed-render.ts).
import type { APIRoute } from 'astro';
import { feedOrigin, siteFeeds } from '../data/feeds.ts';
import { paths } from '../data/paths.ts';
import { feedPaths } from '../lib/feed-list.ts';
import { opmlFile } from '../lib/feed-render.ts';
import { absoluteUrl } from '../lib/paths.ts';

export const GET: APIRoute = async () =>
  new Response(opmlFile(await siteFeeds(), feedOrigin(), absoluteUrl(feedOrigin(), feedPaths(paths).index)), {
    headers: { 'Content-Type': 'text/x-opml; charset=utf-8' },
  });
