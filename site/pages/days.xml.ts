// RSS of days: one item per listing day (site/lib/feeds.ts builds the items).
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { siteData } from '../data/archive.ts';
import { paths } from '../data/paths.ts';
import { dayItems } from '../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) =>
  rss({
    title: 'Daily Papers Archive: days',
    description: 'Each day of Hugging Face Daily Papers, as the archive keeps it.',
    site: new URL(paths.home, site),
    items: dayItems((await siteData()).days, paths, site!.origin),
    trailingSlash: true,
  });
