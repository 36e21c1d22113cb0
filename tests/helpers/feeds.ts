// Checks shared by the feed tests: a JSON Feed held strictly to version 1.1
// (https://www.jsonfeed.org/version/1.1/), beyond what a lenient reader library accepts, and
// what a feed reader shows of an item's HTML.
import * as cheerio from 'cheerio';

const FEED_KEYS = new Set([
  'version',
  'title',
  'home_page_url',
  'feed_url',
  'description',
  'user_comment',
  'next_url',
  'icon',
  'favicon',
  'authors',
  'language',
  'expired',
  'hubs',
  'items',
]);
const ITEM_KEYS = new Set([
  'id',
  'url',
  'external_url',
  'title',
  'content_html',
  'content_text',
  'summary',
  'image',
  'banner_image',
  'date_published',
  'date_modified',
  'authors',
  'tags',
  'language',
  'attachments',
]);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

const isUrl = (v: unknown): boolean => typeof v === 'string' && /^https?:\/\/[^\s]+$/.test(v) && URL.canParse(v);

/** Every way `text` (a JSON Feed file) breaks JSON Feed 1.1; empty when it keeps it. */
export function jsonFeedProblems(text: string): string[] {
  const problems: string[] = [];
  const feed = JSON.parse(text) as Record<string, unknown>;
  const bad = (what: string) => problems.push(what);
  if (feed['version'] !== 'https://jsonfeed.org/version/1.1') bad('version');
  if (typeof feed['title'] !== 'string' || feed['title'] === '') bad('title');
  for (const k of ['home_page_url', 'feed_url']) if (!isUrl(feed[k])) bad(k);
  for (const k of Object.keys(feed)) if (!FEED_KEYS.has(k) && !k.startsWith('_')) bad(`unknown key ${k}`);
  const authors = feed['authors'];
  if (!Array.isArray(authors) || authors.some((a) => typeof a?.name !== 'string')) bad('authors');
  const items = feed['items'];
  if (!Array.isArray(items) || items.length === 0) return [...problems, 'items: none'];
  const ids = new Set<string>();
  for (const [i, item] of (items as Record<string, unknown>[]).entries()) {
    const at = `items[${i}]`;
    if (typeof item['id'] !== 'string' || item['id'] === '' || ids.has(item['id'])) bad(`${at}.id`);
    ids.add(String(item['id']));
    if (!isUrl(item['url'])) bad(`${at}.url`);
    if (typeof item['title'] !== 'string' || item['title'] === '') bad(`${at}.title`);
    if (typeof item['content_html'] !== 'string' && typeof item['content_text'] !== 'string') bad(`${at}.content`);
    if (typeof item['date_published'] !== 'string' || !RFC3339.test(item['date_published']))
      bad(`${at}.date_published`);
    const a = item['authors'];
    if (a !== undefined && (!Array.isArray(a) || a.some((x) => typeof x?.name !== 'string'))) bad(`${at}.authors`);
    const tags = item['tags'];
    if (tags !== undefined && (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string'))) bad(`${at}.tags`);
    for (const k of Object.keys(item)) if (!ITEM_KEYS.has(k) && !k.startsWith('_')) bad(`${at}: unknown key ${k}`);
  }
  return problems;
}

/** What a reader shows of an item's HTML: its text, and the elements it would make. */
export function shownHtml(html: string): { text: string; elements: string[]; links: string[] } {
  const $ = cheerio.load(html, null, false);
  return {
    text: $.root().text(),
    elements: $('*')
      .map((_, e) => ('tagName' in e ? e.tagName : ''))
      .get(),
    links: $('a')
      .map((_, a) => $(a).attr('href') ?? '')
      .get(),
  };
}
