// The archives the build benchmarks build, made once in the benchmark's work folder from the
// corpus named on the command line: the archive itself (imported when the corpus is a folder of
// API answers, used as it is when it is already an archive), the same archive without its newest
// day (what the nightly finds before it adds one; adding it moves the votes of the days a real
// night fetches again, through the archive's writer, which records their history), and the synthetic 2× and 3× archives
// (synthetic-corpus.ts). A folder already made from the same source is reused.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  addDays,
  type Day,
  type Ledger,
  readArchive,
  readDay,
  readLedger,
  writeDay,
  writeLedger,
} from '../../scraper/archive/index.ts';
import { DEFAULT_NIGHTLY_DAYS, DEFAULT_REVISIT } from '../../scraper/cli/commands/nightly.ts';
import { runImport } from '../../scraper/import/run-import.ts';
import { setAside } from './set-aside.ts';
import { writeSyntheticArchive } from './synthetic-corpus.ts';

const exists = (p: string): Promise<boolean> =>
  fs.access(p).then(
    () => true,
    () => false,
  );

/** Makes `dir` with `make` unless it was made from the same `source` already. */
async function once(dir: string, source: string, make: (dir: string) => Promise<void>): Promise<void> {
  const stamp = path.join(dir, '.bench-source');
  if ((await fs.readFile(stamp, 'utf8').catch(() => null)) === source) return;
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  await make(dir);
  await fs.writeFile(stamp, source);
}

/** The archive folder a corpus gives: itself when it holds days/, else its answers imported. */
export async function archiveOf(corpus: string, work: string): Promise<string> {
  if (await exists(path.join(corpus, 'days'))) return corpus;
  const dir = path.join(work, 'archive-1x');
  await once(dir, corpus, async (d) => {
    process.stderr.write(`importing ${corpus} into ${d}…\n`);
    const result = await runImport({ contentDir: d, inputs: [corpus] });
    const failed = result.reports.filter((r) => r.status === 'failed');
    if (failed.length > 0) throw new Error(`${failed.length} days of ${corpus} failed to import`);
  });
  return dir;
}

export async function syntheticOf(archive: string, times: number, work: string): Promise<string> {
  const dir = path.join(work, `archive-${times}x`);
  await once(dir, `${archive} x${times}`, async (d) => {
    process.stderr.write(`writing the ${times}× synthetic archive into ${d}…\n`);
    await writeSyntheticArchive(archive, times, d);
  });
  return dir;
}

export type ArchiveFacts = { days: Day[]; papers: number; first: string; last: string };

export async function archiveFacts(archive: string): Promise<ArchiveFacts> {
  const { days } = await readArchive(archive);
  const dates = days.map((d) => d.date).sort();
  return {
    days,
    papers: new Set(days.flatMap((d) => d.papers.map((p) => p.id))).size,
    first: dates[0] ?? '',
    last: dates.at(-1) ?? '',
  };
}

function dayFile(archive: string, date: string): string {
  return path.join(archive, 'days', date.slice(0, 4), `${date}.md`);
}

/**
 * A copy of `archive` in `dir` without its newest day (file and ledger entry), and the function
 * that adds that day back as a nightly run leaves it: the day file and the ledger entry written.
 */
export async function withoutNewestDay(
  archive: string,
  dir: string,
): Promise<{ date: string; addIt: () => Promise<void> }> {
  const { last } = await archiveFacts(archive);
  await setAside(dir);
  await fs.cp(path.join(archive, 'days'), path.join(dir, 'days'), { recursive: true });
  await fs.rm(dayFile(dir, last));
  const ledger = await readLedger(archive);
  const { [last]: _newest, ...older } = ledger.days;
  await writeLedger(dir, { ...ledger, days: older } satisfies Ledger);
  return {
    date: last,
    addIt: async () => {
      await fs.copyFile(dayFile(archive, last), dayFile(dir, last));
      await writeLedger(dir, ledger);
      const at = (await readDay(dir, last))!.fetchedAt;
      for (const date of nightMoves(last)) {
        const day = await readDay(dir, date);
        if (day) await writeDay(dir, movedVotes(day, at));
      }
    },
  };
}

/**
 * The days whose numbers a real night moves besides the day it adds: the rest of its window
 * (fetched again: votes keep rising) and the days it revisits for the history of votes.
 */
export function nightMoves(added: string): string[] {
  const window = Array.from({ length: DEFAULT_NIGHTLY_DAYS - 1 }, (_, i) => addDays(added, -(i + 1)));
  return [...new Set([...window, ...DEFAULT_REVISIT.map((n) => addDays(added, -n))])].sort();
}

/** A day as fetched again at `at`: every paper a few upvotes up (1 to 4, by its id), a comment on one in three. */
function movedVotes(day: Day, at: string): Day {
  const bump = (id: string) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7);
  return {
    ...day,
    fetchedAt: at,
    papers: day.papers.map((p) => ({
      ...p,
      upvotes: p.upvotes + 1 + (bump(p.id) % 4),
      comments: p.comments + (bump(p.id) % 3 === 0 ? 1 : 0),
    })),
  };
}
