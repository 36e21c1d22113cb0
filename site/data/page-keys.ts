// What each generated page shows, as a digest: the key by which an incremental build
// (integrations/incremental-build.ts) decides that a page of the last build is still right and
// need not be rendered again. Astro already compares the page's code (every module it imports,
// its CSS and scripts) and the site's configuration; this is the other half, the archive's data
// the page reads. A key must cover everything the page shows: a page whose template starts
// reading more of the archive (a day page listing its week's best paper, say) must say so here,
// or it would be carried over stale. Too wide is only slower, never wrong; when in doubt, widen.
// A path without a key here is rendered every time, so a new route is always safe.
// Pure: the archive index in, keys out.
import { createHash } from 'node:crypto';
import { type HistoryEntry, isoWeek, isoWeekDates, type Ledger, type Paper } from '../../scraper/archive/index.ts';
import { type ArchiveIndex, adjacent, type PaperEntry } from '../lib/archive-index.ts';
import type { CalendarYear } from '../lib/calendar.ts';
import { nearestHeld, rangeDays } from '../lib/day-pages.ts';
import { keywordCounts, keywordKey } from '../lib/keywords.ts';
import { buildOrganizations } from '../lib/organizations.ts';
import { relatedPapers } from '../lib/related.ts';
import { heldAt, paperVotes } from '../lib/vote-history.ts';

/**
 * Bumped when what a key covers changes in a way the code's digest cannot see (it can see every
 * page module and this file alike: a change here already re-renders every keyed page).
 */
const KEY_VERSION = 2;

/** Every property name in `values`, at any depth, sorted. */
function propertyNames(values: Iterable<unknown>): string[] {
  const names = new Set<string>();
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      names.add(k);
      walk(x);
    }
  };
  for (const v of values) walk(v);
  return [...names].sort();
}

/**
 * JSON with object keys sorted: the same data gives the same text however it was built (parsed
 * from a day file, or assembled in another order). `names` must hold every property name in
 * `value` (JSON.stringify keeps only those, in that order); by default they are collected.
 */
export function canonicalJson(value: unknown, names: readonly string[] = propertyNames([value])): string {
  return JSON.stringify(value, names as string[]);
}

const sha = (...parts: string[]): string => {
  const hash = createHash('sha256').update(`${KEY_VERSION}`);
  for (const part of parts) hash.update('\n').update(part);
  return hash.digest('base64url');
};

/** A page's path as Astro's getStaticPaths names it: leading slash, no trailing slash. */
export function normalizePathname(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * The key of every page generated from a route with parameters, by pathname (no base, no
 * trailing slash: "/days/2026-08-07", "/days/2026-08-07.json"). Routes without parameters (home,
 * archive, search, feeds) read the whole archive and are few: they have no key and are always
 * rendered.
 */
export function pageKeys(
  index: ArchiveIndex,
  options: KeyInputs & {
    /** Each paper's related papers (lib/related.ts), as the build computed them; else computed here. */
    related?: ReadonlyMap<string, readonly string[]>;
  },
): Map<string, string> {
  const related = options.related ?? relatedPapers([...index.papers.values()].map((e) => e.paper));
  return finishPageKeys(preparePageKeys(index, options), index, related);
}

export type KeyInputs = {
  ledger: Ledger;
  calendar: readonly CalendarYear[];
  histories?: ReadonlyMap<string, readonly HistoryEntry[]>;
};

/**
 * The keys, but for what paper pages show of their related papers: the bulk of the work, which
 * the build does while its archive thread is still making those (data/archive.ts).
 */
export type PreparedKeys = {
  keys: Map<string, string>;
  /** A paper page's key before its related papers: its record, days and votes. */
  papers: Map<string, string>;
};

/** Adds each paper page's key: its prepared part and its related papers as listed. */
export function finishPageKeys(
  prepared: PreparedKeys,
  index: ArchiveIndex,
  related: ReadonlyMap<string, readonly string[]>,
): Map<string, string> {
  const keys = new Map(prepared.keys);
  // papers/[id].astro lists its related papers: each one's title, first day and upvotes (not the
  // whole record, so a neighbour's new abstract leaves it be).
  for (const [id, part] of prepared.papers) {
    const near = (related.get(id) ?? []).map((other) => {
      const e = index.papers.get(other)!;
      return `${other} ${e.firstDate} ${e.paper.upvotes} ${e.paper.title}`;
    });
    keys.set(`/papers/${id}`, sha(part, near.join('\n')));
  }
  return keys;
}

export function preparePageKeys(
  index: ArchiveIndex,
  { ledger, calendar, histories = new Map() }: KeyInputs,
): PreparedKeys {
  // Each record is serialized once: a paper's digest serves its page, its day's, its week's and
  // its month's. Native JSON.stringify with the property names sorted keeps it to a fraction of
  // a second on the full archive.
  const names = propertyNames([index.days, [...index.papers.values()]]);
  const json = (v: unknown): string => canonicalJson(v, names);
  // Which of a paper's keywords other papers share: a card shows only those as chips, and the
  // paper page links only those (lib/keywords.ts). A new day can change it for any paper.
  const counts = keywordCounts([...index.papers.values()].map((e) => e.paper));
  const shared = (keywords: readonly string[]): string =>
    keywords.map((k) => ((counts.get(keywordKey(k)) ?? 0) > 1 ? '1' : '0')).join('');
  // Where a paper's organization links: its organization's page (lib/organizations.ts). A slug
  // depends on the organization's handle alone, which the record's digest covers, but for the
  // rare clash of two hashed slugs: the slug itself is in the keys of the pages that link it.
  const organizations = buildOrganizations(index);
  const orgSlug = (paper: Paper): string => organizations.slugOf(paper.organization) ?? '-';
  const entryDigests = new Map<string, string>();
  for (const entry of index.papers.values())
    entryDigests.set(entry.id, sha('paper', json(entry), shared(entry.paper.aiKeywords), orgSlug(entry.paper)));
  const ranked = (entries: readonly PaperEntry[] | undefined): string =>
    (entries ?? []).map((e) => entryDigests.get(e.id)).join(' ');
  const pair = ({ previous, next }: { previous: string | null; next: string | null }): string => `${previous} ${next}`;

  const keys = new Map<string, string>();
  for (const day of index.days) {
    const digest = sha('day', json(day));
    // days/[date].astro: the listing, its status and problems, and the days either side.
    const chips = day.papers.map((p) => shared(p.aiKeywords)).join(' ');
    const orgs = day.papers.map(orgSlug).join(' ');
    keys.set(`/days/${day.date}`, sha(digest, pair(index.neighbours(day.date)), chips, orgs));
    // days/[date].json.ts: the day, as it is.
    keys.set(`/days/${day.date}.json`, digest);
  }
  // papers/[id].astro: the newest record, every day that featured it, its first and last day, and
  // how its upvotes moved (its chart: lib/vote-history.ts); its related papers: finishPageKeys.
  const papers = new Map<string, string>();
  for (const [id, digest] of entryDigests) {
    const entry = index.papers.get(id)!;
    const votes = paperVotes(entry, histories, heldAt(index, entry)).map((p) => `${p.at} ${p.upvotes}`);
    papers.set(id, sha(digest, votes.join(',')));
  }
  for (const week of index.weekKeys) {
    // weeks/[week].astro: its papers ranked, the weeks either side, the week's days held.
    const held = isoWeekDates(week).filter((d) => index.dayByDate.has(d));
    keys.set(
      `/weeks/${week}`,
      sha('week', ranked(index.weeks.get(week)), pair(adjacent(index.weekKeys, week)), held.join(' ')),
    );
  }
  for (const month of index.monthKeys) {
    // months/[month].astro: its papers ranked, the months either side, its number of days.
    const days = index.days.filter((d) => d.date.startsWith(month)).length;
    keys.set(
      `/months/${month}`,
      sha('month', ranked(index.months.get(month)), pair(adjacent(index.monthKeys, month)), String(days)),
    );
  }
  for (const org of organizations.list) {
    // organizations/[slug].astro: its name, former names and handle, and its papers (their count,
    // dates, the newest and the most upvoted, each shown with its details), in one order.
    keys.set(
      `/organizations/${org.slug}`,
      sha('organization', org.slug, org.handle ?? '-', org.name, org.formerNames.join('\n'), ranked(org.papers)),
    );
  }
  // days/[date].astro for a date without papers: why (its calendar entry, when it was tried)
  // and the nearest days with papers either side, with their counts, and whether its week and
  // month have pages.
  const held = index.days.map((d) => d.date);
  for (const day of rangeDays(calendar)) {
    if (index.dayByDate.has(day.date)) continue;
    const near = nearestHeld(day.date, held);
    const count = (d: string | null) => (d ? `${d}:${index.dayByDate.get(d)!.papers.length}` : '-');
    keys.set(
      `/days/${day.date}`,
      sha(
        'missing',
        json(day),
        ledger.days[day.date]?.at ?? '-',
        count(near.previous),
        count(near.next),
        String(index.weeks.has(isoWeek(day.date))),
        String(index.months.has(day.date.slice(0, 7))),
      ),
    );
    // papers/date/[date].astro: a redirect that names its date, nothing else.
    keys.set(`/papers/date/${day.date}`, sha('redirect', day.date));
  }
  for (const date of held) keys.set(`/papers/date/${date}`, sha('redirect', date));
  for (const week of index.weekKeys) keys.set(`/papers/week/${week}`, sha('redirect', week));
  for (const month of index.monthKeys) keys.set(`/papers/month/${month}`, sha('redirect', month));
  return { keys, papers };
}

/**
 * How the keys reach the build: the pages' data is loaded inside Astro's bundle of the site, the
 * incremental build's integration runs outside it, in the same process. The bundle publishes a
 * function here when it loads the archive; the integration calls it once the routes' paths are
 * known (which loads the archive). A registered symbol, because the two sides are two copies of
 * this module.
 */
const CHANNEL = Symbol.for('daily-papers-archive.page-keys');

type Channel = { [CHANNEL]?: () => Map<string, string> };

export function publishPageKeys(keys: () => Map<string, string>): void {
  (globalThis as Channel)[CHANNEL] = keys;
}

/** The keys the site's bundle published in this process, or null when it published none. */
export function publishedPageKeys(): Map<string, string> | null {
  return (globalThis as Channel)[CHANNEL]?.() ?? null;
}

/** Forgets what was published: each build of a process (the tests build several) starts clean. */
export function clearPublishedPageKeys(): void {
  delete (globalThis as Channel)[CHANNEL];
}
