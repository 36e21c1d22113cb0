// From an HTTP answer for /papers/date/D to a listing (or to "there is none"), the same whatever
// client fetched it. Checking the day landed on is what keeps Friday's papers out of Saturday.
import { hfDayUrl } from '../archive/links.ts';
import { ARXIV_ID } from '../archive/schema.ts';
import { type HttpAnswer, type HttpGet, heedRateLimit, statusError } from './http.ts';
import type { Pacer } from './pacer.ts';
import { type Card, listingDateOf, parseListingPage } from './parse-listing.ts';
import { FetchError } from './retry.ts';

export type Listing =
  | { kind: 'listing'; items: unknown[]; problems: string[]; source: string }
  | { kind: 'no-listing'; reason: string };

/** The site answered with its bot check instead of the page: a browser has to pass it. */
export class ChallengeError extends FetchError {
  constructor(url: string) {
    super(`${url}: the site answered with its browser check (HTTP 202)`, { retryable: true, status: 202 });
  }
}

export type ListingContext = {
  baseUrl: string;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Paces requests to the API (filling papers the page did not describe). */
  apiPacer: Pacer;
  /** The client for API requests (the card fallback fills papers through /api/papers/<id>). */
  apiGet: HttpGet;
};

/** Interprets the answer for the listing of `date` (fetched from `hfDayUrl(date, base)`). */
export async function listingFromAnswer(date: string, answer: HttpAnswer, ctx: ListingContext): Promise<Listing> {
  const asked = hfDayUrl(date, ctx.baseUrl);
  if (answer.status >= 300 && answer.status < 400) {
    const location = answer.headers['location'] ?? '';
    // An empty Location resolves to the URL asked: that is no day to name.
    const landed = location ? listingDateOf(location, asked) : null;
    return {
      kind: 'no-listing',
      reason: landed
        ? `the site redirects ${date} to ${landed}`
        : `the site redirects ${date} to ${location || 'nowhere'}`,
    };
  }
  if (answer.status === 202) throw new ChallengeError(asked);
  if (answer.status !== 200) throw statusError(answer, asked);

  const landedUrl = listingDateOf(answer.url, asked);
  if (landedUrl && landedUrl !== date) {
    return { kind: 'no-listing', reason: `the site redirects ${date} to ${landedUrl}` };
  }
  const page = parseListingPage(answer.text, asked);
  if (page.dateString && page.dateString !== date) {
    return { kind: 'no-listing', reason: `the page for ${date} shows the listing of ${page.dateString}` };
  }
  if (page.kind === 'embedded') return { kind: 'listing', items: page.items, problems: [], source: asked };
  return listingFromCards(page.cards, asked, ctx);
}

/**
 * The fallback when the page has no embedded data: each card's id, title, votes, comments and
 * organization, with what cards lack (abstract, authors, links, keywords) from the paper API.
 * Whatever cannot be filled is named, and makes the day partial.
 */
async function listingFromCards(cards: Card[], source: string, ctx: ListingContext): Promise<Listing> {
  const items: unknown[] = [];
  const unfilled: string[] = [];
  for (const card of cards) {
    const paper = await fetchPaper(card.id, ctx).catch((e: Error) => {
      unfilled.push(`${card.id} (${e.message.replace(/^\S+: /, '')})`);
      return null;
    });
    items.push({
      paper: {
        ...(paper ?? { authors: [], summary: '' }),
        id: card.id,
        title: card.title || (paper?.['title'] as string | undefined),
        upvotes: card.upvotes ?? paper?.['upvotes'] ?? 0,
      },
      numComments: card.comments ?? 0,
      thumbnail: card.thumbnail,
      ...(card.organization
        ? { organization: { name: card.organization.handle, fullname: card.organization.name } }
        : {}),
    });
  }
  const problems = ['the page had no embedded listing data: built from its cards and the paper API'];
  if (unfilled.length > 0) {
    problems.push(
      `abstract, authors and links missing for ${unfilled.length} of ${cards.length} papers: ${unfilled.slice(0, 5).join(', ')}`,
    );
  }
  // Cards filled from the API hold everything the embedded data would: the day is complete.
  return { kind: 'listing', items, problems: unfilled.length > 0 ? problems : [], source };
}

async function fetchPaper(id: string, ctx: ListingContext): Promise<Record<string, unknown>> {
  // Never put an id that is not an arXiv id into a URL (the record is rejected later anyway).
  if (!ARXIV_ID.test(id)) throw new Error('not an arXiv id');
  const url = `${ctx.baseUrl}/api/papers/${id}`;
  await ctx.apiPacer.acquire(ctx.signal);
  const answer = await ctx.apiGet(url, { signal: ctx.signal, timeoutMs: ctx.timeoutMs, accept: 'application/json' });
  heedRateLimit(answer, ctx.apiPacer);
  if (answer.status !== 200) throw statusError(answer, url);
  try {
    const paper = JSON.parse(answer.text) as unknown;
    if (typeof paper !== 'object' || paper === null) throw new Error('not an object');
    return paper as Record<string, unknown>;
  } catch (e) {
    throw new FetchError(`${url}: not a paper (${(e as Error).message})`, { retryable: false });
  }
}
