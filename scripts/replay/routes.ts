// Which answer each URL gets when nothing goes wrong: the site as it behaves on a good day.

import { type Answer, errorAnswer, htmlAnswer, jsonAnswer, notFoundPage, redirectAnswer } from './answer.ts';
import { dailyPapersAnswer, paperApiAnswer } from './api.ts';
import { assetAnswer, isAssetPath } from './assets.ts';
import { isDate } from './calendar.ts';
import { listingTarget, newestDay, nextDay, previousDay, type Site } from './days.ts';
import { type FaultConfig, layoutFor, type RequestClass, servedDay } from './faults.ts';
import { renderListingPage } from './listing-page.ts';
import { renderPaperMarkdown, renderPaperPage } from './paper-page.ts';
import { challengeScript, type Waf } from './waf.ts';

const LISTING = /^\/papers\/date\/([^/]+)\/?$/;
const PAPER = /^\/papers\/([^/]+?)(\.md)?\/?$/;
const PAPER_API = /^\/api\/papers\/([^/]+)\/?$/;

export function classify(pathname: string): RequestClass {
  if (pathname === '/api' || pathname.startsWith('/api/')) return 'api';
  return isAssetPath(pathname) ? 'asset' : 'page';
}

/** The listing day a request is about, if it names one (for down days). */
export function requestDate(url: URL): string | null {
  if (url.pathname === '/api/daily_papers') return url.searchParams.get('date');
  const m = LISTING.exec(url.pathname);
  return m ? m[1]! : null;
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The page for `asked`: the listing of that day, or of the day `wrongDayPages` serves in its place. */
function listingPage(site: Site, asked: string, faults: FaultConfig, trending = false): Answer {
  const date = servedDay(faults, asked);
  return htmlAnswer(
    200,
    renderListingPage({
      date,
      items: site.days.get(date) ?? [],
      prevDate: previousDay(site, date),
      nextDate: nextDay(site, date),
      layout: layoutFor(faults, asked),
      trending,
      ...(faults.pageEra ? { era: faults.pageEra } : {}),
    }),
  );
}

export function route(site: Site, url: URL, faults: FaultConfig, waf: Waf): Answer {
  const path = url.pathname;

  if (path === '/api/daily_papers') return dailyPapersAnswer(site, url);
  const paperApi = PAPER_API.exec(path);
  if (paperApi) {
    const id = decoded(paperApi[1]!);
    return id === undefined ? jsonAnswer(404, { error: 'Paper not found' }) : paperApiAnswer(site, id);
  }
  if (path.startsWith('/api/') || path === '/api') return errorAnswer(true, 404, 'Not Found');

  if (path === '/challenge.js') {
    return {
      status: 200,
      headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' },
      body: challengeScript(waf),
    };
  }
  const asset = assetAnswer(path);
  if (asset) return asset;

  const listing = LISTING.exec(path);
  if (listing) {
    const asked = listing[1]!;
    // A stale page is served at its own URL, whether or not the day has a listing.
    if (faults.wrongDayPages?.[asked] !== undefined) return listingPage(site, asked, faults);
    const target = listingTarget(site, asked);
    if (target.kind === 'page') return listingPage(site, target.date, faults);
    if (target.kind === 'redirect') return redirectAnswer(`/papers/date/${target.date}`);
    return notFoundPage();
  }
  if (path === '/papers' || path === '/papers/') {
    // 2024 pages linked days as /papers?date=D; those links now go to /papers/date/D.
    const date = url.searchParams.get('date');
    if (date !== null) return isDate(date) ? redirectAnswer(`/papers/date/${date}`) : notFoundPage();
    // On the real site this depends on the visitor (never rely on it); here, the newest day.
    const newest = newestDay(site);
    return newest ? redirectAnswer(`/papers/date/${newest}`) : notFoundPage();
  }
  if (path === '/papers/trending') {
    const newest = newestDay(site);
    return newest ? listingPage(site, newest, faults, true) : notFoundPage();
  }
  const paper = PAPER.exec(path);
  if (paper) {
    const id = decoded(paper[1]!);
    const found = id === undefined ? undefined : site.papers.get(id);
    if (!found) return notFoundPage();
    const input = { id: id!, item: found.item, date: found.date };
    return paper[2]
      ? { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: renderPaperMarkdown(input) }
      : htmlAnswer(200, renderPaperPage(input));
  }
  return notFoundPage();
}
