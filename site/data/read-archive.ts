// The archive as the site's build reads it: every day file, its history of votes and the ledger, through the archive's
// own reader (scraper/archive), which checks each against the schema and names a bad file and
// field in the words `papers status` uses. The build fails on any problem, listing them all: a
// site is never published from an archive that `papers status` would refuse.
//
// Read directly rather than through Astro's content layer: on the full archive (815 days, 28 MB
// of data) the content layer cost about 12 s of CPU a build (its data store written to disk with
// devalue, 6 s, then compiled back as one 28 MB JavaScript module, 3 s, and every file hashed
// and parsed), against 1.5 s to read and parse every day file here. Its one saving, not parsing
// days unchanged since the last build, is worth less than what it costs to keep (measured in
// bench/RESULTS.md; the README's "Benchmarks").
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  type Day,
  DayFileError,
  dayFileProblems,
  type HistoryEntry,
  InputError,
  LEDGER_FILE,
  type Ledger,
  listDayFiles,
  readArchive,
  readHistories,
  readLedger,
} from '../../scraper/archive/index.ts';
import { dayMemo } from './day-memo.ts';

export type SiteArchive = {
  days: Day[];
  ledger: Ledger;
  /** Each day's history of votes (scraper/archive/history.ts), by date; a day without one is not a key. */
  histories: Map<string, HistoryEntry[]>;
};

/** A path from the working folder where it is under it (`content/days/…`, as `npm run build` runs). */
function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

function describe(error: Error): string {
  if (error instanceof DayFileError && error.message.startsWith(`${error.file}: `)) {
    return `${shown(error.file)}: ${error.message.slice(error.file.length + 2)}`;
  }
  return error.message;
}

type ArchiveRead = Awaited<ReturnType<typeof readArchive>>;
const SHARED = Symbol.for('daily-papers-archive.archive-read');
type Shared = { [SHARED]?: { dir: string; read: Promise<ArchiveRead> } };

/**
 * One read of the archive for the pages and the search index of a build: the search index's
 * integration (site/integrations/search-index.ts) starts it as the build starts and ends it when the
 * build is done; the pages, bundled apart from the integration, find it here (2 s of CPU on the
 * full archive, read once instead of twice while both run). Outside a build (the dev server,
 * which re-reads a changed archive) every read is the reader's own.
 */
export const buildRead = {
  /** `memoDir`: where the build keeps the days it parsed (day-memo.ts); none, every file is parsed. */
  start(contentDir: string, memoDir?: string): Promise<ArchiveRead> {
    const read = readDays(contentDir, memoDir);
    read.catch(() => {});
    (globalThis as Shared)[SHARED] = { dir: contentDir, read };
    return read;
  },
  end(): void {
    delete (globalThis as Shared)[SHARED];
  },
  of(contentDir: string, memoDir?: string): Promise<ArchiveRead> {
    const held = (globalThis as Shared)[SHARED];
    return held && held.dir === contentDir ? held.read : readDays(contentDir, memoDir);
  },
};

/** The archive's days, through the build's memo when it has one (pruned of what it did not read). */
async function readDays(contentDir: string, memoDir: string | undefined): Promise<ArchiveRead> {
  if (!memoDir) return readArchive(contentDir);
  const memo = dayMemo(memoDir);
  const read = await readArchive(contentDir, { parse: memo.parse });
  await memo.prune();
  return read;
}

/** Every day (oldest first) and the ledger; any problem with any file throws, naming them all. */
export async function readSiteArchive(contentDir: string): Promise<SiteArchive> {
  // Refused before a file is parsed: no archive there, days out of place, folders or oversized files.
  const problems = await dayFileProblems(contentDir);
  if (problems.length > 0) throw new InputError(problems.map(describe).join('\n'));
  const [{ days, errors }, { histories, errors: historyErrors }] = await Promise.all([
    buildRead.of(contentDir),
    readHistories(contentDir),
  ]);
  const all = [...errors, ...historyErrors];
  if (all.length > 0) throw new InputError(all.map(describe).join('\n'));
  return { days, ledger: await readLedger(contentDir), histories };
}

/**
 * What the archive folder holds, cheaply: each day file's and the ledger's name, size and time.
 * The dev server re-reads the archive when it changes; a build reads it once.
 */
export async function archiveFingerprint(contentDir: string): Promise<string> {
  const files = [...(await listDayFiles(contentDir)).map((r) => r.file), path.join(contentDir, LEDGER_FILE)];
  const stats = await Promise.all(files.map((f) => fs.stat(f).catch(() => null)));
  return files.map((f, i) => `${f} ${stats[i]?.size ?? '-'} ${stats[i]?.mtimeMs ?? '-'}`).join('\n');
}
