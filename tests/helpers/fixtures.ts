// Real Daily Papers API answers copied from the corpus into the repo (tests/fixtures/hf), so a
// fresh clone tests against real data of every era.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE_DAYS_DIR = path.join(REPO_ROOT, 'tests/fixtures/hf/daily_papers');

export function fixtureFile(date: string): string {
  return path.join(FIXTURE_DAYS_DIR, date.slice(0, 4), `${date}.json.gz`);
}

/** The API answer for `date`, as a fresh object each call. */
export function fixtureItems(date: string): Record<string, any>[] {
  return JSON.parse(gunzipSync(readFileSync(fixtureFile(date))).toString('utf8'));
}

export function fixtureDates(): string[] {
  return readdirSync(FIXTURE_DAYS_DIR)
    .flatMap((year) => readdirSync(path.join(FIXTURE_DAYS_DIR, year)))
    .map((name) => name.slice(0, 10))
    .sort();
}

/** One fixture day of each era of the format, and the edge cases the archive must keep. */
export const ERA_DAYS = {
  first2023: '2023-05-04', // oldest day of the corpus; recaptured with 2026 fields
  withdrawn2023: '2023-06-12', // holds a paper with withdrawnAt
  sunday2024: '2024-03-24', // a Sunday with one paper
  mediaUrl2024: '2024-05-28', // `mediaUrl`, before `thumbnail` and `submittedBy`
  mid2024: '2024-07-15', // no submittedOnDailyAt, no outer summary
  submitterOrg2025: '2025-09-30', // `submitterOrganization`, and exactly 50 papers (the API's default cap)
  organization2025: '2025-10-01',
  year2025: '2025-06-10',
  cap2026: '2026-05-12', // 50 papers
  late2026: '2026-08-07', // newest day of the corpus
} as const;
