// A day's listing page (/papers/date/YYYY-MM-DD). The `DailyPapers` island's props are what a
// scraper should read; the cards inside it are server-rendered from the same items with only part
// of their fields, wrapped in the kind of Tailwind noise that has broken scrapers before.
import { isoWeek, shortDate } from './calendar.ts';
import { escapeAttr, escapeText, island, localImage, page } from './html.ts';
import { type CardView, cardView, type Person } from './items.ts';

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
};

const UPVOTE_ICON =
  '<svg class="text-sm" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" fill="currentColor" focusable="false" role="img" width="1em" height="1em" preserveAspectRatio="xMidYMid meet" viewBox="0 0 12 12"><path fill="currentColor" d="M5.19 2.67a.94.94 0 0 1 1.62 0l3.31 5.72a.94.94 0 0 1-.82 1.4H2.7a.94.94 0 0 1-.82-1.4l3.31-5.7v-.02Z"></path></svg>';
const COMMENT_ICON =
  '<svg class="mr-1" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" focusable="false" role="img" width="1em" height="1em" preserveAspectRatio="xMidYMid meet" viewBox="0 0 32 32"><path d="M17.74 30L16 29l4-7h6a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h9v2H6a4 4 0 0 1-4-4V8a4 4 0 0 1 4-4h20a4 4 0 0 1 4 4v12a4 4 0 0 1-4 4h-4.84z" fill="currentColor"></path><path d="M8 10h16v2H8zm0 6h10v2H8z" fill="currentColor"></path></svg>';

const AVATAR_PLACEHOLDER = '/front/assets/avatars/placeholder.png';

function paperHref(id: string): string {
  return `/papers/${id}`;
}

function authorsBlock(card: CardView): string {
  const shown = card.authors.slice(0, 5);
  const lis = shown
    .map(
      (a: Person) =>
        `<li class="-mr-2 h-4 w-4 md:h-5 md:w-5 bg-linear-to-br block flex-none rounded-full border-2 border-white from-gray-300 to-gray-100 dark:border-gray-900 dark:from-gray-600 dark:to-gray-800" title="${escapeAttr(a.name)}">` +
        `<img class="overflow-hidden rounded-full" alt="" src="${escapeAttr(localImage(a.avatarUrl, AVATAR_PLACEHOLDER))}" loading="lazy"></li>`,
    )
    .reverse()
    .join('');
  const n = card.authors.length;
  return (
    `<a href="${escapeAttr(paperHref(card.id))}" class="flex items-center">` +
    `<ul class="flex flex-row-reverse items-center text-sm">${lis}</ul>` +
    `<div class="ml-3 whitespace-nowrap text-sm text-gray-500">· ${n} ${n === 1 ? 'author' : 'authors'}</div></a>`
  );
}

function orgBlock(card: CardView): string {
  const org = card.organization!;
  return (
    `<a href="/${escapeAttr(org.name)}" class="flex min-w-0 items-center gap-1.5 rounded-md py-0.5 text-sm text-gray-700 hover:underline dark:text-gray-300">` +
    `<img alt="" class="size-4 flex-none rounded-sm" src="${escapeAttr(localImage(org.avatar, '/front/assets/avatars/org-placeholder.png'))}" loading="lazy">` +
    `<span class="truncate">${escapeText(org.fullname)}</span></a>`
  );
}

export function renderCard(card: CardView, date: string): string {
  const href = escapeAttr(paperHref(card.id));
  const login = `/login?next=${encodeURIComponent(`/papers/date/${date}`)}`;
  const submitter = card.submitter
    ? `<div class="flex min-w-0 items-center gap-1.5">` +
      `<img alt="" class="size-4 flex-none rounded-full" src="${escapeAttr(localImage(card.submitter.avatarUrl, AVATAR_PLACEHOLDER))}" loading="lazy">` +
      `<div class="truncate text-xs text-gray-400">Submitted by<span class="ml-1 font-medium text-gray-600 dark:text-gray-300">${escapeText(card.submitter.name)}</span></div></div>`
    : '<div></div>';
  return (
    `<article class="relative flex flex-col overflow-hidden rounded-xl border border-gray-200 bg-white shadow-xs dark:border-gray-800 dark:bg-gray-950">` +
    `<a href="${href}" class="group relative block h-52 w-full overflow-hidden border-b border-gray-100 md:h-60 dark:border-gray-800" tabindex="-1" aria-hidden="true">` +
    `<img src="/thumbnails/${escapeAttr(encodeURIComponent(card.id))}.png" loading="lazy" decoding="async" alt="" class="h-full w-full object-cover object-top opacity-90 transition-opacity group-hover:opacity-100"></a>` +
    `<div class="flex flex-1 flex-col gap-2 p-3 md:p-4"><div class="flex items-start gap-3">` +
    `<div class="shadow-alternate-sm flex h-14 w-12 flex-none flex-col items-center justify-center overflow-hidden rounded-xl border border-gray-200 bg-white text-sm dark:border-gray-800 dark:bg-gray-900">` +
    `<a href="${escapeAttr(login)}" class="flex h-full w-full flex-col items-center justify-center gap-0.5 text-gray-400 hover:text-orange-500" title="Upvote">${UPVOTE_ICON}` +
    `<div class="leading-none">${card.upvotes > 0 ? card.upvotes : '-'}</div></a></div>` +
    `<div class="min-w-0 flex-1">` +
    `<h3 class="mb-1 text-lg/6 font-semibold text-balance hover:underline md:text-[1.3rem]/7"><a href="${href}" class="line-clamp-3 cursor-pointer">${escapeText(card.title)}</a></h3>` +
    `<div class="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-gray-500">${card.organization ? orgBlock(card) : authorsBlock(card)}</div>` +
    `</div></div>` +
    `<div class="mt-auto flex items-center justify-between gap-2 text-sm text-gray-500">${submitter}` +
    `<a href="${href}#community" class="flex items-center rounded-md border border-gray-200 px-1.5 py-0.5 hover:text-gray-700 dark:border-gray-800">${COMMENT_ICON}<span>${card.comments}</span></a>` +
    `</div></div></article>`
  );
}

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

function dayNav(date: string, prevDate: string | null, nextDate: string | null): string {
  const btn = 'btn inline-flex items-center gap-1 rounded-lg border border-gray-200 px-2.5 py-1 text-sm';
  const link = (label: string, to: string | null, rel: string) =>
    to
      ? `<a href="/papers/date/${to}" class="${btn} hover:bg-gray-50" rel="${rel}">${label}</a>`
      : `<span class="${btn} cursor-not-allowed opacity-50">${label}</span>`;
  return (
    `<div class="flex items-center gap-2">${link('← Previous', prevDate, 'prev')}` +
    `<time datetime="${date}" class="px-2 font-semibold">${shortDate(date)}</time>` +
    `${link('Next →', nextDate, 'next')}</div>`
  );
}

function heading(input: ListingInput): string {
  return (
    `<div class="mb-8 flex flex-wrap items-center justify-between gap-4">` +
    `<div><h1 class="text-2xl font-bold md:text-3xl">Daily Papers</h1>` +
    `<p class="text-gray-500">by <a href="/akhaliq" class="underline">AK</a> and the research community</p></div>` +
    `${periodNav(input.date, input.trending === true)}${dayNav(input.date, input.prevDate, input.nextDate)}</div>`
  );
}

export function listingProps(input: ListingInput): Record<string, unknown> {
  return {
    dateString: input.date,
    // `upvoted` is about the visitor; an anonymous one has upvoted nothing.
    dailyPapers: input.items.map((item) => ({ ...(item as object), upvoted: false })),
    prevDate: input.prevDate,
    periodType: 'day',
    query: {},
    isTrending: input.trending === true,
    canSubmit: false,
    authLight: null,
    publisher: null,
  };
}

export function renderListingPage(input: ListingInput): string {
  // Part of the DailyPapers component, not an island of its own: islands are never nested.
  const searchBar =
    `<div class="relative mt-2 max-w-md"><input type="search" class="form-input w-full rounded-full pl-8" ` +
    `placeholder="Search any paper&#39;s title, abstract or arXiv id" autocomplete="off"></div>`;
  let body: string;
  if (input.layout === 'no-data') {
    // What a redesign would look like to a scraper: a fine 200 page with none of the listing.
    body =
      `<section class="container relative pt-6 pb-16 md:pt-10">${heading(input)}${searchBar}` +
      `<div class="mt-16 text-center text-gray-500"><h2 class="text-xl font-semibold">Papers have a new home</h2>` +
      `<p>We&#39;re rebuilding this page. Explore today&#39;s research on the <a href="/papers/trending" class="underline">trending papers</a> page.</p></div></section>`;
  } else {
    const cards = input.items
      .map((item) => cardView(item))
      .filter((c): c is CardView => c !== undefined)
      .map((c) => renderCard(c, input.date))
      .join('\n');
    const inner =
      `<section class="container relative pt-6 pb-16 md:pt-10">${heading(input)}${searchBar}` +
      `<div class="relative mt-6 grid grid-cols-1 gap-5 md:grid-cols-2 xl:grid-cols-3">\n${cards}\n</div></section>`;
    body = island('DailyPapers', input.layout === 'no-embedded-json' ? undefined : listingProps(input), inner);
  }
  return page({
    title: input.trending ? 'Trending Papers - Hugging Face' : `Daily Papers - Hugging Face`,
    description: 'Your daily dose of AI research from AK',
    path: input.trending ? '/papers/trending' : `/papers/date/${input.date}`,
    bodyClass: 'DailyPapersPage',
    main: `${island('PapersBanner', { isLoggedIn: false, dismissible: true, campaign: 'papers-2026' })}\n${body}`,
  });
}
