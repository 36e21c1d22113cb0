// One paper's card on a listing page, as the real pages had it in Aug 2024 and Sep 2026 (the
// same `<article>` class chain both times): the thumbnail (an image, or a video for papers that
// have one), then the "Submitted by" badge, which is `.leading-none` like the vote count and comes
// before the vote box, then the vote box, the title, the authors or organization and the comment
// count. 2026 cards also link to the paper from a "View paper" button and a GitHub-stars count,
// so the first link to a paper is not always the title.
import { escapeAttr, escapeText, localImage } from './html.ts';
import type { CardView, Person } from './items.ts';

/** Which year's markup and props a listing page has. */
export type Era = '2024' | '2026';

const UPVOTE_ICON =
  '<svg class="text-sm" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" fill="currentColor" focusable="false" role="img" width="1em" height="1em" preserveAspectRatio="xMidYMid meet" viewBox="0 0 12 12"><path fill="currentColor" d="M5.19 2.67a.94.94 0 0 1 1.62 0l3.31 5.72a.94.94 0 0 1-.82 1.4H2.7a.94.94 0 0 1-.82-1.4l3.31-5.7v-.02Z"></path></svg>';
const COMMENT_ICON =
  '<svg class="mr-1" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" focusable="false" role="img" width="1em" height="1em" preserveAspectRatio="xMidYMid meet" viewBox="0 0 32 32"><path d="M17.74 30L16 29l4-7h6a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h9v2H6a4 4 0 0 1-4-4V8a4 4 0 0 1 4-4h20a4 4 0 0 1 4 4v12a4 4 0 0 1-4 4h-4.84z" fill="currentColor"></path><path d="M8 10h16v2H8zm0 6h10v2H8z" fill="currentColor"></path></svg>';
const GITHUB_ICON =
  '<svg class="mr-1" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" focusable="false" role="img" width="1em" height="1em" viewBox="0 0 24 24"><path fill="currentColor" d="M12 .3a12 12 0 0 0-3.8 23.4c.6.1.8-.3.8-.6v-2c-3.3.7-4-1.6-4-1.6-.6-1.4-1.4-1.8-1.4-1.8-1-.7.1-.7.1-.7 1.2 0 1.9 1.2 1.9 1.2 1 1.8 2.8 1.3 3.5 1 0-.8.4-1.3.7-1.6-2.7-.3-5.5-1.3-5.5-6 0-1.2.5-2.3 1.3-3.1-.2-.4-.6-1.6 0-3.2 0 0 1-.3 3.4 1.2a11.5 11.5 0 0 1 6 0c2.3-1.5 3.3-1.2 3.3-1.2.6 1.6.2 2.8 0 3.2.9.8 1.3 1.9 1.3 3.2 0 4.6-2.8 5.6-5.5 5.9.5.4.9 1 .9 2.2v3.3c0 .3.1.7.8.6A12 12 0 0 0 12 .3"></path></svg>';

const AVATAR_PLACEHOLDER = '/front/assets/avatars/placeholder.png';

function paperHref(id: string): string {
  return `/papers/${id}`;
}

function authorsBlock(card: CardView): string {
  const lis = card.authors
    .slice(0, 5)
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

/**
 * The thumbnail, pointing where the item says (the site's CDN), as the real card does: a
 * scraper reads it as data. Nothing here loads it: the scraper's browser blocks images and media,
 * and a browser without network fails the load at once.
 */
function media(card: CardView): string {
  const cls = 'h-full w-full object-cover object-top opacity-90 transition-opacity group-hover:opacity-100';
  const inner = card.video
    ? `<video src="${escapeAttr(card.video)}"${card.thumbnail ? ` poster="${escapeAttr(card.thumbnail)}"` : ''} class="${cls}" muted loop playsinline preload="none"></video>`
    : card.thumbnail
      ? `<img src="${escapeAttr(card.thumbnail)}" loading="lazy" decoding="async" alt="" class="${cls}">`
      : '';
  return (
    `<a href="${escapeAttr(paperHref(card.id))}" class="group relative block h-52 w-full overflow-hidden border-b border-gray-100 md:h-60 dark:border-gray-800" tabindex="-1" aria-hidden="true">` +
    `${inner}</a>`
  );
}

function badge(card: CardView): string {
  if (!card.submitter) return '';
  // The words, whitespace, an avatar, then the account name; `leading-none` like the vote count.
  return (
    `<div class="mb-2 flex items-center gap-1.5 text-xs leading-none text-gray-500">Submitted by\n\t\t\t` +
    `<img alt="" class="size-3.5 flex-none rounded-full" src="${escapeAttr(localImage(card.submitter.avatarUrl, AVATAR_PLACEHOLDER))}" loading="lazy">` +
    `\n\t\t\t${escapeText(card.submitter.name)}</div>`
  );
}

function voteBox(card: CardView, date: string): string {
  const login = `/login?next=${encodeURIComponent(`/papers/date/${date}`)}`;
  return (
    `<div class="shadow-alternate-sm flex h-14 w-12 flex-none flex-col items-center justify-center overflow-hidden rounded-xl border border-gray-200 bg-white text-sm dark:border-gray-800 dark:bg-gray-900">` +
    `<a href="${escapeAttr(login)}" class="flex h-full w-full flex-col items-center justify-center gap-0.5 text-gray-400 hover:text-orange-500" title="Upvote">${UPVOTE_ICON}` +
    `<div class="leading-none">${card.upvotes > 0 ? card.upvotes : '-'}</div></a></div>`
  );
}

/** 2026: "View paper", and the GitHub stars when the paper has a repository, both to the paper. */
function paperLinks(card: CardView): string {
  const href = escapeAttr(paperHref(card.id));
  const stars =
    card.githubStars !== undefined
      ? `<a href="${href}" class="flex items-center rounded-md border border-gray-200 px-1.5 py-0.5 dark:border-gray-800" title="GitHub stars">${GITHUB_ICON}<span>${card.githubStars}</span></a>`
      : '';
  return `<a href="${href}" class="btn rounded-md px-2 py-0.5 text-sm">View paper</a>${stars}`;
}

export function renderCard(card: CardView, date: string, era: Era): string {
  const href = escapeAttr(paperHref(card.id));
  return (
    `<article class="relative flex flex-col overflow-hidden rounded-xl border border-gray-200 bg-white shadow-xs dark:border-gray-800 dark:bg-gray-950">` +
    media(card) +
    `<div class="flex flex-1 flex-col gap-2 p-3 md:p-4">${badge(card)}<div class="flex items-start gap-3">` +
    voteBox(card, date) +
    `<div class="min-w-0 flex-1">` +
    `<h3 class="mb-1 text-lg/6 font-semibold text-balance hover:underline md:text-[1.3rem]/7"><a href="${href}" class="line-clamp-3 cursor-pointer">${escapeText(card.title)}</a></h3>` +
    `<div class="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-gray-500">${card.organization ? orgBlock(card) : authorsBlock(card)}</div>` +
    `</div></div>` +
    `<div class="mt-auto flex items-center justify-end gap-2 text-sm text-gray-500">${era === '2026' ? paperLinks(card) : ''}` +
    `<a href="${href}#community" class="flex items-center rounded-md border border-gray-200 px-1.5 py-0.5 hover:text-gray-700 dark:border-gray-800">${COMMENT_ICON}<span>${card.comments}</span></a>` +
    `</div></div></article>`
  );
}
