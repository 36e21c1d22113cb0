// What `papers merge` does with each thing another archive holds, decided apart from the files:
// a day goes to the writer (whose guards still refuse fewer papers, an empty or a partial day)
// unless the archive's own copy was fetched later; a ledger entry for a day without a file (no
// listing, failed) is taken only where the archive holds no day and knows no better. Pure.
import { isLater } from '../archive/dates.ts';
import type { Day, LedgerEntry } from '../archive/schema.ts';

export type DayDecision = { write: true } | { write: false; why: string };

/** Whether the source's copy of a day goes to the writer, or the archive's copy stays. */
export function decideDay(source: Day, held: Day | null, { force = false } = {}): DayDecision {
  if (!held || force) return { write: true };
  // A later fetch knows more (votes only rise, listings grow): an older copy never replaces it.
  if (isLater(held.fetchedAt, source.fetchedAt)) return { write: false, why: "the archive's copy was fetched later" };
  return { write: true };
}

export type EntryDecision = { take: true } | { take: false; why: string };

/** What a date without a day file is known to be, most telling first. */
const KNOWLEDGE: Record<LedgerEntry['status'], number> = { ok: 3, partial: 3, 'no-listing': 2, failed: 1 };

/**
 * Whether the source's ledger entry for a date without a day file (no-listing, failed) replaces
 * the archive's. `held`: the archive has a day file for the date (readable or not).
 */
export function decideEntry(
  source: LedgerEntry,
  target: { entry: LedgerEntry | undefined; held: boolean },
): EntryDecision {
  if (target.held) return { take: false, why: 'the archive holds the day' };
  const { entry } = target;
  if (!entry) return { take: true };
  // "ok" without a file is a lost file: `papers status` must go on telling it.
  if (entry.status === 'ok' || entry.status === 'partial')
    return { take: false, why: "the archive's ledger says it held the day (its file is lost)" };
  if (KNOWLEDGE[source.status] !== KNOWLEDGE[entry.status])
    return KNOWLEDGE[source.status] > KNOWLEDGE[entry.status]
      ? { take: true }
      : { take: false, why: `the archive knows the day as ${entry.status}` };
  return source.at > entry.at ? { take: true } : { take: false, why: "the archive's entry is as recent" };
}
