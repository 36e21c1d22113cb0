// The paper cards of a listing page: the fallback when the page has no embedded data. Cards hold
// only part of a paper and their markup has changed many times, so selectors lean on what has
// lasted (the title in a heading link to /papers/<id>, the `#community` link, the "Submitted by"
// words, the upvote box's `.leading-none`) and never on Tailwind class chains or positions alone.
// Each field comes from its own part of the card: on real pages the "Submitted by" badge comes
// before the vote box and is `.leading-none` too, and 2026 cards link to the paper three times.
import type * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';

export type Card = {
  id: string;
  title: string;
  upvotes: number | null;
  comments: number | null;
  /** The account name the "Submitted by" badge shows. */
  submitterName: string | null;
  organization: { handle: string; name: string } | null;
  authorCount: number | null;
  /** The card's image, or its video's poster (else the video itself), as an absolute URL. */
  thumbnail: string | null;
};

type Selection = cheerio.Cheerio<AnyNode>;

const PAPER_HREF = /^\/papers\/([^/?#]+)\/?(?:[?#].*)?$/;
const ACCOUNT_HREF = /^\/([A-Za-z0-9][\w.-]*)\/?$/;
const NOT_ACCOUNTS = new Set(['papers', 'login', 'join', 'models', 'datasets', 'spaces', 'docs', 'pricing', 'blog']);
const TITLE_LINKS = 'h3 a[href], h2 a[href]';

export function intOf(text: string): number | null {
  const t = text.replace(/[\s,]/g, '');
  if (t === '-' || t === '–') return 0; // the site shows "-" for no upvotes
  if (/^\d+$/.test(t)) return Number(t);
  const k = /^(\d+(?:\.\d+)?)k$/i.exec(t);
  return k ? Math.round(Number(k[1]) * 1000) : null;
}

const words = (s: Selection) => s.text().replace(/\s+/g, ' ').trim();

function accountHandle(href: string | undefined): string | null {
  const m = ACCOUNT_HREF.exec(href ?? '');
  return m && !NOT_ACCOUNTS.has(m[1]!.toLowerCase()) ? m[1]! : null;
}

/** The smallest element holding the words "Submitted by" and a name after them, if the card has one. */
function submitterBadge(card: Selection): Selection {
  let badge = card.find(':contains("Submitted by")').last();
  while (badge.length && badge[0] !== card[0] && /Submitted by$/.test(words(badge))) badge = badge.parent();
  return badge[0] === card[0] ? badge.filter(() => false) : badge;
}

/** Whether `el` is inside `outer` (or is it). */
function within($: cheerio.CheerioAPI, el: AnyNode, outer: Selection): boolean {
  const node = outer[0];
  return (
    node !== undefined &&
    (node === el ||
      $(el)
        .parents()
        .toArray()
        .some((p) => p === node))
  );
}

function upvotesOf($: cheerio.CheerioAPI, card: Selection, badge: Selection): number | null {
  // The vote box: a link to /login for an anonymous visitor, a label (a form) for a signed-in one.
  const boxed = card.find('a[href^="/login"] .leading-none, label .leading-none').first();
  if (boxed.length) return intOf(words(boxed));
  // Failing that, a `.leading-none` that holds a count and is not the badge nor inside it.
  const loose = card
    .find('.leading-none')
    .filter((_, el) => !within($, el, badge) && !$(el).text().includes('Submitted by'))
    .filter((_, el) => intOf(words($(el))) !== null)
    .first();
  return loose.length ? intOf(words(loose)) : null;
}

function thumbnailOf($: cheerio.CheerioAPI, card: Selection, badge: Selection, pageUrl: string): string | null {
  // Avatars sit in the badge, the author list and the organization chip; the thumbnail is none of them.
  const media = card
    .find('img, video')
    .filter((_, el) => !within($, el, badge) && $(el).closest('li').length === 0)
    .filter((_, el) => accountHandle($(el).closest('a[href]').attr('href')) === null)
    .filter((_, el) => !/avatar/i.test($(el).attr('src') ?? ''))
    .first();
  const src = media.is('video')
    ? (media.attr('poster') ?? media.attr('src') ?? media.find('source[src]').first().attr('src'))
    : media.attr('src');
  if (!src) return null;
  try {
    return new URL(src, pageUrl).href;
  } catch {
    return null;
  }
}

function parseCard($: cheerio.CheerioAPI, el: AnyNode, pageUrl: string): Card | null {
  const card = $(el);
  // The title is the heading's link: the thumbnail, "View paper" and GitHub-stars links go to the paper too.
  const titleLink = card
    .find(TITLE_LINKS)
    .filter((_, a) => PAPER_HREF.test($(a).attr('href') ?? ''))
    .first();
  const id = PAPER_HREF.exec(titleLink.attr('href') ?? '')?.[1];
  if (!id) return null;

  const badge = submitterBadge(card);
  const submitted = /Submitted by\s*([^·]+?)\s*(?:$|·|\d+ authors)/.exec(words(badge));
  const comments = card.find('a[href$="#community"]').first();
  const authorCount = /·\s*(\d+)\s+authors?/.exec(words(card));
  const orgLink = card
    .find('a[href]')
    .filter((_, a) => accountHandle($(a).attr('href')) !== null && !within($, a, badge))
    .first();
  const orgHandle = orgLink.length ? accountHandle(orgLink.attr('href')) : null;

  return {
    id,
    title: titleLink.text(),
    upvotes: upvotesOf($, card, badge),
    comments: comments.length ? intOf(words(comments)) : null,
    submitterName: submitted?.[1]?.trim() || null,
    organization: orgHandle ? { handle: orgHandle, name: orgLink.text().trim() || orgHandle } : null,
    authorCount: authorCount ? Number(authorCount[1]) : null,
    thumbnail: thumbnailOf($, card, badge, pageUrl),
  };
}

/**
 * The card of each paper: the largest element around a paper's title link that holds no other
 * paper's title. Cards were divs before May 2025 and <article>s since; this finds either.
 */
function cardElements($: cheerio.CheerioAPI): AnyNode[] {
  const titleLinks = $(TITLE_LINKS)
    .toArray()
    .filter((a) => PAPER_HREF.test($(a).attr('href') ?? ''));
  const titlesIn = (el: AnyNode) =>
    new Set(
      $(el)
        .find(TITLE_LINKS)
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

/** Every paper card of the page, in page order. */
export function parseCards($: cheerio.CheerioAPI, pageUrl: string): Card[] {
  return cardElements($)
    .map((el) => parseCard($, el, pageUrl))
    .filter((c): c is Card => c !== null);
}
