// What the stats page (pages/stats.astro) and its CSV files show, computed once from the
// archive's index: papers per ISO week, upvotes and code per month, the top organizations and
// keywords per quarter, and the keywords new in the newest month. Every paper counts once, in
// the period of the day it was first featured, with its newest record (its latest upvotes, its
// code link, its keywords). Everything is counted back from the archive's newest day, never the
// build's clock, so a copy built later reads the same. One pass over the papers, about 150 ms on
// the full corpus (11,894 papers; most of it the 54,000 keywords). Pure: the archive index in, numbers out.
import { addDays, isoWeek, isoWeekDates } from '../../scraper/archive/index.ts';
import type { ArchiveIndex } from './archive-index.ts';
import { buildOrganizations, type Organizations } from './organizations.ts';
import { countKeywords } from './stats-keywords.ts';
import { monthsBetween, quantile, quarterDays, quarterOf, quartersBetween, weeksBetween } from './stats-periods.ts';
import { compareNames, percentOf, ranked } from './stats-rank.ts';

export const STATS = {
  /** Upvotes settle over one to two weeks: papers of the newest 14 days are still moving. */
  settleDays: 14,
  /** The organizations and keywords ranked per quarter. */
  top: 10,
  /** A keyword ranks (per quarter, or as new) only when this many papers carry it. */
  minKeywordPapers: 2,
  /**
   * Months in a row without one GitHub link among this many papers are a copy that recorded no
   * links, not papers without code: at the lowest share of any other month (30%), 50 papers
   * without one would happen once in 50 million.
   */
  unrecordedPapers: 50,
} as const;

export type WeekRow = {
  week: string;
  monday: string;
  papers: number;
  /** The days the archive holds in that week: a week of none has no count, not a count of 0. */
  days: number;
  /** The archive's range covers only part of it (its first and newest weeks, as a rule). */
  partial: boolean;
};

export type MonthRow = {
  month: string;
  papers: number;
  /** Of the papers' latest upvotes; null for a month without papers. */
  median: number | null;
  p90: number | null;
  /** False while it holds a paper of the archive's newest `settleDays` days. */
  settled: boolean;
  /** Papers with a GitHub repository link, and their share in percent (one decimal). */
  withCode: number;
  percentWithCode: number | null;
};

export type Ranked = { rank: number; papers: number; percent: number };
export type OrganizationRow = Ranked & { slug: string; name: string; handle: string | null };
export type KeywordRow = Ranked & { label: string };

export type QuarterRanking<Row> = {
  quarter: string;
  /** The quarter's days within the archive's range: partial for its first and newest. */
  from: string;
  to: string;
  /** The papers first featured in it. */
  papers: number;
  /**
   * Those that could rank: naming an organization, or carrying a keyword. Copies of the archive
   * imported from elsewhere lack both for whole months (the full corpus: organizations before
   * September 2025, keywords from June 2024 to February 2025): an empty ranking then says so.
   */
  covered: number;
  rows: Row[];
};

export type NewKeyword = { rank: number; label: string; papers: number; firstDate: string };

export type Stats = {
  /** The archive's first and newest day; null for an empty archive. */
  from: string | null;
  to: string | null;
  papers: number;
  /** The papers that name an organization on one of their listings. */
  withOrganization: number;
  /** The first day whose papers' upvotes are still moving (the newest `settleDays` days). */
  settleFrom: string | null;
  weeks: WeekRow[];
  months: MonthRow[];
  /** Runs of months whose papers have no GitHub link at all, too many to be chance (`unrecordedPapers`). */
  codeUnrecorded: { from: string; to: string; papers: number }[];
  /** Newest quarter first. */
  organizations: QuarterRanking<OrganizationRow>[];
  keywords: QuarterRanking<KeywordRow>[];
  /** The keywords whose first paper is of the newest month, the most carried first. */
  newKeywords: { month: string | null; from: string | null; rows: NewKeyword[] };
};

const bump = <K>(map: Map<K, number>, key: K): void => {
  map.set(key, (map.get(key) ?? 0) + 1);
};

export function buildStats(
  index: Pick<ArchiveIndex, 'days' | 'papers'>,
  organizations: Organizations = buildOrganizations(index),
): Stats {
  const from = index.days[0]?.date ?? null;
  const to = index.days.at(-1)?.date ?? null;
  if (from === null || to === null) {
    return {
      from,
      to,
      papers: 0,
      withOrganization: 0,
      settleFrom: null,
      weeks: [],
      months: [],
      codeUnrecorded: [],
      organizations: [],
      keywords: [],
      newKeywords: { month: null, from: null, rows: [] },
    };
  }
  const settleFrom = addDays(to, 1 - STATS.settleDays);
  const newestMonth = to.slice(0, 7);

  // Per day, what every paper of that day shares: 815 days' weeks, not 11,894 papers'.
  const weekOfDate = new Map<string, string>();
  const weekDays = new Map<string, number>();
  for (const day of index.days) {
    const week = isoWeek(day.date);
    weekOfDate.set(day.date, week);
    bump(weekDays, week);
  }

  const weekPapers = new Map<string, number>();
  const monthVotes = new Map<string, number[]>();
  const monthCode = new Map<string, number>();
  const unsettled = new Set<string>();
  const quarterPapers = new Map<string, number>();
  const quarterKeyworded = new Map<string, number>();
  for (const entry of index.papers.values()) {
    const date = entry.firstDate;
    const month = date.slice(0, 7);
    const quarter = quarterOf(date);
    bump(weekPapers, weekOfDate.get(date) ?? isoWeek(date));
    const votes = monthVotes.get(month) ?? [];
    monthVotes.set(month, votes);
    votes.push(entry.paper.upvotes);
    if (entry.paper.githubRepo !== null) bump(monthCode, month);
    if (date >= settleFrom) unsettled.add(month);
    bump(quarterPapers, quarter);
    if (entry.paper.aiKeywords.some((k) => k.trim() !== '')) bump(quarterKeyworded, quarter);
  }
  const keywords = countKeywords(index.papers.values(), STATS.minKeywordPapers);

  const weeks = weeksBetween(from, to).map((week): WeekRow => {
    const dates = isoWeekDates(week);
    return {
      week,
      monday: dates[0]!,
      papers: weekPapers.get(week) ?? 0,
      days: weekDays.get(week) ?? 0,
      partial: dates[0]! < from || dates[6]! > to,
    };
  });

  const months = monthsBetween(from, to).map((month): MonthRow => {
    const votes = (monthVotes.get(month) ?? []).sort((a, b) => a - b);
    const withCode = monthCode.get(month) ?? 0;
    return {
      month,
      papers: votes.length,
      median: quantile(votes, 0.5),
      p90: quantile(votes, 0.9),
      settled: !unsettled.has(month),
      withCode,
      percentWithCode: votes.length > 0 ? percentOf(withCode, votes.length) : null,
    };
  });

  // Dates are strings: the archive's range clips a period's first and last day.
  const within = (date: string): string => (date < from ? from : date > to ? to : date);
  const quarters = quartersBetween(from, to).reverse();
  const period = (quarter: string) => {
    const { first, last } = quarterDays(quarter);
    return {
      quarter,
      from: within(first),
      to: within(last),
      papers: quarterPapers.get(quarter) ?? 0,
    };
  };

  const orgCounts = new Map<string, Map<string, number>>();
  const bySlug = new Map(organizations.list.map((o) => [o.slug, o]));
  const named = new Set<string>();
  const quarterNamed = new Map<string, number>();
  for (const org of organizations.list) {
    for (const e of org.papers) {
      const quarter = quarterOf(e.firstDate);
      if (!named.has(e.id)) bump(quarterNamed, quarter);
      named.add(e.id);
      const counts = orgCounts.get(quarter) ?? new Map<string, number>();
      orgCounts.set(quarter, counts);
      bump(counts, org.slug);
    }
  }
  const orgName = (slug: string): string => bySlug.get(slug)!.name;
  const organizationRankings = quarters.map((quarter): QuarterRanking<OrganizationRow> => {
    const p = period(quarter);
    const rows = ranked(orgCounts.get(quarter) ?? new Map(), orgName, p.papers, STATS.top).map(({ item, ...r }) => {
      const org = bySlug.get(item)!;
      return { ...r, slug: org.slug, name: org.name, handle: org.handle };
    });
    return { ...p, covered: quarterNamed.get(quarter) ?? 0, rows };
  });

  const keywordRankings = quarters.map((quarter): QuarterRanking<KeywordRow> => {
    const p = period(quarter);
    const rows = ranked(keywords.quarters.get(quarter) ?? [], keywords.label, p.papers, STATS.top);
    const covered = quarterKeyworded.get(quarter) ?? 0;
    return { ...p, covered, rows: rows.map(({ item, ...r }) => ({ ...r, label: keywords.label(item) })) };
  });
  const newKeys = [...keywords.keywords]
    .filter(([, k]) => k.first.startsWith(newestMonth) && k.papers >= STATS.minKeywordPapers)
    .map(([key, k]) => ({ label: keywords.label(key), ...k }))
    .sort((a, b) => b.papers - a.papers || a.first.localeCompare(b.first) || compareNames(a.label, b.label));

  return {
    from,
    to,
    papers: index.papers.size,
    withOrganization: named.size,
    settleFrom,
    weeks,
    months,
    codeUnrecorded: unrecorded(months),
    organizations: organizationRankings,
    keywords: keywordRankings,
    newKeywords: {
      month: newestMonth,
      from: within(`${newestMonth}-01`),
      rows: newKeys.map((k) => ({
        rank: 1 + newKeys.findIndex((o) => o.papers === k.papers),
        label: k.label,
        papers: k.papers,
        firstDate: k.first,
      })),
    },
  };
}

function unrecorded(months: readonly MonthRow[]): Stats['codeUnrecorded'] {
  const runs: Stats['codeUnrecorded'] = [];
  let run: Stats['codeUnrecorded'][number] | null = null;
  for (const m of months) {
    // A month without papers neither breaks a run nor starts one.
    if (m.papers === 0) continue;
    if (m.withCode > 0) run = null;
    else if (run) Object.assign(run, { to: m.month, papers: run.papers + m.papers });
    else {
      run = { from: m.month, to: m.month, papers: m.papers };
      runs.push(run);
    }
  }
  return runs.filter((r) => r.papers >= STATS.unrecordedPapers);
}

const computed = new WeakMap<object, Stats>();

/**
 * The stats of an archive object, computed once however many pages ask (the page and its six
 * CSV files); `organizations` gives the ones the site has already built (lib/derived.ts).
 */
export function statsOf(index: Pick<ArchiveIndex, 'days' | 'papers'>, organizations: () => Organizations): Stats {
  let stats = computed.get(index);
  if (!stats) {
    stats = buildStats(index, organizations());
    computed.set(index, stats);
  }
  return stats;
}
