// Reading a day's listing page. The embedded JSON of the `DailyPapers` island has been the
// stable part of the page since 2023 and holds every field; the visible cards (parse-cards.ts)
// hold only part of it, so they are the fallback. The island also names the day it lists, under
// one of two keys over the years (`date`, a timestamp, in 2024; `dateString` by 2026): the day
// check reads whichever is there.
import * as cheerio from 'cheerio';
import { type Card, parseCards } from './parse-cards.ts';

export type { Card } from './parse-cards.ts';

/** The page is complete but holds neither the embedded data nor cards: the site changed. */
export class LayoutChangedError extends Error {}

/** The answer stopped before the end of the document: worth another try. */
export class TruncatedPageError extends Error {}

/** Where the page says which day it lists. */
export type DayKey = 'dateString' | 'date';

export type ListingPage = {
  /** The day the page says it lists (YYYY-MM-DD), or null when it names none. */
  day: string | null;
  dayKey: DayKey | null;
} & ({ kind: 'embedded'; items: unknown[] } | { kind: 'cards'; cards: Card[] });

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The day an island's props name: `dateString` ("2026-09-28"), else `date` ("2024-08-01T00:00:00.000Z", a UTC day). */
export function dayOfProps(props: unknown): { day: string; key: DayKey } | null {
  const p = (typeof props === 'object' && props !== null ? props : {}) as Record<string, unknown>;
  const dateString = p['dateString'];
  if (typeof dateString === 'string' && ISO_DAY.test(dateString)) return { day: dateString, key: 'dateString' };
  const date = p['date'];
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}(?:T|$)/.test(date)) {
    const ms = Date.parse(date);
    if (!Number.isNaN(ms)) return { day: new Date(ms).toISOString().slice(0, 10), key: 'date' };
  }
  return null;
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
  let named: { day: string; key: DayKey } | null = null;

  if (propsText !== undefined) {
    let props: unknown;
    try {
      props = JSON.parse(propsText);
    } catch (e) {
      throw new LayoutChangedError(
        `${pageUrl}: the DailyPapers data is not JSON (${(e as Error).message}); the page layout changed`,
      );
    }
    named = dayOfProps(props);
    const papers = (props as { dailyPapers?: unknown } | null)?.dailyPapers;
    if (Array.isArray(papers)) {
      return { kind: 'embedded', day: named?.day ?? null, dayKey: named?.key ?? null, items: papers };
    }
  }

  const cards = parseCards($, pageUrl);
  if (cards.length > 0) return { kind: 'cards', day: named?.day ?? null, dayKey: named?.key ?? null, cards };

  const what = island.length
    ? 'the DailyPapers island has no dailyPapers list and there are no paper cards'
    : 'no DailyPapers embedded data and no paper cards';
  throw new LayoutChangedError(`${pageUrl}: ${what}; the page layout changed`);
}

/**
 * The listing date a URL (or Location header) names, if any: /papers/date/YYYY-MM-DD, or the
 * 2024 form /papers?date=YYYY-MM-DD.
 */
export function listingDateOf(url: string, base: string): string | null {
  try {
    const u = new URL(url, base);
    const m = /^\/papers\/date\/(\d{4}-\d{2}-\d{2})\/?$/.exec(u.pathname);
    if (m) return m[1]!;
    const q = u.searchParams.get('date');
    return /^\/papers\/?$/.test(u.pathname) && q && ISO_DAY.test(q) ? q : null;
  } catch {
    return null;
  }
}
