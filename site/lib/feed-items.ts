// The items of the feeds that follow something (lib/feed-list.ts names the feeds): a group of
// papers (an organization's, a keyword's) newest first; the top 20 of each ended week and month;
// the papers passing an upvote mark. Everything is counted from the archive's own days, never the
// clock, so a copy built later gives the same feeds. Pure: the archive index in, items out.
import { type HistoryEntry, isoWeekDates } from '../../scraper/archive/index.ts';
import type { ArchiveIndex, PaperEntry } from './archive-index.ts';
import { dayTime, type FeedItem, htmlText, paperItem } from './feeds.ts';
import { formatDate, formatTime, monthName, plural, weekLabel } from './format.ts';
import { absoluteUrl, type SitePaths } from './paths.ts';

/** The most items of a feed of papers; whole days, as the papers feed gives them. */
export const MAX_GROUP_ITEMS = 50;
/** How many papers a week's or a month's item ranks. */
export const TOP_OF_PERIOD = 20;
/** Ended weeks and months kept: half a year of weeks, two years of months. */
export const MAX_WEEK_ITEMS = 26;
export const MAX_MONTH_ITEMS = 24;
/** The upvote marks that have a feed each, and the most items of each. */
export const UPVOTE_MARKS = [10, 50, 100] as const;
export const MAX_MILESTONE_ITEMS = 50;

/** Newest first: the day first featured, then the rank that day, then the id. */
export function compareByNewest(a: PaperEntry, b: PaperEntry): number {
  return (
    b.firstDate.localeCompare(a.firstDate) || a.featured[0]!.rank - b.featured[0]!.rank || a.id.localeCompare(b.id)
  );
}

/**
 * A group's newest papers, dated by the day each was first featured: whole days only, as many as
 * fit `max`, the newest day whole whatever its size (as the papers feed: lib/feeds.ts).
 */
export function groupItems(entries: readonly PaperEntry[], paths: SitePaths, max = MAX_GROUP_ITEMS): FeedItem[] {
  const sorted = [...entries].sort(compareByNewest);
  const items: FeedItem[] = [];
  for (let i = 0; i < sorted.length; ) {
    const date = sorted[i]!.firstDate;
    let end = i;
    while (end < sorted.length && sorted[end]!.firstDate === date) end++;
    if (items.length > 0 && items.length + (end - i) > max) break;
    for (const e of sorted.slice(i, end)) items.push(paperItem(e.paper, date, paths));
    i = end;
  }
  return items;
}

const DAY_MS = 86_400_000;
const nextDay = (date: string): string => new Date(dayTime(date).getTime() + DAY_MS).toISOString().slice(0, 10);

/** A period's ranking as HTML: each paper a link to its page (absolute), with its upvotes. */
function rankingHtml(entries: readonly PaperEntry[], paths: SitePaths, siteUrl: string, lead: string): string {
  const rows = entries.map((e) => {
    const href = htmlText(absoluteUrl(siteUrl, paths.paper(e.id)));
    return `<li><a href="${href}">${htmlText(e.paper.title)}</a> (${plural(e.paper.upvotes, 'upvote')})</li>`;
  });
  return `<p>${htmlText(lead)}</p><ol>${rows.join('')}</ol>`;
}

/** The day after a week's Sunday: the week has ended once the archive holds it or a later day. */
export const weekEnd = (week: string): string => nextDay(isoWeekDates(week)[6]!);

/** The first day of the month after `month` ("2026-07" → "2026-08-01"). */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

/** A kind of period a feed ranks: its keys, papers, end, name and page. */
type Period = {
  keys: readonly string[];
  papers: ReadonlyMap<string, readonly PaperEntry[]>;
  /** The first day after it: when it has ended, and when its item is published. */
  end: (key: string) => string;
  label: (key: string) => string;
  page: (key: string) => string;
  noun: string;
  max: number;
};

/** One item per ended period, newest first, the `max` newest: its 20 most upvoted papers, as its page ranks them. */
function periodItems(newest: string | undefined, period: Period, paths: SitePaths, siteUrl: string): FeedItem[] {
  if (!newest) return [];
  return period.keys
    .filter((key) => period.end(key) <= newest)
    .slice(-period.max)
    .reverse()
    .map((key) => {
      const papers = period.papers.get(key)!;
      const top = papers.slice(0, TOP_OF_PERIOD);
      return {
        title: `Top ${top.length} of ${period.label(key)}`,
        link: period.page(key),
        pubDate: dayTime(period.end(key)),
        description: rankingHtml(
          top,
          paths,
          siteUrl,
          `The most upvoted of the ${period.noun}’s ${plural(papers.length, 'paper')}:`,
        ),
      };
    });
}

/**
 * One item per ended week with papers, newest first: its 20 most upvoted papers, ranked as the
 * week's page ranks them, published when the week ends (the Monday after it, 00:00 UTC). A week
 * has ended when the archive's newest day is after its Sunday; the week still going has no item.
 */
export function weekItems(
  index: Pick<ArchiveIndex, 'days' | 'weeks' | 'weekKeys'>,
  paths: SitePaths,
  siteUrl: string,
): FeedItem[] {
  const period: Period = {
    keys: index.weekKeys,
    papers: index.weeks,
    end: weekEnd,
    label: weekLabel,
    page: paths.week,
    noun: 'week',
    max: MAX_WEEK_ITEMS,
  };
  return periodItems(index.days.at(-1)?.date, period, paths, siteUrl);
}

/** As weekItems, per ended month: published on the first day of the next month. */
export function monthItems(
  index: Pick<ArchiveIndex, 'days' | 'months' | 'monthKeys'>,
  paths: SitePaths,
  siteUrl: string,
): FeedItem[] {
  const period: Period = {
    keys: index.monthKeys,
    papers: index.months,
    end: monthEnd,
    label: monthName,
    page: paths.month,
    noun: 'month',
    max: MAX_MONTH_ITEMS,
  };
  return periodItems(index.days.at(-1)?.date, period, paths, siteUrl);
}

/** When a paper first reached a mark: at a fetch of the history of votes, else on a listing day. */
export type Crossing = { at: string; upvotes: number; from: 'history' | 'day' };

/** Each paper's entries of the history of votes, oldest first: one pass over the histories. */
export function historiesById(histories: ReadonlyMap<string, readonly HistoryEntry[]>): Map<string, HistoryEntry[]> {
  const byId = new Map<string, HistoryEntry[]>();
  for (const entries of histories.values()) {
    for (const e of entries) {
      const list = byId.get(e.id) ?? [];
      byId.set(e.id, list);
      list.push(e);
    }
  }
  for (const list of byId.values()) list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return byId;
}

/**
 * When `entry` first reached `mark` upvotes: the first entry of its history at or over it (its
 * time); else, when the history never shows it (none kept for its days), the first listing day
 * whose record holds that many (that day, 00:00 UTC); null while it has fewer.
 */
export function crossing(
  entry: PaperEntry,
  history: readonly HistoryEntry[],
  index: Pick<ArchiveIndex, 'dayByDate'>,
  mark: number,
): Crossing | null {
  const seen = history.find((e) => e.upvotes >= mark);
  if (seen) return { at: seen.at, upvotes: seen.upvotes, from: 'history' };
  for (const f of entry.featured) {
    const record = index.dayByDate.get(f.date)?.papers.find((p) => p.id === entry.id);
    if (record && record.upvotes >= mark)
      return { at: dayTime(f.date).toISOString(), upvotes: record.upvotes, from: 'day' };
  }
  return null;
}

/**
 * The papers that passed `mark` upvotes, the latest crossing first (then by id), at most
 * MAX_MILESTONE_ITEMS: an item each, dated when it first reached the mark (crossing).
 */
export function milestoneItems(
  index: Pick<ArchiveIndex, 'papers' | 'dayByDate'>,
  byId: ReadonlyMap<string, readonly HistoryEntry[]>,
  mark: number,
  paths: SitePaths,
): FeedItem[] {
  const crossed: { entry: PaperEntry; at: Crossing }[] = [];
  for (const entry of index.papers.values()) {
    // Cheap first: a paper whose newest count and history stay under the mark never crossed it.
    const history = byId.get(entry.id) ?? [];
    if (entry.paper.upvotes < mark && !history.some((e) => e.upvotes >= mark)) continue;
    const at = crossing(entry, history, index, mark);
    if (at) crossed.push({ entry, at });
  }
  crossed.sort((a, b) => (a.at.at < b.at.at ? 1 : a.at.at > b.at.at ? -1 : a.entry.id.localeCompare(b.entry.id)));
  return crossed.slice(0, MAX_MILESTONE_ITEMS).map(({ entry, at }) => {
    const item = paperItem(entry.paper, entry.firstDate, paths);
    const when =
      at.from === 'history'
        ? `Passed ${plural(mark, 'upvote')}: ${plural(at.upvotes, 'upvote')} at ${formatTime(at.at)}.`
        : `Passed ${plural(mark, 'upvote')} by its listing of ${formatDate(at.at)}.`;
    const featured = `Featured ${formatDate(entry.firstDate)}.`;
    return {
      ...item,
      pubDate: new Date(at.at),
      description: `<p>${htmlText(`${when} ${featured}`)}</p><p>${item.description}</p>`,
    };
  });
}
