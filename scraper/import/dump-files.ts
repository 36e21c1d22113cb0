// Dumps of API answers on disk: files named YYYY-MM-DD.json or YYYY-MM-DD.json.gz, each holding
// the JSON array `/api/daily_papers?date=…` answered, alone or in folders (any depth). An answer
// holds no time of its own; its file's modification time is when it was taken (dumpTime).
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { addDays, isIsoDate, toUtcMs } from '../archive/dates.ts';
import { InsideFileError, readInside } from '../archive/inside-file.ts';

export const DUMP_NAME = /^(\d{4}-\d{2}-\d{2})\.json(\.gz)?$/;

/** A dump file, and the folder it was found in (it is read only if it lies inside it). */
export type DumpFile = { date: string; file: string; root: string };

/**
 * The most a dump file may hold, gzipped or once unzipped: a real day's answer is under 1 MB,
 * so a bigger one (a gzip bomb, a device named like a day) is refused before it fills memory.
 */
export const MAX_DUMP_BYTES = 64 * 1024 * 1024;
export type InputProblem = { path: string; reason: string };

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile() && DUMP_NAME.test(entry.name)) out.push(full);
  }
}

/**
 * The dump files named by `inputs` (files or folders), one per date, oldest first. A path that
 * does not exist, a file with another name, or a date given twice is an input error.
 */
export async function findDumpFiles(inputs: readonly string[]): Promise<{ files: DumpFile[]; errors: InputProblem[] }> {
  const errors: InputProblem[] = [];
  const byDate = new Map<string, { file: string; root: string }>();
  for (const input of inputs) {
    let stat: Stats;
    try {
      stat = await fs.stat(input);
    } catch {
      errors.push({ path: input, reason: 'does not exist' });
      continue;
    }
    const found: string[] = [];
    const root = stat.isDirectory() ? input : path.dirname(input);
    if (stat.isDirectory()) {
      await walk(input, found);
      if (found.length === 0) errors.push({ path: input, reason: 'holds no YYYY-MM-DD.json or .json.gz files' });
    } else if (DUMP_NAME.test(path.basename(input))) {
      found.push(input);
    } else {
      errors.push({ path: input, reason: 'is not named YYYY-MM-DD.json or YYYY-MM-DD.json.gz' });
    }
    for (const file of found) {
      const date = DUMP_NAME.exec(path.basename(file))![1]!;
      if (!isIsoDate(date)) {
        errors.push({ path: file, reason: `${date} is not a calendar date` });
      } else if (byDate.has(date) && path.resolve(byDate.get(date)!.file) !== path.resolve(file)) {
        errors.push({ path: file, reason: `${date} is also given by ${byDate.get(date)!.file}; import one of them` });
      } else {
        byDate.set(date, { file, root });
      }
    }
  }
  const files = [...byDate]
    .map(([date, { file, root }]) => ({ date, file, root }))
    .sort((a, b) => a.date.localeCompare(b.date));
  return { files, errors };
}

export class DumpError extends Error {}

/** The array of items in one dump file; throws a DumpError saying what is wrong with it. */
export async function readDumpFile({ file, root }: Pick<DumpFile, 'file' | 'root'>): Promise<unknown[]> {
  let bytes: Buffer;
  try {
    const read = await readInside(root, file, MAX_DUMP_BYTES);
    if (read === null) throw new DumpError('does not exist');
    bytes = read;
  } catch (e) {
    if (e instanceof InsideFileError) throw new DumpError(e.problem);
    throw e;
  }
  // Gzip by content, not by name: a .json that is really gzipped still reads.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_DUMP_BYTES });
    } catch (e) {
      const big = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
      throw new DumpError(
        big
          ? `unzips to more than ${MAX_DUMP_BYTES / 1024 / 1024} MB, more than a day's answer may be`
          : `is not a readable gzip file (${(e as Error).message})`,
      );
    }
  } else if (file.endsWith('.gz')) {
    throw new DumpError('is named .gz but is not gzip data');
  }
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new DumpError(`is not valid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(data)) {
    const what =
      data === null
        ? 'null'
        : typeof data === 'object'
          ? `an object with keys ${Object.keys(data).slice(0, 5).join(', ')}`
          : typeof data;
    throw new DumpError(`is not a JSON array of listing items (it holds ${what})`);
  }
  return data;
}

/**
 * When a dump was taken: its file's modification time, which whatever wrote the answer set, and
 * which `cp -p`, `rsync -t`, tar and `touch -d` keep or set. A time that cannot be one (after
 * `now`, or before the day before the dump's date: a file whose time was reset, a clock that was
 * wrong) is a DumpError naming it: the history would record it as when those numbers were seen.
 */
export async function dumpTime({ date, file }: Pick<DumpFile, 'date' | 'file'>, now: Date): Promise<string> {
  const time = (await fs.stat(file)).mtime;
  const when = time.toISOString();
  if (time.getTime() > now.getTime())
    throw new DumpError(
      `was last modified ${when}, after now (${now.toISOString()}): its time is taken as when its answer was fetched, and that cannot be later (set it with touch -d)`,
    );
  const earliest = addDays(date, -1);
  if (time.getTime() < toUtcMs(earliest))
    throw new DumpError(
      `was last modified ${when}, before ${earliest}: its time is taken as when its answer was fetched, and no answer for ${date} is older (set it with touch -d)`,
    );
  return when;
}
