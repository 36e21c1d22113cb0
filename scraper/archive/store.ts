// Reading and writing day files under a content folder, with the guards that keep the archive
// from losing what it holds: nothing is ever written half, a day is never replaced by a version
// with fewer papers, by an empty one, by one that lost fields the held day has (regression.ts),
// or a complete one by a partial one (unless forced), and an unchanged day is not touched at
// all, so nightly commits show only real changes. A day written with changed numbers adds them to
// the day's history (history.ts), before the day file, so that a history that cannot be read
// stops the write with nothing changed.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write.ts';
import { DayFileError, dayFilePath, orderedDay, parseDayFile, renderDayFile } from './day-file.ts';
import { readDayText } from './day-files.ts';
import { observationsOf, recordHistory } from './history.ts';
import { lostFields } from './regression.ts';
import type { Day } from './schema.ts';

type Outcome =
  | { action: 'created'; before: 0; after: number }
  | { action: 'updated'; before: number; after: number }
  | { action: 'unchanged'; before: number; after: number }
  | { action: 'removed'; before: number; after: 0 }
  | { action: 'refused'; before: number; after: number; reason: string };

/** What a write did, and the day the file holds now (null: no file, or an unreadable one kept). */
export type WriteResult = Outcome & { file: string; held: Day | null };

export type WriteOptions = { force?: boolean };

type Plan = Outcome | { action: 'write'; text: string; existed: boolean; before: number; after: number };

/** What writing `day` over `existing` (the parsed file there, if any) should do. Pure. */
export function planWrite(
  day: Day | { date: string; papers: [] },
  existing: { day: Day } | { unreadable: string } | null,
  { force = false }: WriteOptions = {},
): Plan {
  const after = day.papers.length;
  if (existing && 'unreadable' in existing && !force) {
    return {
      action: 'refused',
      before: 0,
      after,
      reason: `${day.date}: the file already there cannot be read, so it was kept (${existing.unreadable}); --force replaces it`,
    };
  }
  const old = existing && 'day' in existing ? existing.day : null;
  const before = old?.papers.length ?? 0;

  if (after === 0) {
    if (existing === null) return { action: 'unchanged', before: 0, after: 0 };
    if (!force) {
      return {
        action: 'refused',
        before,
        after,
        reason: `${day.date}: an empty listing would replace ${before} papers; kept the archived day (--force removes it)`,
      };
    }
    return { action: 'removed', before, after: 0 };
  }
  const full = day as Day;

  if (old) {
    // Same papers and same status: the file stays as it is, fetch time and source included.
    const fetchMeta = { source: old.source, via: old.via, fetchedAt: old.fetchedAt };
    if (JSON.stringify(orderedDay({ ...full, ...fetchMeta })) === JSON.stringify(orderedDay(old))) {
      return { action: 'unchanged', before, after };
    }
    if (!force && after < before) {
      return {
        action: 'refused',
        before,
        after,
        reason: `${day.date}: the new listing has ${after} papers where the archive holds ${before}; kept the archived day (--force replaces it)`,
      };
    }
    if (!force && old.status === 'ok' && full.status === 'partial') {
      return {
        action: 'refused',
        before,
        after,
        reason: `${day.date}: a partial listing (${full.problems.join('; ')}) would replace a complete one; kept the archived day (--force replaces it)`,
      };
    }
    const lost = force ? [] : lostFields(old, full);
    if (lost.length > 0) {
      return {
        action: 'refused',
        before,
        after,
        reason: `${day.date}: the new listing lost what the archive holds: ${lost.join('; ')}; kept the archived day (--force replaces it)`,
      };
    }
  }
  return { action: 'write', text: renderDayFile(full), existed: existing !== null, before, after };
}

/** Writes one day under `contentDir`, atomically and only when it should (see planWrite). */
export async function writeDay(
  contentDir: string,
  day: Day | { date: string; papers: [] },
  options: WriteOptions = {},
): Promise<WriteResult> {
  const file = dayFilePath(contentDir, day.date);
  let existing: { day: Day } | { unreadable: string } | null = null;
  try {
    const text = await readDayText(contentDir, file);
    if (text !== null) existing = { day: parseDayFile(text, file) };
  } catch (e) {
    if (!(e instanceof DayFileError)) throw e;
    existing = { unreadable: e.message };
  }
  const oldDay = existing && 'day' in existing ? existing.day : null;
  const plan = planWrite(day, existing, options);
  switch (plan.action) {
    case 'removed':
      await fs.rm(file);
      return { ...plan, file, held: null };
    case 'write': {
      // The held day's numbers first: an archive older than its history starts it with them.
      const seen = [...(oldDay ? observationsOf(oldDay) : []), ...observationsOf(day as Day)];
      await recordHistory(contentDir, day.date, seen);
      await removeStaleTempFiles(path.dirname(file));
      await writeFileAtomic(file, plan.text);
      const outcome: Outcome = plan.existed
        ? { action: 'updated', before: plan.before, after: plan.after }
        : { action: 'created', before: 0, after: plan.after };
      return { ...outcome, file, held: day as Day };
    }
    default:
      return { ...plan, file, held: oldDay };
  }
}

export { type ArchiveRead, type DayFileRef, type DayParser, listDayFiles, readArchive, readDay } from './day-files.ts';
