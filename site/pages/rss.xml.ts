// RSS of the newest papers: the newest days' listings, newest day first, in listing order.
// @astrojs/rss writes every value as escaped XML text.
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { siteData } from '../data/archive.ts';
import { paths } from '../data/paths.ts';
import { excerpt, xmlSafe } from '../lib/format.ts';

const MAX_ITEMS = 100;

export const GET: APIRoute = async ({ site }) => {
  const data = await siteData();
  const items = [];
  for (const day of [...data.days].reverse()) {
    for (const paper of day.papers) {
      if (items.length >= MAX_ITEMS) break;
      const authors = paper.authors.join(', ');
      items.push({
        title: xmlSafe(paper.title),
        link: paths.paper(paper.id),
        pubDate: new Date(`${day.date}T00:00:00Z`),
        description: xmlSafe(
          [authors, paper.organization?.name, excerpt(paper.abstract, 600)].filter(Boolean).join(' — '),
        ),
        categories: paper.aiKeywords.map(xmlSafe),
      });
    }
    if (items.length >= MAX_ITEMS) break;
  }
  return rss({
    title: 'Daily Papers Archive: newest papers',
    description: 'The newest papers featured on Hugging Face Daily Papers, from the archive.',
    site: new URL(paths.home, site),
    items,
    trailingSlash: true,
  });
};
