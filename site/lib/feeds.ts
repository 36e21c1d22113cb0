// The items of the site's two RSS feeds, from the archive's data. A feed reader decodes an
// item's <description> as HTML, so scraped text goes in HTML-escaped: a title holding
// `<img src=x onerror=…>` arrives in the reader as those characters, never as an image.
// @astrojs/rss then escapes the result once more as XML.
import type { Day, Paper } from '../../scraper/archive/index.ts';
import { excerpt, longDate, plural, xmlSafe } from './format.ts';
import { absoluteUrl, type SitePaths } from './paths.ts';

export const MAX_PAPER_ITEMS = 100;
export const MAX_DAY_ITEMS = 60;

export type FeedItem = {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories?: string[];
  /** The paper's authors, for a JSON Feed item's byline (RSS's <author> must be an e-mail address). */
  authors?: string[];
};

/** How many of a paper's authors an item names: a reader's byline has no room for 500. */
export const ITEM_AUTHORS = 10;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML that shows exactly that text. */
export function htmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

export const dayTime = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * A paper as a feed item, dated by `date` (a listing day): its authors (the first ITEM_AUTHORS of
 * a longer list, then how many more: its page names them all), organization and the start of its
 * abstract, as text.
 */
export function paperItem(paper: Paper, date: string, paths: SitePaths): FeedItem {
  // A paper is an item of many feeds (the papers feed, its organization's, each keyword's, each
  // mark's): made once per record, day and paths. Items are never changed once made.
  const ofPaths = made.get(paths) ?? new WeakMap<Paper, Map<string, FeedItem>>();
  made.set(paths, ofPaths);
  const ofPaper = ofPaths.get(paper) ?? new Map<string, FeedItem>();
  ofPaths.set(paper, ofPaper);
  const item = ofPaper.get(date) ?? makePaperItem(paper, date, paths);
  ofPaper.set(date, item);
  return item;
}

const made = new WeakMap<SitePaths, WeakMap<Paper, Map<string, FeedItem>>>();

function makePaperItem(paper: Paper, date: string, paths: SitePaths): FeedItem {
  const more = paper.authors.length - ITEM_AUTHORS;
  const authors = paper.authors.slice(0, ITEM_AUTHORS).join(', ') + (more > 0 ? ` and ${plural(more, 'other')}` : '');
  const about = [authors, paper.organization?.name, excerpt(paper.abstract, 600)];
  return {
    title: xmlSafe(paper.title),
    link: paths.paper(paper.id),
    pubDate: dayTime(date),
    description: htmlText(about.filter(Boolean).join(' — ')),
    categories: paper.aiKeywords.map(xmlSafe),
    authors: paper.authors.slice(0, ITEM_AUTHORS).map(xmlSafe),
  };
}

/**
 * The newest papers, newest day first and in listing order within a day: whole days only (a
 * reader that sees a day sees all of it), as many as fit MAX_PAPER_ITEMS, and the newest day
 * whole whatever its size; a paper featured on two days is an item of the newer only.
 */
export function paperItems(days: readonly Day[], paths: SitePaths): FeedItem[] {
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  for (const day of [...days].reverse()) {
    if (items.length > 0 && items.length + day.papers.length > MAX_PAPER_ITEMS) break;
    // A paper featured again is listed on its newest day only: one item, one id.
    for (const paper of day.papers) if (!seen.has(paper.id)) items.push(paperItem(paper, day.date, paths));
    for (const paper of day.papers) seen.add(paper.id);
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
