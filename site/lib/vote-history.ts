// The history of votes as the site shows it (scraper/archive/history.ts keeps it): a paper's
// upvotes over time, for its page's chart, drawn at build time as SVG with the same numbers in
// words; and the papers rising fastest, for /rising/. Pure: entries in, points, shapes and lists out.
import type { HistoryEntry } from '../../scraper/archive/index.ts';
import { type ArchiveIndex, compareByUpvotes, type PaperEntry } from './archive-index.ts';

export type VotePoint = { at: string; upvotes: number };
type Histories = ReadonlyMap<string, readonly HistoryEntry[]>;

const DAY_MS = 86_400_000;
const dayStart = (date: string): number => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
const addDaysTo = (date: string, n: number): string => new Date(dayStart(date) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * A paper's upvotes over time, oldest first, one point a change: from the history of every day
 * that featured it (a paper featured twice has entries in each); when none (a day held before
 * histories were kept), the one count its newest record holds, at that day's fetch.
 */
export function paperVotes(entry: PaperEntry, histories: Histories, heldAt: string): VotePoint[] {
  const all = entry.featured
    .flatMap((f) => histories.get(f.date) ?? [])
    .filter((e) => e.id === entry.id)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const points: VotePoint[] = [];
  for (const e of all) if (points.at(-1)?.upvotes !== e.upvotes) points.push({ at: e.at, upvotes: e.upvotes });
  return points.length > 0 ? points : [{ at: heldAt, upvotes: entry.paper.upvotes }];
}

/** The fetch time of the newest record of a paper: its last day's. */
export function heldAt(index: Pick<ArchiveIndex, 'dayByDate'>, entry: PaperEntry): string {
  return index.dayByDate.get(entry.lastDate)?.fetchedAt ?? `${entry.lastDate}T00:00:00.000Z`;
}

/** The upvotes at time `t` (ISO): the last point at or before it; null before the first. */
export function votesAt(points: readonly VotePoint[], t: string): number | null {
  let found: number | null = null;
  for (const p of points) if (p.at <= t) found = p.upvotes;
  return found;
}

/** What the chart says in words: the first count, a week after the paper's day (once known), the last. */
export type VoteMilestones = { first: VotePoint; week: number | null; last: VotePoint };

export function milestones(points: readonly VotePoint[], day: string): VoteMilestones {
  const weekAt = `${addDaysTo(day, 8)}T00:00:00.000Z`;
  const last = points.at(-1)!;
  return { first: points[0]!, week: last.at >= weekAt ? votesAt(points, weekAt) : null, last };
}

/** The chart, in its own units: a step line (a count holds until the next fetch), a dot per fetch. */
export type VoteChart = {
  width: number;
  height: number;
  line: string;
  dots: { x: number; y: number }[];
  max: number;
  /** Days from the paper's day the chart spans (a week at least). */
  days: number;
};

export function voteChart(
  points: readonly VotePoint[],
  day: string,
  { width = 280, height = 72, pad = 6 } = {},
): VoteChart {
  const t0 = dayStart(day);
  // The last fetch at the right edge, a week's span at least.
  const span = Math.max(7 * DAY_MS, Date.parse(points.at(-1)!.at) - t0);
  const days = Math.round(span / DAY_MS);
  const max = Math.max(1, ...points.map((p) => p.upvotes));
  const x = (at: string) => pad + (Math.max(0, Date.parse(at) - t0) / span) * (width - 2 * pad);
  const y = (v: number) => height - pad - (v / max) * (height - 2 * pad);
  const round = (n: number) => Math.round(n * 10) / 10;
  const dots = points.map((p) => ({ x: round(x(p.at)), y: round(y(p.upvotes)) }));
  const line = dots.map((d, i) => (i === 0 ? `M${d.x} ${d.y}` : `H${d.x} V${d.y}`)).join(' ');
  return { width, height, line, dots, max, days };
}

export type Riser = { entry: PaperEntry; gained: number; before: number; now: number };

export type Rising = {
  risers: Riser[];
  /** The days counted: the archive's last `span` days, to its newest. */
  from: string;
  to: string;
  /** The newest fetch of those days, which the gain is counted back from; null without days. */
  at: string | null;
};

/**
 * The papers of the archive's last `span` days (counted back from its newest day, so that a copy
 * built later reads the same), by upvotes gained over the `over` days before the newest fetch of
 * those days (a paper first seen within them gained all it has); then as the top lists rank.
 * Only papers that gained.
 */
export function rising(
  index: Pick<ArchiveIndex, 'days' | 'papers' | 'dayByDate'>,
  histories: Histories,
  { span = 14, over = 3, most = 20 } = {},
): Rising {
  const newest = index.days.at(-1)?.date;
  if (!newest) return { risers: [], from: '', to: '', at: null };
  const from = addDaysTo(newest, 1 - span);
  const days = index.days.filter((d) => d.date >= from);
  let at = days[0]!.fetchedAt;
  for (const d of days) {
    if (d.fetchedAt > at) at = d.fetchedAt;
    for (const e of histories.get(d.date) ?? []) if (e.at > at) at = e.at;
  }
  const since = new Date(Date.parse(at) - over * DAY_MS).toISOString();
  const ids = new Set(days.flatMap((d) => d.papers.map((p) => p.id)));
  const risers: Riser[] = [];
  for (const id of ids) {
    const entry = index.papers.get(id);
    if (!entry) continue;
    const points = paperVotes(entry, histories, heldAt(index, entry));
    const now = votesAt(points, at) ?? 0;
    const before = votesAt(points, since) ?? 0;
    if (now > before) risers.push({ entry, gained: now - before, before, now });
  }
  risers.sort((a, b) => b.gained - a.gained || compareByUpvotes(a.entry, b.entry));
  return { risers: risers.slice(0, most), from, to: newest, at };
}

/** The most upvoted papers first featured in the archive's last `span` days (from its newest day). */
export function recentTop(index: Pick<ArchiveIndex, 'days' | 'papers'>, span: number, most = 10): PaperEntry[] {
  const newest = index.days.at(-1)?.date;
  if (!newest) return [];
  const from = addDaysTo(newest, 1 - span);
  return [...index.papers.values()]
    .filter((e) => e.firstDate >= from)
    .sort(compareByUpvotes)
    .slice(0, most);
}
