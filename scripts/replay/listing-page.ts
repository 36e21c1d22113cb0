// A day's listing page (/papers/date/YYYY-MM-DD). The `DailyPapers` island's props are what a
// scraper should read; the cards inside it (cards.ts) are server-rendered from the same items with
// only part of their fields, wrapped in the kind of Tailwind noise that has broken scrapers before.
// Two eras of the page, both seen on real pages as served: 2024 (props name the day as `date`, a
// timestamp; day links are /papers?date=D; the day shows as a <time datetime>) and 2026 (props
// name it as `dateString`, with periodType, query and isTrending; links are /papers/date/D).

import { isoWeek, shortDate } from './calendar.ts';
import { type Era, renderCard } from './cards.ts';
import { island, page } from './html.ts';
import { type CardView, cardView } from './items.ts';

export type { Era } from './cards.ts';

export type Layout = 'normal' | 'no-embedded-json' | 'no-data';

export type ListingInput = {
  date: string;
  items: readonly unknown[];
  /** Previous day with papers (the props' prevDate), and the next one (the page's "next" link). */
  prevDate: string | null;
  nextDate: string | null;
  layout: Layout;
  /** /papers/trending renders the same island with isTrending. */
  trending?: boolean;
  /** Default: the era of the day's own date (eraOf). */
  era?: Era;
};

/** Days before this were served in the 2024 shape (the markup broke for scrapers in Mar 2025). */
export const ERA_2026_FROM = '2025-03-01';

export function eraOf(date: string): Era {
  return date < ERA_2026_FROM ? '2024' : '2026';
}

const dayHref = (date: string, era: Era) => (era === '2024' ? `/papers?date=${date}` : `/papers/date/${date}`);
const timestamp = (date: string | null) => (date === null ? null : `${date}T00:00:00.000Z`);

function periodNav(date: string, trending: boolean): string {
  const tab = (label: string, href: string, current: boolean) =>
    `<a href="${href}" class="rounded-lg px-2.5 py-1 ${current ? 'bg-gray-100 font-semibold text-gray-900 dark:bg-gray-800' : 'text-gray-500 hover:text-gray-700'}"${current ? ' aria-current="page"' : ''}>${label}</a>`;
  return (
    `<nav class="flex items-center gap-1 rounded-xl border border-gray-100 p-1 text-sm dark:border-gray-800" aria-label="Period">` +
    tab('Trending', '/papers/trending', trending) +
    tab('Daily', `/papers/date/${date}`, !trending) +
    tab('Weekly', `/papers/week/${isoWeek(date)}`, false) +
    tab('Monthly', `/papers/month/${date.slice(0, 7)}`, false) +
    `</nav>`
  );
}

function dayNav(input: ListingInput, era: Era): string {
  const btn = 'btn inline-flex items-center gap-1 rounded-lg border border-gray-200 px-2.5 py-1 text-sm';
  const link = (label: string, to: string | null, rel: string) =>
    to
      ? `<a href="${dayHref(to, era)}" class="${btn} hover:bg-gray-50" rel="${rel}">${label}</a>`
      : `<span class="${btn} cursor-not-allowed opacity-50">${label}</span>`;
  const day =
    era === '2024'
      ? `<time datetime="${input.date}" class="px-2 font-semibold">${shortDate(input.date)}</time>`
      : `<span class="px-2 font-semibold">${shortDate(input.date)}</span>`;
  return `<div class="flex items-center gap-2">${link('← Previous', input.prevDate, 'prev')}${day}${link('Next →', input.nextDate, 'next')}</div>`;
}

function heading(input: ListingInput, era: Era): string {
  return (
    `<div class="mb-8 flex flex-wrap items-center justify-between gap-4">` +
    `<div><h1 class="text-2xl font-bold md:text-3xl">Daily Papers</h1>` +
    `<p class="text-gray-500">by <a href="/akhaliq" class="underline">AK</a> and the research community</p></div>` +
    `${era === '2026' ? periodNav(input.date, input.trending === true) : ''}${dayNav(input, era)}</div>`
  );
}

export function listingProps(input: ListingInput): Record<string, unknown> {
  // `upvoted` is about the visitor; an anonymous one has upvoted nothing.
  const dailyPapers = input.items.map((item) => ({ ...(item as object), upvoted: false }));
  if ((input.era ?? eraOf(input.date)) === '2024') {
    return {
      canSubmit: false,
      date: timestamp(input.date),
      dailyPapers,
      nextDate: timestamp(input.nextDate),
      prevDate: timestamp(input.prevDate),
      publisher: null,
    };
  }
  return {
    canSubmit: false,
    dateString: input.date,
    dailyPapers,
    prevDate: input.prevDate,
    // The newest day has no `nextDate`; an anonymous visitor gets no `authLight`.
    ...(input.nextDate !== null ? { nextDate: input.nextDate } : {}),
    publisher: null,
    periodType: 'day',
    query: {},
    isTrending: input.trending === true,
  };
}

export function renderListingPage(input: ListingInput): string {
  const era = input.era ?? eraOf(input.date);
  // Part of the DailyPapers component, not an island of its own: islands are never nested.
  const searchBar =
    `<div class="relative mt-2 max-w-md"><input type="search" class="form-input w-full rounded-full pl-8" ` +
    `placeholder="Search any paper&#39;s title, abstract or arXiv id" autocomplete="off"></div>`;
  let body: string;
  if (input.layout === 'no-data') {
    // What a redesign would look like to a scraper: a fine 200 page with none of the listing.
    body =
      `<section class="container relative pt-6 pb-16 md:pt-10">${heading(input, era)}${searchBar}` +
      `<div class="mt-16 text-center text-gray-500"><h2 class="text-xl font-semibold">Papers have a new home</h2>` +
      `<p>We&#39;re rebuilding this page. Explore today&#39;s research on the <a href="/papers/trending" class="underline">trending papers</a> page.</p></div></section>`;
  } else {
    const cards = input.items
      .map((item) => cardView(item))
      .filter((c): c is CardView => c !== undefined)
      .map((c) => renderCard(c, input.date, era))
      .join('\n');
    const inner =
      `<section class="container relative pt-6 pb-16 md:pt-10">${heading(input, era)}${searchBar}` +
      `<div class="relative mt-6 grid grid-cols-1 gap-5 md:grid-cols-2 xl:grid-cols-3">\n${cards}\n</div></section>`;
    const props = input.layout === 'no-embedded-json' ? undefined : listingProps({ ...input, era });
    body = island('DailyPapers', props, inner);
  }
  return page({
    title: input.trending ? 'Trending Papers - Hugging Face' : `Daily Papers - Hugging Face`,
    description: 'Your daily dose of AI research from AK',
    path: input.trending ? '/papers/trending' : `/papers/date/${input.date}`,
    bodyClass: 'DailyPapersPage',
    main: `${island('PapersBanner', { isLoggedIn: false, dismissible: true, campaign: 'papers-2026' })}\n${body}`,
  });
}
