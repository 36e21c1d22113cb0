// The archive's papers as data for machines: one JSON Lines file per year (/data/papers-2026.jsonl),
// a paper per line, for whoever wants every paper without scraping the pages (README "Data for
// machines" documents the fields). A line is the archive's own paper record (scraper/archive's
// schema, its keys in the schema's order: no second schema), then where the archive featured it.
// A paper is in the year of the day it was first featured, once, with its newest record (the
// freshest counts). Pure: the archive index in, text out.
import { type Paper, PaperSchema } from '../../scraper/archive/index.ts';
import type { ArchiveIndex, PaperEntry } from './archive-index.ts';

/** The record's keys in the schema's order: a line's key order never depends on how a record was made. */
const PAPER_KEYS = Object.keys(PaperSchema.shape) as (keyof Paper)[];

/** A Hugging Face account with its keys in the schema's order. */
const account = (a: Paper['submitter']) => (a === null ? null : { handle: a.handle, name: a.name });

/** One line's object: the record, then the days that featured it and the first of them. */
export function paperLineObject(entry: PaperEntry): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of PAPER_KEYS) {
    const value = entry.paper[key];
    out[key] = key === 'submitter' || key === 'organization' ? account(value as Paper['submitter']) : value;
  }
  out['featured'] = entry.featured.map((f) => ({ date: f.date, rank: f.rank }));
  out['firstDay'] = entry.firstDate;
  return out;
}

/**
 * One line, without its newline. JSON.stringify escapes every control character; the line
 * separators U+2028 and U+2029 and NEL (U+0085), which it leaves raw and which some readers split
 * lines at (Python's str.splitlines, old JavaScript), are escaped too: the same JSON value.
 */
export function paperLine(entry: PaperEntry): string {
  return JSON.stringify(paperLineObject(entry)).replace(
    /[\u0085\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A year's papers in the file's order: by the day first featured, then the rank that day, then id. */
export function papersOfYear(index: Pick<ArchiveIndex, 'papers'>, year: string): PaperEntry[] {
  return [...index.papers.values()]
    .filter((e) => e.firstDate.startsWith(`${year}-`))
    .sort(
      (a, b) =>
        a.firstDate.localeCompare(b.firstDate) || a.featured[0]!.rank - b.featured[0]!.rank || a.id.localeCompare(b.id),
    );
}

/** A year's file, by path under the site's base: "data/papers-2026.jsonl". */
export const jsonlPath = (year: string): string => `data/papers-${year}.jsonl`;

/** The years that have a file: those of a paper's first day, oldest first. */
export function dataYears(index: Pick<ArchiveIndex, 'papers'>): string[] {
  return [...new Set([...index.papers.values()].map((e) => e.firstDate.slice(0, 4)))].sort();
}

/** A year's file: a line per paper, each ended by "\n". */
export function papersJsonl(index: Pick<ArchiveIndex, 'papers'>, year: string): string {
  return papersOfYear(index, year)
    .map((e) => `${paperLine(e)}\n`)
    .join('');
}
