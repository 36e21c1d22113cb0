// From an HTTP answer for /papers/date/D to a listing (or to "there is none"), the same whatever
// client fetched it. Checking the day landed on is what keeps Friday's papers out of Saturday:
// the URL that answered must be the site and that day, and the page, when it names a day, must
// name that one. A page that names none is checked by its URL alone, and the day says so.
import { hfDayUrl } from '../archive/links.ts';
import { listingFromCards } from './from-cards.ts';
import { type HttpAnswer, type HttpGet, statusError } from './http.ts';
import { MAX_LISTING_PAPERS } from './limits.ts';
import type { Pacer } from './pacer.ts';
import { listingDateOf, parseListingPage } from './parse-listing.ts';
import { isRedirect } from './redirects.ts';
import { FetchError, ImplausibleListingError, RedirectError } from './retry.ts';
import { hostOf, sameSite } from './site.ts';

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
  /** The bound on one answer, for the API requests too. */
  maxBytes?: number | undefined;
};

export const NO_DAY_KEY =
  'the page names no day (no dateString or date in its DailyPapers data): checked by its URL alone';

/** A redirect the client did not follow: to another day (no listing), or off the site (never followed). */
function redirected(date: string, asked: string, answer: HttpAnswer): Listing {
  const location = answer.headers['location'] ?? '';
  // An empty Location resolves to the URL asked: that is no day to name.
  if (!location) return { kind: 'no-listing', reason: `the site redirects ${date} to nowhere` };
  let target: URL;
  try {
    target = new URL(location, answer.url);
  } catch {
    return { kind: 'no-listing', reason: `the site redirects ${date} to ${location}` };
  }
  if (target.href === new URL(answer.url).href) {
    throw new RedirectError(`${asked}: the site redirects the page to itself`);
  }
  const landed = listingDateOf(target.href, asked);
  if (!sameSite(target, new URL(asked))) {
    throw new RedirectError(`${asked}: the site redirects ${date} to ${target.href}, off the site: not followed`);
  }
  if (landed === date) {
    throw new RedirectError(
      `${asked}: the site redirects ${date} to ${target.href} (from https to http): not followed`,
    );
  }
  return { kind: 'no-listing', reason: `the site redirects ${date} to ${landed ?? location}` };
}

/** Interprets the answer for the listing of `date` (fetched from `hfDayUrl(date, base)`). */
export async function listingFromAnswer(date: string, answer: HttpAnswer, ctx: ListingContext): Promise<Listing> {
  const asked = hfDayUrl(date, ctx.baseUrl);
  if (isRedirect(answer.status)) return redirected(date, asked, answer);
  if (answer.status === 202) throw new ChallengeError(asked);
  if (answer.status !== 200) throw statusError(answer, asked);

  // A browser follows every redirect: where it landed must still be the site, and this day.
  if (!sameSite(new URL(answer.url), new URL(asked))) {
    throw new RedirectError(`${asked}: the page came from ${hostOf(answer.url)}, which is not the site: not filed`);
  }
  const landedUrl = listingDateOf(answer.url, asked);
  if (landedUrl !== date) {
    const to = landedUrl ?? new URL(answer.url).pathname;
    return { kind: 'no-listing', reason: `the site redirects ${date} to ${to}` };
  }
  const page = parseListingPage(answer.text, answer.url);
  if (page.day !== null && page.day !== date) {
    return { kind: 'no-listing', reason: `the page for ${date} shows the listing of ${page.day}` };
  }
  const count = page.kind === 'embedded' ? page.items.length : page.cards.length;
  if (count > MAX_LISTING_PAPERS) {
    throw new ImplausibleListingError(
      `${asked}: the page lists ${count} papers, more than any day could (${MAX_LISTING_PAPERS}): implausible, not filed`,
    );
  }
  const problems = page.day === null ? [NO_DAY_KEY] : [];
  if (page.kind === 'embedded') return { kind: 'listing', items: page.items, problems, source: answer.url };
  return listingFromCards(page.cards, answer.url, ctx, problems);
}
