// The archive, loaded from the content collections once per build and indexed (see
// lib/archive-index.ts). Every page asks this module; none walks the collection itself.
import { getCollection } from 'astro:content';
import type { Ledger } from '../../scraper/archive/index.ts';
import { type ArchiveIndex, buildArchiveIndex } from '../lib/archive-index.ts';
import { buildCalendar, type CalendarYear } from '../lib/calendar.ts';
import { type SearchFacets, searchFacets } from '../lib/search-facets.ts';
import { lastUpdated } from '../lib/staleness.ts';

export type SiteData = ArchiveIndex & {
  ledger: Ledger;
  calendar: CalendarYear[];
  facets: SearchFacets;
  /** When the archive last changed (ISO time, from the ledger: lib/staleness.ts), or null. */
  updatedAt: string | null;
};

let loaded: Promise<SiteData> | undefined;

async function load(): Promise<SiteData> {
  const [dayEntries, ledgerEntries] = await Promise.all([getCollection('days'), getCollection('ledger')]);
  const index = buildArchiveIndex(dayEntries.map((e) => e.data));
  const ledger: Ledger = { format: 1, days: Object.fromEntries(ledgerEntries.map((e) => [e.id, e.data])) };
  const calendar = buildCalendar(
    index.days.map((d) => ({ date: d.date, status: d.status, papers: d.papers.length })),
    ledger,
  );
  const updatedAt = lastUpdated(
    Object.values(ledger.days),
    index.days.map((d) => d.fetchedAt),
  );
  return { ...index, ledger, calendar, facets: searchFacets(index), updatedAt };
}

export function siteData(): Promise<SiteData> {
  loaded ??= load();
  return loaded;
}
