// `papers merge`: other archive folders (a backfill's shards, a copy kept elsewhere) into this
// one, through the same writer, guards and ledger as a scrape or an import, never by copying
// files: a day held whole is not replaced by a worse or older copy, and what a source only
// knows of a day (no listing, failed) never overwrites a day held. A day's history of numbers
// (archive/history.ts) is the union of both archives' and of both days' numbers, whichever day
// is kept. The caller holds the lock.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DayReport } from '../archive/archive-day.ts';
import { DayFileError } from '../archive/day-file.ts';
import { observationsOf, readHistory, recordHistory } from '../archive/history.ts';
import { mergeIntoLedger, readLedger, recordAttempt } from '../archive/ledger.ts';
import type { Day, Ledger, LedgerEntry } from '../archive/schema.ts';
import { readArchive, readDay, writeDay } from '../archive/store.ts';
import { InputError } from '../errors.ts';
import { decideDay, decideEntry } from './decide.ts';

export type MergeProblem = { path: string; reason: string };

export type MergeOptions = {
  contentDir: string;
  sources: readonly string[];
  force?: boolean;
  now?: () => Date;
  onStart?: (total: number) => void;
  onDay?: (report: DayReport, index: number, total: number) => void;
};

export type MergeResult = { reports: DayReport[]; inputErrors: MergeProblem[] };

type Source = { dir: string; days: Map<string, Day>; ledger: Ledger; unreadable: Set<string> };

const exists = (p: string) =>
  fs.stat(p).then(
    () => true,
    () => false,
  );

/** A source archive read whole, or the reasons it cannot be merged. */
async function loadSource(dir: string, problems: MergeProblem[]): Promise<Source | null> {
  const stat = await fs.stat(dir).catch(() => null);
  if (!stat?.isDirectory()) {
    problems.push({ path: dir, reason: stat ? 'is a file, not an archive folder' : 'no such folder' });
    return null;
  }
  if (!(await exists(path.join(dir, 'days'))) && !(await exists(path.join(dir, 'ledger.json')))) {
    problems.push({ path: dir, reason: 'holds no archive (no days/ and no ledger.json)' });
    return null;
  }
  let ledger: Ledger;
  try {
    ledger = await readLedger(dir);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    problems.push({ path: dir, reason: e.message });
    return null;
  }
  const { days, errors } = await readArchive(dir);
  const unreadable = new Set<string>();
  for (const e of errors) {
    problems.push({ path: e.file, reason: e.message.slice(e.file.length + 2) });
    const date = /(\d{4}-\d{2}-\d{2})\.md$/.exec(e.file)?.[1];
    if (date) unreadable.add(date);
  }
  return { dir, days: new Map(days.map((d) => [d.date, d])), ledger, unreadable };
}

/** The archive's day for a date: the day, null when there is none, 'unreadable' for a bad file. */
async function heldDay(contentDir: string, date: string): Promise<Day | null | 'unreadable'> {
  try {
    return await readDay(contentDir, date);
  } catch (e) {
    if (e instanceof DayFileError) return 'unreadable';
    throw e;
  }
}

const heldReport = (date: string, day: Day): DayReport => ({
  date,
  status: day.status,
  papers: day.papers.length,
  action: 'unchanged',
  before: day.papers.length,
  rejected: [],
  message: null,
});

type Step = { ledger: Ledger; report: DayReport };

async function mergeDay(
  contentDir: string,
  ledger: Ledger,
  day: Day,
  sourceEntry: LedgerEntry | undefined,
  { force, now }: { force: boolean; now: () => Date },
): Promise<Step> {
  const { date } = day;
  const held = await heldDay(contentDir, date);
  const decision = decideDay(day, held === 'unreadable' ? null : held, { force });
  if (!decision.write && held && held !== 'unreadable') {
    const attempt = { date, status: held.status, via: held.via, reason: null };
    return { ledger: recordAttempt(ledger, attempt, held, now().toISOString()), report: heldReport(date, held) };
  }
  const result = await writeDay(contentDir, day, { force });
  const written = result.action === 'created' || result.action === 'updated';
  // The entry of a day taken from the source keeps the time the source tried it.
  const at = written ? (sourceEntry?.at ?? day.fetchedAt) : now().toISOString();
  const reason = result.action === 'refused' ? result.reason : null;
  const next = recordAttempt(ledger, { date, status: day.status, via: day.via, reason }, result.held, at);
  const report: DayReport = {
    date,
    status: day.status,
    papers: day.papers.length,
    action: result.action,
    before: result.before,
    rejected: [],
    message: reason ?? (day.problems.length > 0 ? day.problems.join('; ') : null),
  };
  return { ledger: next, report };
}

async function mergeEntry(contentDir: string, ledger: Ledger, date: string, entry: LedgerEntry): Promise<Step> {
  const held = await heldDay(contentDir, date);
  const current = ledger.days[date];
  const decision = decideEntry(entry, { entry: current, held: held !== null });
  if (decision.take) {
    const report: DayReport = {
      date,
      status: entry.status,
      papers: 0,
      action: 'none',
      before: 0,
      rejected: [],
      message: entry.reason,
    };
    return { ledger: { ...ledger, days: { ...ledger.days, [date]: entry } }, report };
  }
  if (held && held !== 'unreadable') return { ledger, report: heldReport(date, held) };
  const status = current?.status ?? entry.status;
  const message =
    held === 'unreadable'
      ? `the archive's day file cannot be read; kept`
      : status === 'failed'
        ? (current?.reason ?? null)
        : null;
  return { ledger, report: { date, status, papers: 0, action: 'none', before: 0, rejected: [], message } };
}

/**
 * The source's history of the day, and the numbers of its day and of the day held, into the
 * archive's history. A source's history that cannot be read is named and left out.
 */
async function mergeHistory(contentDir: string, sourceDir: string, day: Day, problems: MergeProblem[]): Promise<void> {
  let theirs: Awaited<ReturnType<typeof readHistory>>;
  try {
    theirs = await readHistory(sourceDir, day.date);
  } catch (e) {
    if (!(e instanceof DayFileError)) throw e;
    problems.push({ path: e.file, reason: e.message.slice(e.file.length + 2) });
    theirs = [];
  }
  const held = await heldDay(contentDir, day.date);
  const days = held && held !== 'unreadable' ? [held, day] : [day];
  await recordHistory(contentDir, day.date, [...theirs, ...days.flatMap(observationsOf)]);
}

export async function runMerge(options: MergeOptions): Promise<MergeResult> {
  const { contentDir, force = false, now = () => new Date() } = options;
  const inputErrors: MergeProblem[] = [];
  const sources: Source[] = [];
  for (const dir of options.sources) {
    const source = await loadSource(dir, inputErrors);
    if (source) sources.push(source);
  }
  const datesOf = (s: Source) => [...new Set([...s.days.keys(), ...Object.keys(s.ledger.days)])].sort();
  const total = sources.reduce((n, s) => n + datesOf(s).length, 0);
  options.onStart?.(total);
  let ledger = await readLedger(contentDir);
  const reports: DayReport[] = [];
  for (const source of sources) {
    for (const date of datesOf(source)) {
      const day = source.days.get(date);
      const entry = source.ledger.days[date];
      if (!day && source.unreadable.has(date)) continue; // told already, by its file
      if (!day && entry && (entry.status === 'ok' || entry.status === 'partial')) {
        inputErrors.push({
          path: source.dir,
          reason: `its ledger holds ${date} (${entry.papers} papers) but not its day file; not merged`,
        });
        continue;
      }
      const step = day
        ? await mergeDay(contentDir, ledger, day, entry, { force, now })
        : await mergeEntry(contentDir, ledger, date, entry!);
      if (day) await mergeHistory(contentDir, source.dir, day, inputErrors);
      // Written after every day: a run killed midway leaves a ledger that matches the files.
      const changed = step.ledger.days[date];
      ledger = step.ledger !== ledger && changed ? await mergeIntoLedger(contentDir, { [date]: changed }) : ledger;
      reports.push(step.report);
      options.onDay?.(step.report, reports.length - 1, total);
    }
  }
  return { reports, inputErrors };
}
