// The archive, read once per build (read-archive.ts) and indexed (lib/archive-index.ts). Every
// page asks this module; none reads the archive itself. Loading it also publishes what each page
// shows, as keys, to the incremental build (page-keys.ts). The folder is $PAPERS_CONTENT, else
// ./content, as for the `papers` command (lib/options.ts).

import type { HistoryEntry, Ledger } from '../../scraper/archive/index.ts';
import { type ArchiveIndex, buildArchiveIndex } from '../lib/archive-index.ts';
import { buildCalendar, type CalendarYear } from '../lib/calendar.ts';
import { siteOptions } from '../lib/options.ts';
import { type SearchFacets, searchFacets } from '../lib/search-facets.ts';
import { lastUpdated } from '../lib/staleness.ts';
import { finishPageKeys, pageKeys, preparePageKeys, publishPageKeys } from './page-keys.ts';
import { archiveFingerprint, readSiteArchive } from './read-archive.ts';
import { type RelatedLists, relatedFor } from './related-channel.ts';

export type SiteData = ArchiveIndex & {
  ledger: Ledger;
  /** Each day's history of votes, by date (scraper/archive/history.ts). */
  histories: ReadonlyMap<string, readonly HistoryEntry[]>;
  calendar: CalendarYear[];
  facets: SearchFacets;
  /** When the archive last changed (ISO time, from the ledger: lib/staleness.ts), or null. */
  updatedAt: string | null;
  /**
   * Each paper's related papers, nearest first (lib/related.ts): seconds of work on the full
   * archive, done by the build's archive thread while the site is bundled (related-channel.ts).
   */
  related: RelatedLists;
};

async function load(contentDir: string): Promise<SiteData> {
  const { days, ledger, histories } = await readSiteArchive(contentDir);
  const index = buildArchiveIndex(days);
  const calendar = buildCalendar(
    index.days.map((d) => ({ date: d.date, status: d.status, papers: d.papers.length })),
    ledger,
  );
  const coming = relatedFor([...index.papers.values()].map((e) => e.paper));
  // A build keys its pages (page-keys.ts): most of that while its archive thread makes the related
  // papers, the rest once they are here. The dev server never asks.
  const prepared = import.meta.env.DEV ? null : preparePageKeys(index, { ledger, calendar, histories });
  const related = await coming;
  let keys: Map<string, string> | undefined;
  publishPageKeys(
    () =>
      (keys ??= prepared
        ? finishPageKeys(prepared, index, related)
        : pageKeys(index, { ledger, calendar, histories, related })),
  );
  const updatedAt = lastUpdated(Object.values(ledger.days), index.days);
  return { ...index, ledger, histories, calendar, facets: searchFacets(index), updatedAt, related };
}

let loaded: { data: Promise<SiteData>; fingerprint: string | null } | undefined;

export async function siteData(): Promise<SiteData> {
  const { contentDir } = siteOptions();
  // The dev server lives on while the archive changes under it: it reads again when a file did.
  const fingerprint = import.meta.env.DEV ? await archiveFingerprint(contentDir) : null;
  if (!loaded || loaded.fingerprint !== fingerprint) loaded = { data: load(contentDir), fingerprint };
  return loaded.data;
}
