// How a paper's numbers moved. Hugging Face shows one number per paper, now; upvotes keep moving
// for one to two weeks after a paper's day, comments and GitHub stars for longer, and a day file
// holds only the latest. Every time a fetch finds a paper's upvotes, comments or stars changed,
// the day's history file gets an entry: when fetched (the fetch's `fetchedAt`) and the values.
//
//   content/history/2026/2026-08-07.jsonl   one JSON object a line (HistoryEntrySchema)
//
// The file is a function of the observations it was given, whatever their order (an import of
// older dumps after newer ones, a merge of two archives): entries sorted by time, then arXiv id,
// and of a paper's entries only those whose values differ from its entry before. A fetch that
// changes nothing leaves the file untouched; one that changes something adds lines at its end.
// Pure functions of entries, and the file's reading and writing at the end.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isTempFile, removeStaleTempFiles, writeFileAtomic } from './atomic-write.ts';
import { DayFileError } from './day-file.ts';
import { InsideFileError, readInside } from './inside-file.ts';
import { type Day, describeIssues, type HistoryEntry, HistoryEntrySchema } from './schema.ts';

/** A day's history is far smaller (a day's 500 papers each changing daily for years: 8 MB). */
export const MAX_HISTORY_FILE_BYTES = 16 * 1024 * 1024;

export const HISTORY_FOLDER = 'history';

export function historyFilePath(contentDir: string, date: string): string {
  return path.join(contentDir, HISTORY_FOLDER, date.slice(0, 4), `${date}.jsonl`);
}

const sameValues = (a: HistoryEntry, b: HistoryEntry): boolean =>
  a.upvotes === b.upvotes && a.comments === b.comments && a.githubStars === b.githubStars;

/** The order of a history file: time, arXiv id, then the values (two sources may see one instant). */
function compareEntries(a: HistoryEntry, b: HistoryEntry): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return a.upvotes - b.upvotes || a.comments - b.comments || (a.githubStars ?? -1) - (b.githubStars ?? -1);
}

/**
 * The history's one form: sorted, and of each paper's entries only those that changed something.
 * The same set of observations gives the same entries in any order.
 */
export function normalizeHistory(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const last = new Map<string, HistoryEntry>();
  const out: HistoryEntry[] = [];
  for (const e of [...entries].sort(compareEntries)) {
    const before = last.get(e.id);
    if (before && sameValues(before, e)) continue;
    last.set(e.id, e);
    out.push(e);
  }
  return out;
}

/** What a history needs of a day: its fetch time and its papers' numbers. */
export type HistoryDay = {
  fetchedAt: string;
  papers: readonly Pick<Day['papers'][number], 'id' | 'upvotes' | 'comments' | 'githubStars'>[];
};

/** What the day's papers show, as entries at the day's fetch time. */
export function observationsOf(day: HistoryDay): HistoryEntry[] {
  return day.papers.map((p) => ({
    id: p.id,
    at: day.fetchedAt,
    upvotes: p.upvotes,
    comments: p.comments,
    githubStars: p.githubStars,
  }));
}

/** The history with these days' numbers observed; the same entries when nothing changed. */
export function observe(entries: readonly HistoryEntry[], ...days: HistoryDay[]): HistoryEntry[] {
  return normalizeHistory([...entries, ...days.flatMap(observationsOf)]);
}

/** One entry a line, keys in the schema's order. */
export function renderHistory(entries: readonly HistoryEntry[]): string {
  return entries
    .map((e) =>
      JSON.stringify({ id: e.id, at: e.at, upvotes: e.upvotes, comments: e.comments, githubStars: e.githubStars }),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** A history file's entries; a line that is not one names the file and the line. */
export function parseHistory(text: string, file: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [i, line] of lines.entries()) {
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      throw new DayFileError(file, `line ${i + 1} is not JSON`);
    }
    const parsed = HistoryEntrySchema.safeParse(data);
    if (!parsed.success) throw new DayFileError(file, `line ${i + 1}: ${describeIssues(parsed.error)}`);
    entries.push(parsed.data);
  }
  return entries;
}

/** The day's history as held (none: empty), read as every archive file is (inside-file.ts). */
export async function readHistory(contentDir: string, date: string): Promise<HistoryEntry[]> {
  const file = historyFilePath(contentDir, date);
  let bytes: Buffer | null;
  try {
    bytes = await readInside(contentDir, file, MAX_HISTORY_FILE_BYTES);
  } catch (e) {
    if (e instanceof InsideFileError) throw new DayFileError(file, e.problem);
    throw e;
  }
  return bytes === null ? [] : parseHistory(bytes.toString('utf8'), file);
}

/**
 * Adds `observations` (entries of one date: observationsOf a day, another archive's history) to
 * the date's history; writes the file only when that changes it. Returns how many entries it added.
 */
export async function recordHistory(
  contentDir: string,
  date: string,
  observations: readonly HistoryEntry[],
): Promise<number> {
  const held = await readHistory(contentDir, date);
  const next = normalizeHistory([...held, ...observations]);
  const text = renderHistory(next);
  if (text === renderHistory(normalizeHistory(held))) return 0;
  const file = historyFilePath(contentDir, date);
  // What a killed write left beside it, as day files' folders are cleaned (store.ts).
  await removeStaleTempFiles(path.dirname(file));
  await writeFileAtomic(file, text);
  return Math.max(0, next.length - held.length);
}

const HISTORY_FILE_NAME = /^(\d{4})-\d{2}-\d{2}\.jsonl$/;

/**
 * Every day's history in the archive, by date, and the files that do not read (each named, as the
 * archive's reader names day files); a file filed in another year's folder is one of those.
 */
export async function readHistories(
  contentDir: string,
): Promise<{ histories: Map<string, HistoryEntry[]>; errors: DayFileError[] }> {
  const root = path.join(contentDir, HISTORY_FOLDER);
  const histories = new Map<string, HistoryEntry[]>();
  const errors: DayFileError[] = [];
  let years: string[];
  try {
    years = await fs.readdir(root);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { histories, errors };
    throw e;
  }
  for (const year of years.filter((y) => /^\d{4}$/.test(y)).sort()) {
    const names = await fs.readdir(path.join(root, year)).catch(() => [] as string[]);
    for (const name of names.sort()) {
      const m = HISTORY_FILE_NAME.exec(name);
      if (isTempFile(name) || !m) continue;
      const date = name.slice(0, 10);
      if (m[1] !== year) {
        errors.push(new DayFileError(path.join(root, year, name), `is filed under ${year}, not ${m[1]}`));
        continue;
      }
      try {
        histories.set(date, await readHistory(contentDir, date));
      } catch (e) {
        if (!(e instanceof DayFileError)) throw e;
        errors.push(e);
      }
    }
  }
  return { histories, errors };
}

/** Two histories of one date as one (papers merge). */
export function mergeHistories(a: readonly HistoryEntry[], b: readonly HistoryEntry[]): HistoryEntry[] {
  return normalizeHistory([...a, ...b]);
}
