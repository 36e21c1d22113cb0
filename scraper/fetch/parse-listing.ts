// Reading a day's listing page. The embedded JSON of the `DailyPapers` island has been the
// stable part of the page since 2023 and holds every field; the visible cards have changed
// markup many times and hold only part of it, so they are the fallback. Selectors lean on what
// has lasted (links to /papers/<id>, the `#community` link, the "Submitted by" text), never on
// Tailwind class chains or positions.
import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';

/** The page is complete but holds neither the embedded data nor cards: the site changed. */
export class LayoutChangedError extends Error {}

/** The answer stopped before the end of the document: worth another try. */
export class TruncatedPageError extends Error {}

export type Card = {
  id: string;
  title: string;
  upvotes: number | null;
  comments: number | null;
  submitterName: string | null;
  organization: { handle: string; name: string } | null;
  authorCount: number | null;
  thumbnail: string | null;
};

export type ListingPage =
  | { kind: 'embedded'; dateString: string | null; items: unknown[] }
  | { kind: 'cards'; dateString: string | null; cards: Card[] };

const PAPER_HREF = /^\/papers\/([^/?#]+)\/?(?:[?#].*)?$/;
const ACCOUNT_HREF = /^\/([A-Za-z0-9][\w.-]*)\/?$/;
const NOT_ACCOUNTS = new Set(['papers', 'login', 'join', 'models', 'datasets', 'spaces', 'docs', 'pricing', 'blog']);

function intOf(text: string): number | null {
  const t = text.replace(/[\s,]/g, '');
  if (t === '-' || t === '–') return 0; // the site shows "-" for no upvotes
  if (/^\d+$/.test(t)) return Number(t);
  const k = /^(\d+(?:\.\d+)?)k$/i.exec(t);
  return k ? Math.round(Number(k[1]) * 1000) : null;
}

function parseCard($: cheerio.CheerioAPI, el: AnyNode, pageUrl: string): Card | null {
  const card = $(el);
  const titleLink = card
    .find('h3 a[href], h2 a[href]')
    .filter((_, a) => PAPER_HREF.test($(a).attr('href') ?? ''))
    .first();
  const href = titleLink.attr('href');
  const id = href ? PAPER_HREF.exec(href)?.[1] : undefined;
  if (!id) return null;

  const upvoteText = card.find('a[href^="/login"] .leading-none, .leading-none').first().text();
  const comments = card.find('a[href$="#community"]').first().text();
  const text = card.text().replace(/\s+/g, ' ');
  const submitted = /Submitted by\s*([^·]+?)\s*(?:$|·|\d+ authors)/.exec(
    card.find(':contains("Submitted by")').last().text().replace(/\s+/g, ' '),
  );
  const authorCount = /·\s*(\d+)\s+authors?/.exec(text);
  const orgLink = card
    .find('a[href]')
    .filter((_, a) => {
      const m = ACCOUNT_HREF.exec($(a).attr('href') ?? '');
      return m !== null && !NOT_ACCOUNTS.has(m[1]!.toLowerCase());
    })
    .first();
  const orgHandle = orgLink.length ? ACCOUNT_HREF.exec(orgLink.attr('href')!)![1]! : null;
  const img = card
    .find('img[src]')
    .filter((_, i) => !/avatar/i.test($(i).attr('src') ?? ''))
    .first()
    .attr('src');

  return {
    id,
    title: titleLink.text(),
    upvotes: upvoteText ? intOf(upvoteText) : null,
    comments: comments ? intOf(comments) : null,
    submitterName: submitted?.[1]?.trim() || null,
    organization: orgHandle ? { handle: orgHandle, name: orgLink.text().trim() || orgHandle } : null,
    authorCount: authorCount ? Number(authorCount[1]) : null,
    thumbnail: img ? new URL(img, pageUrl).href : null,
  };
}

/**
 * The card of each paper: the largest element around a paper's title link that holds no other
 * paper's title. Cards were divs before May 2025 and <article>s since; this finds either.
 */
function cardElements($: cheerio.CheerioAPI): AnyNode[] {
  const titleLinks = $('h3 a[href], h2 a[href]')
    .toArray()
    .filter((a) => PAPER_HREF.test($(a).attr('href') ?? ''));
  const titlesIn = (el: AnyNode) =>
    new Set(
      $(el)
        .find('h3 a[href], h2 a[href]')
        .toArray()
        .map((a) => PAPER_HREF.exec($(a).attr('href') ?? '')?.[1])
        .filter(Boolean),
    ).size;
  const cards: AnyNode[] = [];
  for (const link of titleLinks) {
    const article = $(link).closest('article');
    let card: AnyNode = article.length ? article[0]! : link;
    for (let parent = $(card).parent(); parent.length && !parent.is('body, html'); parent = parent.parent()) {
      if (article.length || titlesIn(parent[0]!) > 1) break;
      card = parent[0]!;
    }
    if (!cards.includes(card)) cards.push(card);
  }
  return cards;
}

/**
 * What a listing page holds. Throws TruncatedPageError for a cut-off answer and
 * LayoutChangedError, naming the URL and what was missing, for a page with no listing in it.
 */
export function parseListingPage(html: string, pageUrl: string): ListingPage {
  if (!/<\/html\s*>\s*$/i.test(html)) {
    throw new TruncatedPageError(`${pageUrl}: the answer ends before </html> (${html.length} characters): cut off`);
  }
  const $ = cheerio.load(html);
  const island = $('[data-target="DailyPapers"]').first();
  const propsText = island.attr('data-props');
  let dateString: string | null = null;

  if (propsText !== undefined) {
    let props: unknown;
    try {
      props = JSON.parse(propsText);
    } catch (e) {
      throw new LayoutChangedError(
        `${pageUrl}: the DailyPapers data is not JSON (${(e as Error).message}); the page layout changed`,
      );
    }
    const p = props as { dateString?: unknown; dailyPapers?: unknown };
    dateString = typeof p.dateString === 'string' ? p.dateString : null;
    if (Array.isArray(p.dailyPapers)) return { kind: 'embedded', dateString, items: p.dailyPapers };
  }

  const cards = cardElements($)
    .map((el) => parseCard($, el, pageUrl))
    .filter((c): c is Card => c !== null);
  if (cards.length > 0) return { kind: 'cards', dateString, cards };

  const what = island.length
    ? 'the DailyPapers island has no dailyPapers list and there are no paper cards'
    : 'no DailyPapers embedded data and no paper cards';
  throw new LayoutChangedError(`${pageUrl}: ${what}; the page layout changed`);
}

/** The listing date a /papers/date/YYYY-MM-DD URL (or Location header) names, if any. */
export function listingDateOf(url: string, base: string): string | null {
  try {
    const m = /^\/papers\/date\/(\d{4}-\d{2}-\d{2})\/?$/.exec(new URL(url, base).pathname);
    return m ? m[1]! : null;
  } catch {
    return null;
  }
}
