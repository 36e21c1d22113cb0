// Every feed of the site, with its items: what the feed files, the OPML list, the /feeds/ page and
// the pages' <link rel="alternate"> all read, so they name the same feeds. A feed exists only when
// it has items: an organization with fewer than 3 papers, a keyword of fewer than 5, a mark no
// paper passed, an archive without an ended week have none (never an empty feed). Keywords are
// compared as the search's keyword filter compares them (case, runs of spaces and accents
// folded: lib/stats-keywords.ts), so a keyword's feed holds the papers its search link finds.
// Pure: the archive index in, feeds out.
import type { HistoryEntry } from '../../scraper/archive/index.ts';
import type { ArchiveIndex, PaperEntry } from './archive-index.ts';
import {
  groupItems,
  historiesById,
  MAX_MONTH_ITEMS,
  MAX_WEEK_ITEMS,
  milestoneItems,
  monthItems,
  UPVOTE_MARKS,
  weekItems,
} from './feed-items.ts';
import { dayItems, type FeedItem, MAX_DAY_ITEMS, paperItems } from './feeds.ts';
import { buildOrganizations, DEVICE, organizationSlugs } from './organizations.ts';
import type { SitePaths } from './paths.ts';
import { statsKeywordKey } from './stats-keywords.ts';

/** The fewest papers an organization, or a keyword, needs to have a feed. */
export const MIN_ORGANIZATION_PAPERS = 3;
export const MIN_KEYWORD_PAPERS = 5;

export type FeedGroup = 'site' | 'organization' | 'keyword';

export type Feed = {
  group: FeedGroup;
  /** What the feed follows, as a list names it: "Newest papers", "NVIDIA", "world models". */
  name: string;
  /** The feed's title in a reader. */
  title: string;
  description: string;
  /** The page it follows (a site path, with its query for a keyword's search). */
  page: string;
  /** Its files, as site paths: RSS 2.0 and JSON Feed 1.1. */
  rss: string;
  json: string;
  /** How many papers it follows, for an organization or a keyword. */
  papers?: number;
  items: FeedItem[];
};

const SITE = 'Daily Papers Archive';

/** The folder every feed file but the two first ones sits in, and its two subfolders. */
export const feedPaths = (paths: SitePaths) => ({
  index: paths.feeds,
  opml: paths.asset('feeds.opml'),
  file: (name: string, ext: 'xml' | 'json'): string => paths.asset(`feeds/${name}.${ext}`),
});

/** A keyword key with letters and digits of ASCII, single spaces or hyphens between: its own slug. */
const PLAIN_KEYWORD = /^[a-z0-9]+(?:[- ][a-z0-9]+)*$/;

/**
 * Each keyword key's file name. A plain key (`world models`, `vision-language-action models`:
 * 97% of the full corpus's keywords with a feed) is its slug with its spaces as "_", as
 * Wikipedia's addresses write them (`world_models`), which keeps hyphens and spaces apart: two
 * keys never share a slug. Anything else takes the hashed slug an organization without a handle
 * takes (lib/organizations.ts: its letters and digits, "--" and 8 hex digits of a hash of the
 * key), which a plain slug never holds. Either depends on its own key alone: a feed's address
 * never moves as other keywords come and go.
 */
export function keywordSlugs(keys: Iterable<string>): Map<string, string> {
  const slugs = new Map<string, string>();
  const rest: string[] = [];
  for (const key of keys) {
    if (PLAIN_KEYWORD.test(key) && key.length <= 96 && !DEVICE.test(key)) slugs.set(key, key.replaceAll(' ', '_'));
    else rest.push(key);
  }
  const hashed = organizationSlugs(rest.map((k) => `=${k}`));
  for (const key of rest) slugs.set(key, hashed.get(`=${key}`)!);
  return slugs;
}

/** Keyword key → its papers and the spelling most of them use (the earliest of a tie). */
export function keywordGroups(papers: Iterable<PaperEntry>): Map<string, { label: string; entries: PaperEntry[] }> {
  const groups = new Map<string, { spellings: Map<string, number>; entries: PaperEntry[] }>();
  for (const entry of papers) {
    const seen = new Set<string>();
    for (const raw of entry.paper.aiKeywords) {
      const key = statsKeywordKey(raw);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      const group = groups.get(key) ?? { spellings: new Map<string, number>(), entries: [] as PaperEntry[] };
      groups.set(key, group);
      const spelling = raw.replace(/\s+/g, ' ').trim();
      group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
      group.entries.push(entry);
    }
  }
  const out = new Map<string, { label: string; entries: PaperEntry[] }>();
  for (const [key, g] of groups) {
    let label = '';
    let most = 0;
    for (const [spelling, n] of g.spellings) if (n > most) [label, most] = [spelling, n];
    out.set(key, { label, entries: g.entries });
  }
  return out;
}

/**
 * Every feed, in the order lists show them: the site's, then the organizations' (most papers
 * first, as /organizations/ lists them), then the keywords' (most papers first, then A–Z).
 * `siteUrl` makes the links inside items' text absolute.
 */
export function buildFeeds(
  index: ArchiveIndex,
  histories: ReadonlyMap<string, readonly HistoryEntry[]>,
  paths: SitePaths,
  siteUrl: string,
): Feed[] {
  const fp = feedPaths(paths);
  const site = (name: string, title: string, description: string, page: string, items: FeedItem[], rss?: string) => ({
    group: 'site' as const,
    name: title,
    title: `${SITE}: ${title.toLowerCase()}`,
    description,
    page,
    rss: rss ?? fp.file(name, 'xml'),
    json: fp.file(name, 'json'),
    items,
  });
  const byId = historiesById(histories);
  const feeds: Feed[] = [
    site(
      'papers',
      'Newest papers',
      'The newest papers featured on Hugging Face Daily Papers, whole days, newest first.',
      paths.home,
      paperItems(index.days, paths),
      paths.papersFeed,
    ),
    site(
      'days',
      'Days',
      `Each of the last ${MAX_DAY_ITEMS} days of Hugging Face Daily Papers, its papers linked.`,
      paths.asset('days/'),
      dayItems(index.days, paths, siteUrl),
      paths.daysFeed,
    ),
    site(
      'weeks',
      'Top 20 of each week',
      `The 20 most upvoted papers of each week, once it has ended (the last ${MAX_WEEK_ITEMS} weeks).`,
      paths.asset('weeks/'),
      weekItems(index, paths, siteUrl),
    ),
    site(
      'months',
      'Top 20 of each month',
      `The 20 most upvoted papers of each month, once it has ended (the last ${MAX_MONTH_ITEMS} months).`,
      paths.asset('months/'),
      monthItems(index, paths, siteUrl),
    ),
    ...UPVOTE_MARKS.map((mark) =>
      site(
        `upvotes-${mark}`,
        `Papers passing ${mark} upvotes`,
        `An item when a paper reaches ${mark} upvotes, dated when the archive first counted it there.`,
        paths.rising,
        milestoneItems(index, byId, mark, paths),
      ),
    ),
  ];
  for (const org of buildOrganizations(index).list) {
    if (org.papers.length < MIN_ORGANIZATION_PAPERS) continue;
    const name = `organizations/${org.slug}`;
    feeds.push({
      group: 'organization',
      name: org.name,
      title: `${SITE}: ${org.name}`,
      description: `The newest papers of ${org.name} on Hugging Face Daily Papers.`,
      page: paths.asset(`organizations/${org.slug}/`),
      rss: fp.file(name, 'xml'),
      json: fp.file(name, 'json'),
      papers: org.papers.length,
      items: groupItems(org.papers, paths),
    });
  }
  const groups = [...keywordGroups(index.papers.values())].filter(([, g]) => g.entries.length >= MIN_KEYWORD_PAPERS);
  groups.sort(([a, ga], [b, gb]) => gb.entries.length - ga.entries.length || (a < b ? -1 : a > b ? 1 : 0));
  const slugs = keywordSlugs(groups.map(([key]) => key));
  for (const [key, { label, entries }] of groups) {
    const name = `keywords/${slugs.get(key)}`;
    feeds.push({
      group: 'keyword',
      name: label,
      title: `${SITE}: ${label} (keyword)`,
      description: `The newest papers Hugging Face tagged “${label}” (any case or accents).`,
      page: paths.searchFor({ keyword: label }),
      rss: fp.file(name, 'xml'),
      json: fp.file(name, 'json'),
      papers: entries.length,
      items: groupItems(entries, paths),
    });
  }
  return feeds.filter((f) => f.items.length > 0);
}

const built = new WeakMap<object, WeakMap<object, Map<string, Feed[]>>>();

/**
 * buildFeeds, once per archive, history, base path and origin: every page that names feeds
 * asks (data/feeds.ts), so all but the first asking is a lookup.
 */
export function feedsOf(
  index: ArchiveIndex,
  histories: ReadonlyMap<string, readonly HistoryEntry[]>,
  paths: SitePaths,
  siteUrl: string,
): Feed[] {
  const ofIndex = built.get(index.papers) ?? new WeakMap<object, Map<string, Feed[]>>();
  built.set(index.papers, ofIndex);
  const ofHistories = ofIndex.get(histories) ?? new Map<string, Feed[]>();
  ofIndex.set(histories, ofHistories);
  const key = `${paths.base} ${siteUrl}`;
  const feeds = ofHistories.get(key) ?? buildFeeds(index, histories, paths, siteUrl);
  ofHistories.set(key, feeds);
  return feeds;
}
