// `papers import`: dumps of API answers through the same validation, writer and ledger as a
// scrape. This is how an archive is seeded from an existing dump, and how the bundled one is
// made. Each dump counts as fetched when its file was last modified (dump-files.ts, dumpTime),
// so dumps of one day taken on different dates give the day's history its true times, in
// whatever order they are imported; one older than the day held goes to the history only
// (archive-day.ts, keepNewer). The caller holds the archive's lock (archive/lock.ts).
import { archiveDay, type DayOutcome, type DayReport } from '../archive/archive-day.ts';
import { mergeIntoLedger, readLedger } from '../archive/ledger.ts';
import { HF_ORIGIN } from '../archive/links.ts';
import { DumpError, type DumpFile, dumpTime, findDumpFiles, type InputProblem, readDumpFile } from './dump-files.ts';

export type ImportOptions = {
  contentDir: string;
  inputs: readonly string[];
  force?: boolean;
  /** Only days within [from, to] (inclusive, YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** The ledger's times, and the latest a dump's time may be. */
  now?: () => Date;
  /** Called once the files are found, with how many days will be imported. */
  onStart?: (total: number) => void;
  onDay?: (report: DayReport, index: number, total: number) => void;
};

export type ImportResult = { reports: DayReport[]; inputErrors: InputProblem[] };

async function outcomeOf({ date, file, root }: DumpFile, now: Date): Promise<DayOutcome> {
  try {
    const items = await readDumpFile({ file, root });
    const fetchedAt = await dumpTime({ date, file }, now);
    return {
      date,
      kind: 'listing',
      via: 'import',
      source: `${HF_ORIGIN}/api/daily_papers?date=${date}`,
      fetchedAt,
      items,
    };
  } catch (e) {
    if (!(e instanceof DumpError)) throw e;
    return { date, kind: 'failed', via: 'import', reason: `${file} ${e.message}` };
  }
}

export async function runImport(options: ImportOptions): Promise<ImportResult> {
  const { contentDir, force = false, now = () => new Date() } = options;
  const found = await findDumpFiles(options.inputs);
  const errors = found.errors;
  const files = found.files.filter(
    (f) => (!options.from || f.date >= options.from) && (!options.to || f.date <= options.to),
  );
  let ledger = await readLedger(contentDir);
  options.onStart?.(files.length);
  const reports: DayReport[] = [];
  for (const [i, dump] of files.entries()) {
    const { date } = dump;
    const outcome = await outcomeOf(dump, now());
    const step = await archiveDay(contentDir, ledger, outcome, { force, now, keepNewer: true });
    // Written after every day: a run killed midway leaves a ledger that matches the files.
    const entry = step.ledger.days[date];
    ledger = step.ledger !== ledger && entry ? await mergeIntoLedger(contentDir, { [date]: entry }) : step.ledger;
    reports.push(step.report);
    options.onDay?.(step.report, i, files.length);
  }
  return { reports, inputErrors: errors };
}
