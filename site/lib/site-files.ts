// The site's files that are data, not pages: every feed under /feeds/ as RSS 2.0 and JSON Feed
// 1.1 (lib/feed-list.ts), every day's, week's and month's papers as BibTeX, RIS and CSL-JSON
// beside their pages (lib/bulk-cite.ts), and each year's papers as JSON Lines under /data/
// (lib/papers-jsonl.ts: 28 MB on the full archive, which as routes Astro wrote twice, into the
// site and into its cache, on the pages' thread). Seven thousand files on the full archive: the
// search index's thread makes and writes them while Astro renders the pages
// (integrations/site-files-write.ts), all of them every build, rather than Astro rendering each
// as a route, which cost the main thread about 2.6 ms a file (its render, its cached copy, its
// manifest entry): 18 s of CPU of a full build for 7,084 files, taking the build past its 60 s.
// Their text is the routes' was, byte for byte: the same functions, in the same order. Pure.
import type { HistoryEntry } from '../../scraper/archive/index.ts';
import type { ArchiveIndex } from './archive-index.ts';
import { type CitePeriod, citeFilePath, citeKeys, citeRecords, periodPapers } from './bulk-cite.ts';
import { CITE_FORMATS, type CiteRecord, type EntryOf, formatCitations } from './cite-formats.ts';
import { feedsOf } from './feed-list.ts';
import { jsonFeedFile, rssFile } from './feed-render.ts';
import { dataYears, jsonlPath, papersJsonl } from './papers-jsonl.ts';
import type { SitePaths } from './paths.ts';

/** A file of the site: its path under the site's base ("feeds/weeks.xml"), and its text. */
export type SiteFile = { path: string; body: string };

const PERIODS: readonly CitePeriod[] = ['day', 'week', 'month'];

/**
 * Every feed file under /feeds/ (the papers and days feeds' RSS, /rss.xml and /days.xml, are
 * pages of their own), every citation file and every JSON Lines year, for the archive `index`, under `paths`, with
 * links made absolute against `origin` (the site's address).
 */
export function* siteFiles(
  index: ArchiveIndex,
  histories: ReadonlyMap<string, readonly HistoryEntry[]>,
  paths: SitePaths,
  origin: string,
): Generator<SiteFile> {
  const folder = `${paths.base}feeds/`;
  const under = (p: string): string | null => (p.startsWith(folder) ? p.slice(paths.base.length) : null);
  for (const feed of feedsOf(index, histories, paths, origin)) {
    const rss = under(feed.rss);
    if (rss) yield { path: rss, body: rssFile(feed, origin) };
    const json = under(feed.json);
    if (json) yield { path: json, body: jsonFeedFile(feed, origin, paths.home) };
  }
  // A paper's record is its newest wherever it is cited (bulk-cite.ts): its entries are made once.
  const memo = rememberEntries();
  for (const period of PERIODS) {
    for (const key of citeKeys(index, period)) {
      const records = citeRecords(periodPapers(index, period, key));
      for (const { format } of CITE_FORMATS)
        yield { path: citeFilePath(period, key, format), body: formatCitations(format, records, memo) };
    }
  }
  for (const year of dataYears(index)) yield { path: jsonlPath(year), body: papersJsonl(index, year) };
}

/**
 * An EntryOf that makes each entry once, by kind and id: for records that are the same whenever
 * their id is, as in one build (the full corpus's 9,216 files: 3.2 s of formatting, 2.0 s with it).
 */
export function rememberEntries(): EntryOf {
  const memo = new Map<string, string>();
  return (kind, record: CiteRecord, make) => {
    const key = `${kind} ${record.id}`;
    let entry = memo.get(key);
    if (entry === undefined) {
      entry = make(record);
      memo.set(key, entry);
    }
    return entry;
  };
}
