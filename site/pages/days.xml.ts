// RSS of days: one item per listing day, newest first, with the day's titles in its text.
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { siteData } from '../data/archive.ts';
import { paths } from '../data/paths.ts';
import { longDate, plural, xmlSafe } from '../lib/format.ts';

const MAX_DAYS = 60;

export const GET: APIRoute = async ({ site }) => {
  const data = await siteData();
  const days = [...data.days].reverse().slice(0, MAX_DAYS);
  return rss({
    title: 'Daily Papers Archive: days',
    description: 'Each day of Hugging Face Daily Papers, as the archive keeps it.',
    site: new URL(paths.home, site),
    items: days.map((day) => ({
      title: `Daily Papers, ${longDate(day.date)} (${plural(day.papers.length, 'paper')})`,
      link: paths.day(day.date),
      pubDate: new Date(`${day.date}T00:00:00Z`),
      description: xmlSafe(day.papers.map((p) => `${p.rank}. ${p.title}`).join('\n')),
    })),
    trailingSlash: true,
  });
};
