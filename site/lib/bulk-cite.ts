// Citations in bulk: a day's, a week's and a month's papers as one file in each citation format
// (lib/cite-formats.ts writes them), built beside the period's page and JSON
// (/days/2026-08-07.bib, .ris, .csl.json; /weeks/2026-W32.bib…; /months/2026-08.bib…). A file
// lists its papers in a fixed order that upvotes do not move (a day's listing; a week's or month's
// papers by the day they were first featured in it, then their rank that day), each with its
// newest record (the paper page's citation), so a file changes only when its papers, their cited
// fields or that order do. Written every build by lib/site-files.ts. Pure.
import { isoWeek, type Paper } from '../../scraper/archive/index.ts';
import type { ArchiveIndex, PaperEntry } from './archive-index.ts';
import { CITE_FORMATS, type CiteFormat, type CiteRecord, citeRecord } from './cite-formats.ts';

export type CitePeriod = 'day' | 'week' | 'month';

/** The folder of each period's pages and files. */
export const PERIOD_FOLDER: Record<CitePeriod, string> = { day: 'days', week: 'weeks', month: 'months' };

/** A file's path under the site's base, "days/2026-08-07.bib". */
export function citeFilePath(period: CitePeriod, key: string, format: CiteFormat): string {
  return `${PERIOD_FOLDER[period]}/${key}${formatInfo(format).extension}`;
}

/** The name a download is saved under: "daily-papers-2026-08-07.bib". */
export function citeFileName(key: string, format: CiteFormat): string {
  return `daily-papers-${key}${formatInfo(format).extension}`;
}

export function formatInfo(format: CiteFormat): (typeof CITE_FORMATS)[number] {
  return CITE_FORMATS.find((f) => f.format === format)!;
}

/** The periods that have files, by key: the days, weeks and months with papers. */
export function citeKeys(index: Pick<ArchiveIndex, 'days' | 'weekKeys' | 'monthKeys'>, period: CitePeriod): string[] {
  if (period === 'day') return index.days.map((d) => d.date);
  return [...(period === 'week' ? index.weekKeys : index.monthKeys)];
}

/** Whether a day (YYYY-MM-DD) is in a period: its date, ISO week ("2026-W32") or month ("2026-08"). */
type InPeriod = (date: string) => boolean;

/** Entries in the order a period's file lists them: first featured in the period, then that day's rank, then id. */
export function featuredOrder(entries: readonly PaperEntry[], inPeriod: InPeriod): PaperEntry[] {
  const first = new Map(
    entries.map((e) => {
      const f = e.featured.find((x) => inPeriod(x.date)) ?? e.featured[0]!;
      return [e.id, f] as const;
    }),
  );
  return [...entries].sort((a, b) => {
    const fa = first.get(a.id)!;
    const fb = first.get(b.id)!;
    return fa.date.localeCompare(fb.date) || fa.rank - fb.rank || a.id.localeCompare(b.id);
  });
}

/** The newest record of each paper a period's file cites, in the file's order. */
export function periodPapers(
  index: Pick<ArchiveIndex, 'dayByDate' | 'papers' | 'weeks' | 'months'>,
  period: CitePeriod,
  key: string,
): Paper[] {
  if (period === 'day') {
    const day = index.dayByDate.get(key);
    return (day?.papers ?? []).map((p) => index.papers.get(p.id)?.paper ?? p);
  }
  const entries = (period === 'week' ? index.weeks : index.months).get(key) ?? [];
  const inPeriod: InPeriod =
    period === 'month' ? (date) => date.startsWith(`${key}-`) : (date) => isoWeek(date) === key;
  return featuredOrder(entries, inPeriod).map((e) => e.paper);
}

/**
 * What a file cites of each paper: its id, title, authors and date, no abstract or keywords. With
 * them the files of the full corpus weighed 183 MB and took 10.6 s to write (each paper is in a
 * day's, a week's and a month's file, in three formats); without, 72 MB and 2.5 s. A paper's
 * page keeps its own RIS file with both, for a reference manager.
 */
export const citeRecords = (papers: readonly Paper[]): CiteRecord[] =>
  papers.map(({ id, title, authors, publishedAt }) => citeRecord({ id, title, authors, publishedAt }));
