// A bigger archive than exists yet, for measuring how the site's build grows: the real archive
// repeated over later dates. Copy k of a day is filed k spans later (the span rounded up to whole
// weeks, so a Monday stays a Monday and the weeks and months fill as real ones do), its papers
// under new arXiv ids, so copy k adds as many pages, words and featurings as the real archive,
// and nothing collides with it. Text is the real text: the search index grows as it would.
//
//   node scripts/bench/synthetic-corpus.ts --from ARCHIVE --times 3 --out DIR
//
// The pure parts (dates, ids, one day, the ledger) are exported for the unit tests.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  addDays,
  type Day,
  type Ledger,
  type LedgerEntry,
  readArchive,
  readLedger,
  toUtcMs,
  writeDay,
  writeLedger,
} from '../../scraper/archive/index.ts';

const DAY_MS = 86_400_000;

/** Days between copy k and copy k+1: the archive's span, first to last day, in whole weeks. */
export function copyOffsetDays(first: string, last: string): number {
  const days = Math.round((toUtcMs(last) - toUtcMs(first)) / DAY_MS) + 1;
  return Math.ceil(days / 7) * 7;
}

/**
 * New arXiv ids, one per original id and copy, the same for every day that lists the paper (a
 * paper featured twice stays one paper). Named for the month of the day it is first met in, as
 * arXiv names a paper for its month, and numbered from 60000: arXiv has never numbered a month
 * that far, so no new id is a real one.
 */
export function idMinter(): (copy: number, originalId: string, listedOn: string) => string {
  const ids = new Map<string, string>();
  const next = new Map<string, number>();
  return (copy, originalId, listedOn) => {
    const key = `${copy} ${originalId}`;
    const known = ids.get(key);
    if (known) return known;
    const yymm = `${listedOn.slice(2, 4)}${listedOn.slice(5, 7)}`;
    const n = next.get(yymm) ?? 60_000;
    if (n > 99_999) throw new Error(`synthetic corpus: more than 40,000 papers in month ${yymm}`);
    next.set(yymm, n + 1);
    const id = `${yymm}.${n}`;
    ids.set(key, id);
    return id;
  };
}

const shiftTime = (iso: string, days: number): string => new Date(Date.parse(iso) + days * DAY_MS).toISOString();

/** Copy `copy` of a day, `offset` days per copy later, its papers under new ids. */
export function shiftDay(
  day: Day,
  copy: number,
  offset: number,
  mint: (copy: number, originalId: string, listedOn: string) => string,
): Day {
  if (copy === 0) return day;
  const days = copy * offset;
  const date = addDays(day.date, days);
  return {
    ...day,
    date,
    source: day.source.split(day.date).join(date),
    fetchedAt: shiftTime(day.fetchedAt, days),
    papers: day.papers.map((p) => {
      const id = mint(copy, p.id, date);
      return {
        ...p,
        id,
        publishedAt: p.publishedAt && shiftTime(p.publishedAt, days),
        withdrawnAt: p.withdrawnAt && shiftTime(p.withdrawnAt, days),
        thumbnail: p.thumbnail === null ? null : p.thumbnail.split(p.id).join(id),
      };
    }),
  };
}

/** The ledger of `times` copies: every entry (days held, no listing, failed) in every copy. */
export function shiftLedger(ledger: Ledger, times: number, offset: number): Ledger {
  const days: Record<string, LedgerEntry> = {};
  for (let copy = 0; copy < times; copy++) {
    for (const [date, entry] of Object.entries(ledger.days)) {
      days[addDays(date, copy * offset)] = copy === 0 ? entry : { ...entry, at: shiftTime(entry.at, copy * offset) };
    }
  }
  return { ...ledger, days };
}

/** Writes `times` copies of the archive in `from` into the (new) archive folder `out`. */
export async function writeSyntheticArchive(from: string, times: number, out: string): Promise<{ days: number }> {
  const { days, errors } = await readArchive(from);
  if (errors.length > 0) throw new Error(`${from}: ${errors.map((e) => e.message).join('; ')}`);
  if (days.length === 0) throw new Error(`${from}: no day files`);
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const offset = copyOffsetDays(sorted[0]!.date, sorted.at(-1)!.date);
  const mint = idMinter();
  await fs.mkdir(out, { recursive: true });
  for (let copy = 0; copy < times; copy++) {
    for (const day of sorted) await writeDay(out, shiftDay(day, copy, offset, mint), { force: true });
  }
  await writeLedger(out, shiftLedger(await readLedger(from), times, offset));
  return { days: sorted.length * times };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, times: { type: 'string', default: '3' }, out: { type: 'string' } },
  });
  const times = Number(values.times);
  if (!values.from || !values.out || !Number.isInteger(times) || times < 1) {
    process.stderr.write('usage: synthetic-corpus.ts --from ARCHIVE --times N --out DIR\n');
    process.exit(2);
  }
  const { days } = await writeSyntheticArchive(path.resolve(values.from), times, path.resolve(values.out));
  process.stdout.write(`${days} days written to ${values.out}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
