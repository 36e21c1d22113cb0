// How a backfill is split for parallel jobs: one shard per calendar month of the range (the first
// and last months partial as the range falls), each scraped into its own folder by its own job and
// merged at the end (scripts/ci/). A month is small enough to finish well within a job's time at
// the polite API rate, and months never overlap, so shards never write the same day. Pure.
import { addDays, isIsoDate } from '../archive/dates.ts';
import { FIRST_DAY } from '../archive/schema.ts';
import { UsageError } from '../errors.ts';

/** Five years of months: more is a typo; a job matrix holds at most 256 jobs anyway. */
export const MAX_SHARDS = 60;

export type Shard = { name: string; from: string; to: string };

/** The last day of the month that `date` falls in. */
export function monthEnd(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function monthShards(from: string, to: string, max = MAX_SHARDS): Shard[] {
  for (const [name, d] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (!isIsoDate(d) || d < FIRST_DAY)
      throw new UsageError(`${name} must be a date YYYY-MM-DD from ${FIRST_DAY} on, not ${JSON.stringify(d)}`);
  }
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const months =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
  if (months > max)
    throw new UsageError(`${from} … ${to} spans ${months} months; a backfill takes at most ${max} (split it)`);
  const shards: Shard[] = [];
  for (let start = from; start <= to; start = addDays(monthEnd(start), 1)) {
    const end = monthEnd(start) < to ? monthEnd(start) : to;
    shards.push({ name: start.slice(0, 7), from: start, to: end });
  }
  return shards;
}

/** The job matrix GitHub Actions takes: `{"include":[{"name":…,"from":…,"to":…},…]}`. */
export const shardMatrix = (shards: readonly Shard[]): string => JSON.stringify({ include: shards });
