// From an HTTP answer for /papers/date/D to a listing, on hand-made answers: redirects and pages
// of another day are "no listing", never that day's papers, whichever key (2024 `date`, 2026
// `dateString`) names the day; a page that names none is checked by its URL and says so; a
// redirect off the site or to itself fails the day; statuses become the right errors; embedded
// data is taken as it is; the card fallback fills papers from a fake paper API on a ManualClock
// pacer, and names what it could not fill.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../scraper/fetch/clock.ts';
import type { GetOptions, HttpAnswer, HttpGet } from '../../../../scraper/fetch/http.ts';
import {
  ChallengeError,
  type ListingContext,
  listingFromAnswer,
  NO_DAY_KEY,
} from '../../../../scraper/fetch/listing.ts';
import { createPacer } from '../../../../scraper/fetch/pacer.ts';
import { TruncatedPageError } from '../../../../scraper/fetch/parse-listing.ts';
import { FetchError, ImplausibleListingError, RedirectError } from '../../../../scraper/fetch/retry.ts';
import { fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { type Era, type Layout, renderListingPage } from '../../../../scripts/replay/listing-page.ts';
import { paperObject } from '../../../../scripts/replay/paper-page.ts';

const BASE = 'https://huggingface.co';
const FRIDAY = '2026-08-07';
const SATURDAY = '2026-08-08';
const dayUrl = (date: string) => `${BASE}/papers/date/${date}`;

const pageOf = (date: string, layout: Layout = 'normal', items: unknown[] = fixtureItems(date), era?: Era) =>
  renderListingPage({ date, items, prevDate: null, nextDate: null, layout, ...(era ? { era } : {}) });
const BUILT_FROM_CARDS = 'the page had no embedded listing data: built from its cards and the paper API';

function answer(status: number, text = '', headers: Record<string, string> = {}, url = dayUrl(SATURDAY)): HttpAnswer {
  return { status, url, headers, text };
}

type ApiCall = { url: string; options: GetOptions; at: number };

/**
 * A paper API over `items` (/api/papers/<id> → the item's paper, as the replay server and the
 * site answer), with a pacer on a ManualClock at the default 100 calls a minute. `answers`
 * overrides the answer for some ids.
 */
function paperApi(items: unknown[], answers: Record<string, Partial<HttpAnswer>> = {}) {
  const clock = new ManualClock();
  const calls: ApiCall[] = [];
  const papers = new Map(items.map((i) => [paperObject(i)['id'] as string, paperObject(i)]));
  const apiGet: HttpGet = async (url, options) => {
    calls.push({ url, options, at: clock.now() });
    const id = url.slice(`${BASE}/api/papers/`.length);
    const paper = papers.get(id);
    const found = paper
      ? { status: 200, text: JSON.stringify(paper) }
      : { status: 404, text: '{"error":"Paper not found"}' };
    return { url, headers: {}, ...found, ...answers[id] };
  };
  const signal = new AbortController().signal;
  const ctx: ListingContext = {
    baseUrl: BASE,
    timeoutMs: 1234,
    signal,
    apiPacer: createPacer({ ratePerMinute: 100, clock }),
    apiGet,
  };
  return { clock, calls, ctx, signal };
}

/** A context for answers that must not touch the paper API. */
const noApi = (): ListingContext => ({
  ...paperApi([]).ctx,
  apiGet: async () => {
    throw new Error('no API call expected');
  },
});

describe('the day landed on', () => {
  it('reads a redirect to another day as no listing for the day asked', async () => {
    for (const location of ['/papers/date/2026-08-07', `${BASE}/papers/date/2026-08-07`]) {
      expect(await listingFromAnswer(SATURDAY, answer(302, '', { location }), noApi())).toEqual({
        kind: 'no-listing',
        reason: 'the site redirects 2026-08-08 to 2026-08-07',
      });
    }
  });

  it('names where a redirect that is not to a day goes, or that it goes nowhere', async () => {
    expect(await listingFromAnswer(SATURDAY, answer(301, '', { location: '/papers' }), noApi())).toEqual({
      kind: 'no-listing',
      reason: 'the site redirects 2026-08-08 to /papers',
    });
    expect(await listingFromAnswer(SATURDAY, answer(307), noApi())).toEqual({
      kind: 'no-listing',
      reason: 'the site redirects 2026-08-08 to nowhere',
    });
  });

  it('reads a 200 that landed on another day (a client that followed the redirect) as no listing', async () => {
    const landed = answer(200, pageOf(FRIDAY), {}, dayUrl(FRIDAY));
    expect(await listingFromAnswer(SATURDAY, landed, noApi())).toEqual({
      kind: 'no-listing',
      reason: 'the site redirects 2026-08-08 to 2026-08-07',
    });
  });

  it("reads a page that holds another day's listing as no listing, never as this day's papers", async () => {
    const other = answer(200, pageOf(FRIDAY), {}, dayUrl(SATURDAY));
    expect(await listingFromAnswer(SATURDAY, other, noApi())).toEqual({
      kind: 'no-listing',
      reason: 'the page for 2026-08-08 shows the listing of 2026-08-07',
    });
  });

  it('reads the day of a 2024-shaped page from its `date` timestamp', async () => {
    const html = pageOf('2024-07-15', 'normal', fixtureItems('2024-07-15'), '2024');
    expect(html).toContain('&quot;date&quot;:&quot;2024-07-15T00:00:00.000Z&quot;');
    expect(html).not.toContain('dateString');
    expect(await listingFromAnswer('2024-07-16', answer(200, html, {}, dayUrl('2024-07-16')), noApi())).toEqual({
      kind: 'no-listing',
      reason: 'the page for 2024-07-16 shows the listing of 2024-07-15',
    });
    const right = await listingFromAnswer('2024-07-15', answer(200, html, {}, dayUrl('2024-07-15')), noApi());
    expect(right).toMatchObject({ kind: 'listing', problems: [] });
  });

  it('checks a page that names no day by its URL alone, and says so: the day is partial', async () => {
    const html = pageOf(FRIDAY).replace('&quot;dateString&quot;:&quot;2026-08-07&quot;,', '');
    const listing = await listingFromAnswer(FRIDAY, answer(200, html, {}, dayUrl(FRIDAY)), noApi());
    expect(listing).toMatchObject({ kind: 'listing', problems: [NO_DAY_KEY] });
    expect(NO_DAY_KEY).toBe(
      'the page names no day (no dateString or date in its DailyPapers data): checked by its URL alone',
    );
  });

  it('never files a page that came from another host (a browser that followed a redirect off the site)', async () => {
    const away = answer(200, pageOf(FRIDAY), {}, `https://mirror.example/papers/date/${FRIDAY}`);
    const error = await listingFromAnswer(FRIDAY, away, noApi()).catch((e) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({
      retryable: false,
      message: `${dayUrl(FRIDAY)}: the page came from mirror.example, which is not the site: not filed`,
    });
    // Another name of the site is the site.
    const www = answer(200, pageOf(FRIDAY), {}, `https://www.huggingface.co/papers/date/${FRIDAY}`);
    expect(await listingFromAnswer(FRIDAY, www, noApi())).toMatchObject({
      kind: 'listing',
      source: `https://www.huggingface.co/papers/date/${FRIDAY}`,
    });
  });

  it('reads a browser that landed on a page of the site that is no day as no listing', async () => {
    const landed = answer(200, pageOf(FRIDAY), {}, `${BASE}/papers/trending`);
    expect(await listingFromAnswer(SATURDAY, landed, noApi())).toEqual({
      kind: 'no-listing',
      reason: 'the site redirects 2026-08-08 to /papers/trending',
    });
  });
});

describe('redirects the client did not follow', () => {
  const fails = async (location: string, message: string) => {
    const error = await listingFromAnswer(SATURDAY, answer(301, '', { location }), noApi()).catch((e) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ retryable: false, message });
  };

  it('fails the day for a redirect off the site, even to the same day', async () => {
    await fails(
      'https://mirror.example/papers/date/2026-08-08',
      `${dayUrl(SATURDAY)}: the site redirects 2026-08-08 to https://mirror.example/papers/date/2026-08-08, off the site: not followed`,
    );
  });

  it('fails the day for a redirect to itself, and for one down from https to http', async () => {
    await fails(dayUrl(SATURDAY), `${dayUrl(SATURDAY)}: the site redirects the page to itself`);
    await fails(
      'http://huggingface.co/papers/date/2026-08-08',
      `${dayUrl(SATURDAY)}: the site redirects 2026-08-08 to http://huggingface.co/papers/date/2026-08-08 (from https to http): not followed`,
    );
  });

  it('reads a redirect to another day in the 2024 form (/papers?date=D) as no listing', async () => {
    expect(
      await listingFromAnswer(SATURDAY, answer(302, '', { location: '/papers?date=2026-08-07' }), noApi()),
    ).toEqual({
      kind: 'no-listing',
      reason: 'the site redirects 2026-08-08 to 2026-08-07',
    });
  });
});

describe('statuses', () => {
  it('makes 202 the browser check, which a browser can pass: retryable', async () => {
    const error = await listingFromAnswer(SATURDAY, answer(202, '<html></html>'), noApi()).catch((e) => e);
    expect(error).toBeInstanceOf(ChallengeError);
    expect(error).toMatchObject({
      retryable: true,
      status: 202,
      message: `${dayUrl(SATURDAY)}: the site answered with its browser check (HTTP 202)`,
    });
  });

  it('makes 429 and 5xx retryable (with Retry-After), and 404 not', async () => {
    const e429 = await listingFromAnswer(SATURDAY, answer(429, '', { 'retry-after': '30' }), noApi()).catch((e) => e);
    expect(e429).toBeInstanceOf(FetchError);
    expect(e429).toMatchObject({ retryable: true, status: 429, retryAfterMs: 30_000 });
    for (const status of [500, 502, 503]) {
      const e = await listingFromAnswer(SATURDAY, answer(status), noApi()).catch((x) => x);
      expect(e).toBeInstanceOf(FetchError);
      expect(e).toMatchObject({ retryable: true, status, message: `${dayUrl(SATURDAY)}: HTTP ${status}` });
    }
    expect(await listingFromAnswer(SATURDAY, answer(404), noApi()).catch((e) => e)).toMatchObject({
      retryable: false,
      message: `${dayUrl(SATURDAY)}: HTTP 404`,
    });
  });

  it('lets a page cut off before </html> through as truncated (the crawl retries it)', async () => {
    const html = pageOf(FRIDAY);
    const cut = answer(200, html.slice(0, html.length / 2), {}, dayUrl(FRIDAY));
    await expect(listingFromAnswer(FRIDAY, cut, noApi())).rejects.toBeInstanceOf(TruncatedPageError);
  });
});

describe('the listing', () => {
  it('refuses a listing of more papers than any day holds: implausible, not retried', async () => {
    const many = Array.from({ length: 501 }, (_, i) => ({
      paper: { id: `2608.${10000 + i}`, title: `Paper ${i}`, authors: [], upvotes: 1 },
      numComments: 0,
    }));
    const error = await listingFromAnswer(
      FRIDAY,
      answer(200, pageOf(FRIDAY, 'normal', many), {}, dayUrl(FRIDAY)),
      noApi(),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(ImplausibleListingError);
    expect(error).toMatchObject({
      retryable: false,
      message: `${dayUrl(FRIDAY)}: the page lists 501 papers, more than any day could (500): implausible, not filed`,
    });
    const five = await listingFromAnswer(
      FRIDAY,
      answer(200, pageOf(FRIDAY, 'normal', many.slice(0, 500)), {}, dayUrl(FRIDAY)),
      noApi(),
    );
    expect(five).toMatchObject({ kind: 'listing' });
  });

  it('takes the embedded items as they are, with no API call', async () => {
    const listing = await listingFromAnswer(FRIDAY, answer(200, pageOf(FRIDAY), {}, dayUrl(FRIDAY)), noApi());
    expect(listing).toEqual({
      kind: 'listing',
      items: fixtureItems(FRIDAY).map((i) => ({ ...i, upvoted: false })),
      problems: [],
      source: dayUrl(FRIDAY),
    });
  });

  it('builds a complete day from the cards and the paper API, paced', async () => {
    const items = fixtureItems(FRIDAY);
    const { clock, calls, ctx, signal } = paperApi(items);
    const page = answer(200, pageOf(FRIDAY, 'no-embedded-json'), {}, dayUrl(FRIDAY));
    const listing = await clock.run(listingFromAnswer(FRIDAY, page, ctx));
    if (listing.kind !== 'listing') throw new Error(listing.kind);
    // Complete, but the page named no day: only its URL vouches for it.
    expect(listing.problems).toEqual([NO_DAY_KEY, BUILT_FROM_CARDS]);
    expect(listing.source).toBe(dayUrl(FRIDAY));
    expect(calls.map((c) => c.url)).toEqual(items.map((i) => `${BASE}/api/papers/${i.paper.id}`));
    expect(calls[0]?.options).toEqual({ signal, timeoutMs: 1234, accept: 'application/json' });
    expect(calls.map((c) => c.at)).toEqual(items.map((_, i) => i * 600));
    for (const [i, built] of (listing.items as Record<string, any>[]).entries()) {
      const item = items[i]!;
      expect(built['paper']).toEqual({ ...item.paper, upvotes: item.paper.upvotes });
      expect(built['numComments']).toBe(item.numComments);
      expect(built['thumbnail']).toBe(item.thumbnail);
      expect(built['submittedBy']).toEqual({ name: item.submittedBy.name, fullname: item.submittedBy.fullname });
      if (item.organization) {
        expect(built['organization']).toEqual({ name: item.organization.name, fullname: item.organization.fullname });
      }
    }
  });

  it('says when the cards and the API give no display name for the submitters (2024 papers)', async () => {
    const date = '2024-10-10';
    const items = fixtureItems(date);
    const { clock, ctx } = paperApi(items);
    const page = answer(200, pageOf(date, 'no-embedded-json'), {}, dayUrl(date));
    const listing = await clock.run(listingFromAnswer(date, page, ctx));
    if (listing.kind !== 'listing') throw new Error(listing.kind);
    expect(listing.problems).toEqual([
      NO_DAY_KEY,
      BUILT_FROM_CARDS,
      `submitters' display names unknown for ${items.length} of ${items.length} papers: their account names stand in`,
    ]);
    expect((listing.items as Record<string, any>[]).map((i) => i['submittedBy'])).toEqual(
      items.map((i) => ({ name: i.submittedBy.name })),
    );
  });

  it('names the papers it could not fill and makes the day partial', async () => {
    const items = fixtureItems(FRIDAY);
    items[3]!.paper.id = 'not-an-arxiv-id';
    const [a, b, c] = items.slice(0, 3).map((i) => i.paper.id) as [string, string, string];
    const { clock, calls, ctx } = paperApi(items, {
      [a]: { status: 500, text: 'oops' },
      [b]: { status: 200, text: 'null' },
      [c]: { status: 404, text: '{"error":"Paper not found"}' },
    });
    const page = answer(200, pageOf(FRIDAY, 'no-embedded-json', items), {}, dayUrl(FRIDAY));
    const listing = await clock.run(listingFromAnswer(FRIDAY, page, ctx));
    if (listing.kind !== 'listing') throw new Error(listing.kind);
    expect(listing.problems).toEqual([
      NO_DAY_KEY,
      BUILT_FROM_CARDS,
      `abstract, authors and links missing for 4 of 20 papers: ${a} (HTTP 500), ${b} (not a paper (not an object)), ${c} (HTTP 404), not-an-arxiv-id (not an arXiv id)`,
      // Their display names came from the paper API too.
      `submitters' display names unknown for 4 of 20 papers: their account names stand in`,
    ]);
    // An id that is not an arXiv id never goes into a URL.
    expect(calls).toHaveLength(19);
    expect(calls.some((call) => call.url.includes('not-an-arxiv-id'))).toBe(false);
    // What the cards say is kept for the papers the API could not fill.
    expect((listing.items as Record<string, any>[])[0]!['paper']).toEqual({
      authors: [],
      summary: '',
      id: a,
      title: items[0]!.paper.title,
      upvotes: items[0]!.paper.upvotes,
    });
  });

  it('holds the paper lookups while the API says its window is used up', async () => {
    const items = fixtureItems(FRIDAY).slice(0, 3);
    const first = items[0]!.paper.id as string;
    const { clock, calls, ctx } = paperApi(items, {
      [first]: { status: 200, text: JSON.stringify(items[0]!.paper), headers: { ratelimit: '"api";r=0;t=30' } },
    });
    const page = answer(200, pageOf(FRIDAY, 'no-embedded-json', items), {}, dayUrl(FRIDAY));
    await clock.run(listingFromAnswer(FRIDAY, page, ctx));
    expect(calls.map((c) => c.at)).toEqual([0, 30_000, 30_600]);
  });
});
