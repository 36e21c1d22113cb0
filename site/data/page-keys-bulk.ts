// The page keys (data/page-keys.ts says what a key is) of each year's JSON Lines file
// (lib/papers-jsonl.ts): its papers, in order, and the digest of every day that featured one of
// them (the days' JSON files' keys, already made): a paper's line is its newest record and the
// days that featured it, all from those days. (The citation files beside the day, week and month
// pages have no keys: they are not pages, but written every build, lib/site-files.ts.) Pure.
import { createHash } from 'node:crypto';
import type { ArchiveIndex } from '../lib/archive-index.ts';
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
 * Adds the JSON Lines files' keys to `keys`, which must hold every held day's JSON key
 * ("/days/2026-08-07.json": its day's digest), as preparePageKeys makes them.
 */
export function addBulkPageKeys(keys: Map<string, string>, index: ArchiveIndex): void {
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
