// The ledger: every date the archive has tried, and what it knows of it. Days held in files are
// "ok" or "partial"; a date without a file says why ("no-listing": the site had none, "failed":
// we could not get it). It is what lets `papers status` and the site's calendar tell a quiet day
// from a lost one. One JSON line per date, sorted, so a nightly diff shows exactly what changed.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { InsideFileError, readInside } from './inside-file.ts';
import {
  type Day,
  describeIssues,
  FORMAT_VERSION,
  type Ledger,
  type LedgerEntry,
  LedgerSchema,
  type LedgerStatus,
  type Via,
} from './schema.ts';
import { oneLine } from './text.ts';

export const LEDGER_FILE = 'ledger.json';

export class LedgerError extends InputError {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'LedgerError';
  }
}

/**
 * The largest ledger read: a line per date is about 150 bytes, so this is a thousand years of
 * days; a bigger file was not written by the archive and is refused before it is read.
 */
export const MAX_LEDGER_BYTES = 64 * 1024 * 1024;

export const ledgerPath = (contentDir: string): string => path.join(contentDir, LEDGER_FILE);

export const emptyLedger = (): Ledger => ({ format: FORMAT_VERSION, days: {} });

export function parseLedger(text: string, file: string): Ledger {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new LedgerError(file, `not valid JSON: ${(e as Error).message}`);
  }
  const parsed = LedgerSchema.safeParse(data);
  if (!parsed.success) throw new LedgerError(file, describeIssues(parsed.error));
  return parsed.data;
}

/** A missing ledger is an empty one; an unreadable one is an error, never silently replaced. */
export async function readLedger(contentDir: string): Promise<Ledger> {
  const file = ledgerPath(contentDir);
  let bytes: Buffer | null;
  try {
    bytes = await readInside(contentDir, file, MAX_LEDGER_BYTES);
  } catch (e) {
    if (e instanceof InsideFileError) {
      throw new LedgerError(file, e.problem.replace(/^is a folder, not a file$/, 'is a folder, not the ledger file'));
    }
    throw e;
  }
  if (bytes === null) return emptyLedger();
  const text = bytes.toString('utf8');
  return parseLedger(text, file);
}

function entryLine(e: LedgerEntry): string {
  // Fixed key order, whatever order the entry was built in.
  return JSON.stringify({ status: e.status, papers: e.papers, at: e.at, via: e.via, reason: e.reason });
}

/** The ledger's text. Throws if the ledger does not satisfy the schema: nothing invalid is written. */
export function renderLedger(ledger: Ledger): string {
  const checked = LedgerSchema.safeParse(ledger);
  if (!checked.success) throw new LedgerError(LEDGER_FILE, `not written: ${describeIssues(checked.error)}`);
  const dates = Object.keys(ledger.days).sort();
  const lines = dates.map(
    (date, i) => `    ${JSON.stringify(date)}: ${entryLine(ledger.days[date]!)}${i < dates.length - 1 ? ',' : ''}`,
  );
  const days = dates.length === 0 ? '{}' : `{\n${lines.join('\n')}\n  }`;
  return `{\n  "format": ${FORMAT_VERSION},\n  "days": ${days}\n}\n`;
}

/**
 * Writes `entries` into the ledger on disk: the file is read again, the entries merged in, and
 * the result written, so that what another writer put there is never dropped. Run under the
 * archive's lock (lock.ts). Returns the ledger as written.
 */
export async function mergeIntoLedger(contentDir: string, entries: Ledger['days']): Promise<Ledger> {
  if (Object.keys(entries).length === 0) return readLedger(contentDir);
  const current = await readLedger(contentDir);
  const merged: Ledger = { ...current, days: { ...current.days, ...entries } };
  await writeLedger(contentDir, merged);
  return merged;
}

/** Writes the ledger atomically, and not at all when its text would not change. */
export async function writeLedger(contentDir: string, ledger: Ledger): Promise<boolean> {
  const file = ledgerPath(contentDir);
  const text = renderLedger(ledger);
  const old = await fs.readFile(file, 'utf8').catch(() => null);
  if (old === text) return false;
  await writeFileAtomic(file, text);
  return true;
}

export type Attempt = {
  date: string;
  status: LedgerStatus;
  via: Via;
  reason: string | null;
};

/** The entry that describes a day the archive holds in a file. */
export function entryForHeldDay(day: Day, at: string): LedgerEntry {
  return {
    status: day.status,
    papers: day.papers.length,
    at,
    via: day.via,
    reason: asReason(day.problems.join('; ')),
  };
}

/** Reasons are one line of at most 500 characters (an error can carry a whole page). */
function asReason(reason: string | null): string | null {
  const line = oneLine(reason ?? '');
  if (line === '') return null;
  const chars = [...line];
  return chars.length > 500 ? `${chars.slice(0, 499).join('').trimEnd()}…` : line;
}

/**
 * The ledger after an attempt at `attempt.date`. `held` is the day file as it stands after the
 * attempt (null when there is none): a held day is described by its file, so a failed re-fetch
 * of a good day does not mark it failed (the run's own report says it failed). The entry's
 * time moves only when something in it changes.
 */
export function recordAttempt(ledger: Ledger, attempt: Attempt, held: Day | null, at: string): Ledger {
  // "ok" and "partial" describe a file the archive holds; a listing got but not held (its file
  // could not be written, or an unreadable one was kept) is not a day held with 0 papers.
  const notHeld = attempt.status === 'ok' || attempt.status === 'partial';
  const next: LedgerEntry = held
    ? entryForHeldDay(held, at)
    : {
        status: notHeld ? 'failed' : attempt.status,
        papers: 0,
        at,
        via: attempt.via,
        reason: asReason(attempt.reason ?? (notHeld ? 'the day file was not written' : null)),
      };
  const prev = ledger.days[attempt.date];
  if (prev && sameEntry(prev, next)) return ledger;
  return { ...ledger, days: { ...ledger.days, [attempt.date]: next } };
}

function sameEntry(a: LedgerEntry, b: LedgerEntry): boolean {
  return a.status === b.status && a.papers === b.papers && a.via === b.via && a.reason === b.reason;
}
