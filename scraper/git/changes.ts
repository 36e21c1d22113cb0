// What changed in an archive between two states of it (the files a commit holds against its
// parent, or the days a run fetched against what was there before): days added, updated or
// removed, the papers each brought, and ledger entries that changed without a day file (a day
// with no listing, a failed one). Pure: two states in, the changes out. The commit message and
// the nightly summary are written from these.
import type { Day, Ledger, LedgerStatus } from '../archive/index.ts';

export type PaperRef = { date: string; id: string; title: string };

export type DayChange = {
  date: string;
  kind: 'added' | 'updated' | 'removed';
  /** Papers the day holds after the change. */
  papers: number;
  /** Papers listed after the change that were not before. */
  papersAdded: PaperRef[];
  /**
   * An update in which only the papers' numbers moved (upvotes, comments, stars, and the order,
   * which follows them): what a revisit of a day for the history of votes brings.
   */
  numbersOnly?: boolean;
};

export type LedgerChange = { date: string; status: LedgerStatus; reason: string | null };

export type ContentChanges = {
  days: DayChange[];
  /** Ledger entries that changed for dates whose day file did not. */
  ledger: LedgerChange[];
  /** Anything else under the content folder (a README, a file by hand). */
  other: string[];
};

const DAY_FILE = /^days\/\d{4}\/(\d{4}-\d{2}-\d{2})\.md$/;

/** The date of a day file, from its path relative to the content folder; null for other files. */
export function dayFileDate(relPath: string): string | null {
  return DAY_FILE.exec(relPath.split('\\').join('/'))?.[1] ?? null;
}

/** A paper apart from its place and numbers. */
const withoutNumbers = ({ rank: _r, upvotes: _u, comments: _c, githubStars: _s, ...rest }: Day['papers'][number]) =>
  JSON.stringify(rest);

/** Whether `after` holds the papers of `before`, each the same but for its numbers and place. */
function onlyNumbersMoved(before: Day, after: Day): boolean {
  if (before.status !== after.status || JSON.stringify(before.problems) !== JSON.stringify(after.problems))
    return false;
  if (before.papers.length !== after.papers.length) return false;
  const held = new Map(before.papers.map((p) => [p.id, withoutNumbers(p)]));
  return after.papers.every((p) => held.get(p.id) === withoutNumbers(p));
}

/** What became of one day; null when its papers, their order and its status are the same. */
export function diffDay(date: string, before: Day | null, after: Day | null): DayChange | null {
  if (!before && !after) return null;
  if (!after) return { date, kind: 'removed', papers: 0, papersAdded: [] };
  const had = new Set(before?.papers.map((p) => p.id) ?? []);
  const papersAdded = after.papers.filter((p) => !had.has(p.id)).map((p) => ({ date, id: p.id, title: p.title }));
  if (!before) return { date, kind: 'added', papers: after.papers.length, papersAdded };
  const same =
    JSON.stringify({ ...before, fetchedAt: '', source: '', via: '' }) ===
    JSON.stringify({ ...after, fetchedAt: '', source: '', via: '' });
  if (same) return null;
  return {
    date,
    kind: 'updated',
    papers: after.papers.length,
    papersAdded,
    numbersOnly: onlyNumbersMoved(before, after),
  };
}

/** Ledger entries that differ (their `at` aside), for dates not in `skip`. */
export function diffLedger(before: Ledger | null, after: Ledger | null, skip: ReadonlySet<string>): LedgerChange[] {
  const out: LedgerChange[] = [];
  for (const [date, entry] of Object.entries(after?.days ?? {})) {
    if (skip.has(date)) continue;
    const old = before?.days[date];
    const same = old && old.status === entry.status && old.papers === entry.papers && old.reason === entry.reason;
    if (!same) out.push({ date, status: entry.status, reason: entry.reason });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** The changes of day pairs and a ledger pair, days sorted by date. */
export function contentChanges(
  days: readonly { date: string; before: Day | null; after: Day | null }[],
  ledger: { before: Ledger | null; after: Ledger | null },
  other: readonly string[] = [],
): ContentChanges {
  const changed = days
    .map((d) => diffDay(d.date, d.before, d.after))
    .filter((c): c is DayChange => c !== null)
    .sort((a, b) => a.date.localeCompare(b.date));
  const skip = new Set(days.map((d) => d.date));
  return { days: changed, ledger: diffLedger(ledger.before, ledger.after, skip), other: [...other].sort() };
}

export const papersAdded = (c: ContentChanges): PaperRef[] => c.days.flatMap((d) => d.papersAdded);
