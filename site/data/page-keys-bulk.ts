// The page keys (data/page-keys.ts says what a key is) of the bulk files: each day's, week's and
// month's citation files (lib/bulk-cite.ts) and each year's JSON Lines file (lib/papers-jsonl.ts).
// A citation file's key is what it cites: its papers' cited fields, in its order, so a night's new
// upvotes leave every file be. A year's file's key is its papers, in order, and the digest of
// every day that featured one of them (the days' JSON files' keys, already made): a paper's line
// is its newest record and the days that featured it, all from those days. Pure.
import { createHash } from 'node:crypto';
import type { Paper } from '../../scraper/archive/index.ts';
import type { ArchiveIndex } from '../lib/archive-index.ts';
import { type CitePeriod, citeFilePath, citeKeys, periodPapers } from '../lib/bulk-cite.ts';
import { CITE_FORMATS } from '../lib/cite-formats.ts';
import { dataYears, papersOfYear } from '../lib/papers-jsonl.ts';

/** Bumped when what these keys cover changes in a way the code's digest cannot see. */
const KEY_VERSION = 1;

const sha = (...parts: string[]): string => {
  const hash = createHash('sha256').update(`bulk ${KEY_VERSION}`);
  for (const part of parts) hash.update('\n').update(part);
  return hash.digest('base64url');
};

/** The JSON Lines file of a year, by path: "/data/papers-2026.jsonl". */
export const jsonlPath = (year: string): string => `data/papers-${year}.jsonl`;

/**
 * Adds the bulk files' keys to `keys`, which must hold every held day's JSON key
 * ("/days/2026-08-07.json": its day's digest), as preparePageKeys makes them.
 */
export function addBulkPageKeys(keys: Map<string, string>, index: ArchiveIndex): void {
  // What a file cites of a paper (lib/bulk-cite.ts citeRecords), as text: no field holds a line
  // break, nor any holds U+0001 (the archive drops control characters), so the text is the fields.
  const cited = new Map<string, string>();
  const citedText = (p: Paper): string => {
    let held = cited.get(p.id);
    if (held === undefined) {
      held = [p.id, p.title, p.publishedAt ?? '-', ...p.authors].join('\n');
      cited.set(p.id, held);
    }
    return held;
  };
  for (const period of ['day', 'week', 'month'] as CitePeriod[]) {
    for (const key of citeKeys(index, period)) {
      const digest = sha('cite', period, periodPapers(index, period, key).map(citedText).join('\u0001'));
      for (const { format } of CITE_FORMATS) keys.set(`/${citeFilePath(period, key, format)}`, digest);
    }
  }
  for (const year of dataYears(index)) {
    const entries = papersOfYear(index, year);
    const days = [...new Set(entries.flatMap((e) => e.featured.map((f) => f.date)))].sort();
    const digests = days.map((date) => {
      const digest = keys.get(`/days/${date}.json`);
      if (digest === undefined) throw new Error(`no key of /days/${date}.json to key ${jsonlPath(year)} by`);
      return `${date} ${digest}`;
    });
    keys.set(`/${jsonlPath(year)}`, sha('jsonl', year, entries.map((e) => e.id).join(' '), digests.join('\n')));
  }
}
