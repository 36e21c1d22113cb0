// RSS of the newest papers (site/lib/feeds.ts builds the items).
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { siteData } from '../data/archive.ts';
import { paths } from '../data/paths.ts';
import { paperItems } from '../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) =>
  rss({
    title: 'Daily Papers Archive: newest papers',
    description: 'The newest papers featured on Hugging Face Daily Papers, from the archive.',
    site: new URL(paths.home, site),
    items: paperItems((await siteData()).days, paths),
    trailingSlash: true,
  });
