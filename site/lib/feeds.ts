// The items of the site's two RSS feeds, from the archive's data. A feed reader decodes an
// item's <description> as HTML, so scraped text goes in HTML-escaped: a title holding
// `<img src=x onerror=…>` arrives in the reader as those characters, never as an image.
// @astrojs/rss then escapes the result once more as XML.
import type { Day } from '../../scraper/archive/index.ts';
import { excerpt, longDate, plural, xmlSafe } from './format.ts';
import { absoluteUrl, type SitePaths } from './paths.ts';

export const MAX_PAPER_ITEMS = 100;
export const MAX_DAY_ITEMS = 60;

export type FeedItem = { title: string; link: string; pubDate: Date; description: string; categories?: string[] };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML that shows exactly that text. */
export function htmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

const dayTime = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * The newest papers, newest day first and in listing order within a day: whole days only (a
 * reader that sees a day sees all of it), as many as fit MAX_PAPER_ITEMS, and the newest day
 * whole whatever its size.
 */
export function paperItems(days: readonly Day[], paths: SitePaths): FeedItem[] {
  const items: FeedItem[] = [];
  for (const day of [...days].reverse()) {
    if (items.length > 0 && items.length + day.papers.length > MAX_PAPER_ITEMS) break;
    for (const paper of day.papers) {
      const about = [paper.authors.join(', '), paper.organization?.name, excerpt(paper.abstract, 600)];
      items.push({
        title: xmlSafe(paper.title),
        link: paths.paper(paper.id),
        pubDate: dayTime(day.date),
        description: htmlText(about.filter(Boolean).join(' — ')),
        categories: paper.aiKeywords.map(xmlSafe),
      });
    }
  }
  return items;
}

/**
 * One item per listing day, newest first, its papers' titles in its text, each a link to the
 * paper's page: absolute, as a reader resolves a description's links against nothing it knows.
 */
export function dayItems(days: readonly Day[], paths: SitePaths, siteUrl: string): FeedItem[] {
  return [...days]
    .reverse()
    .slice(0, MAX_DAY_ITEMS)
    .map((day) => ({
      title: `Daily Papers, ${longDate(day.date)} (${plural(day.papers.length, 'paper')})`,
      link: paths.day(day.date),
      pubDate: dayTime(day.date),
      description: day.papers
        .map((p) => {
          const href = htmlText(absoluteUrl(siteUrl, paths.paper(p.id)));
          return `<p>${p.rank}. <a href="${href}">${htmlText(p.title)}</a></p>`;
        })
        .join(''),
    }));
}
