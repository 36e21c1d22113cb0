// Finding and reading the day files under a content folder: content/days/YYYY/YYYY-MM-DD.md.
// A file the reader cannot trust is named, never guessed at: one over the size bound is refused
// before it is read, and a day filed in another year's folder (a copy moved by hand, or a
// second copy of a day) is an error rather than a second truth about that day.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.ts';
import { isTempFile } from './atomic-write.ts';
import { DayFileError, dayFilePath, MAX_DAY_FILE_BYTES, parseDayFile } from './day-file.ts';
import { checkInside, InsideFileError, readInside } from './inside-file.ts';
import type { Day } from './schema.ts';

export type DayFileRef = { date: string; file: string };

const DAY_FILE_NAME = /^(\d{4})-\d{2}-\d{2}\.md$/;

/**
 * A day file's text, or null when there is none. It must be a regular file inside the archive
 * (inside-file.ts: a link out of it, a FIFO or a device is refused before it is opened) and at
 * most MAX_DAY_FILE_BYTES; anything else is a DayFileError naming it.
 */
export async function readDayText(contentDir: string, file: string): Promise<string | null> {
  try {
    return (await readInside(contentDir, file, MAX_DAY_FILE_BYTES))?.toString('utf8') ?? null;
  } catch (e) {
    if (e instanceof InsideFileError) throw new DayFileError(file, dayFileProblem(e.problem));
    throw e;
  }
}

/** A day file's problem in the words `papers status` has always used. */
function dayFileProblem(problem: string): string {
  return problem
    .replace(/^is a folder, not a file$/, 'is a folder, not a day file')
    .replace('such a file', 'a day file');
}

export async function readDay(contentDir: string, date: string): Promise<Day | null> {
  const file = dayFilePath(contentDir, date);
  const text = await readDayText(contentDir, file);
  return text === null ? null : parseDayFile(text, file);
}

type Scan = { refs: DayFileRef[]; misplaced: DayFileError[] };

async function scanDayFiles(contentDir: string): Promise<Scan> {
  const daysDir = path.join(contentDir, 'days');
  let years: string[];
  try {
    years = await fs.readdir(daysDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { refs: [], misplaced: [] };
    throw e;
  }
  const refs: DayFileRef[] = [];
  const misplaced: DayFileError[] = [];
  for (const year of years.filter((y) => /^\d{4}$/.test(y)).sort()) {
    for (const name of (await fs.readdir(path.join(daysDir, year))).sort()) {
      const m = DAY_FILE_NAME.exec(name);
      if (isTempFile(name) || !m) continue;
      const date = name.slice(0, 10);
      const file = path.join(daysDir, year, name);
      if (m[1] === year) {
        refs.push({ date, file });
        continue;
      }
      const right = dayFilePath(contentDir, date);
      const other = await fs.stat(right).then(
        () => `a second copy of ${right}: delete the one that is wrong`,
        () => `move it to ${path.join(daysDir, m[1]!)}${path.sep}`,
      );
      misplaced.push(new DayFileError(file, `is in the folder of ${year}, not of ${m[1]}: ${other}`));
    }
  }
  return { refs: refs.sort((a, b) => a.date.localeCompare(b.date)), misplaced };
}

/** Every day file in its right place under contentDir/days, oldest first. */
export async function listDayFiles(contentDir: string): Promise<DayFileRef[]> {
  return (await scanDayFiles(contentDir)).refs;
}

/**
 * What is wrong with the day files before any is parsed: the folder missing or holding no day,
 * days filed in another year's folder, a folder or an oversized file where a day file should be.
 * For readers that parse the files themselves (the site's build), so that they refuse the same
 * archives `papers status` does.
 */
export async function dayFileProblems(contentDir: string): Promise<Error[]> {
  const stat = await fs.stat(contentDir).catch(() => null);
  if (!stat?.isDirectory()) return [new InputError(`${contentDir}: no such archive folder`)];
  const { refs, misplaced } = await scanDayFiles(contentDir);
  const problems: Error[] = [...misplaced];
  for (const ref of refs) {
    try {
      await checkInside(contentDir, ref.file, MAX_DAY_FILE_BYTES);
    } catch (e) {
      if (!(e instanceof InsideFileError)) throw e;
      problems.push(new DayFileError(ref.file, dayFileProblem(e.problem)));
    }
  }
  if (refs.length === 0 && problems.length === 0) {
    problems.push(
      new InputError(`${contentDir}: holds no day files (days/YYYY/YYYY-MM-DD.md); import or scrape some first`),
    );
  }
  return problems;
}

export type ArchiveRead = { days: Day[]; errors: DayFileError[] };

/** How a day file's text becomes a day: parseDayFile, or what remembers its answers (the site's build). */
export type DayParser = (text: string, file: string) => Day | Promise<Day>;

/** Reads every day file; a file that does not read, or is out of place, is reported, not thrown. */
export async function readArchive(
  contentDir: string,
  { parse = parseDayFile }: { parse?: DayParser } = {},
): Promise<ArchiveRead> {
  const { refs, misplaced } = await scanDayFiles(contentDir);
  const days: Day[] = [];
  const errors: DayFileError[] = [...misplaced];
  for (const ref of refs) {
    try {
      const text = await readDayText(contentDir, ref.file);
      if (text !== null) days.push(await parse(text, ref.file));
    } catch (e) {
      errors.push(e instanceof DayFileError ? e : new DayFileError(ref.file, (e as Error).message));
    }
  }
  return { days, errors };
}
