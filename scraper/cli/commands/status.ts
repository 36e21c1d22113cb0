// `papers status`: what the archive holds and what it lacks, and whether every file reads; with
// --max-age, whether it is up to date (for monitoring).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { utcToday } from '../../archive/dates.ts';
import { type Command, contentOption, EXIT_FAILED, EXIT_OK, jsonOption, UsageError } from '../command.ts';
import { opt } from '../options.ts';

export const statusOptions = z.object({
  content: contentOption,
  'max-age': opt.int({
    arg: 'DAYS',
    min: 0,
    max: 3650,
    help: 'exit 1 when the newest day held is more than DAYS days before the latest UTC day (weekends count: Friday is 3 days before Monday)',
  }),
  json: jsonOption,
});

/** Whether `file` is there; a path through a file is an error for the caller to tell. */
async function present(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

export const statusCommand: Command<typeof statusOptions> = {
  name: 'status',
  summary: "Print the archive's coverage and check every day file.",

  usage: 'papers status [options]',
  options: statusOptions,
  details:
    'Prints the first and last day held, the days and papers held, and the weekdays without a file,\n' +
    'in runs, with the reason (never tried, failed, no listing, file lost) and the command that\n' +
    'fills them.\n\n' +
    'Exit status: 0 when every day file reads and the ledger matches them (and, with --max-age, the\n' +
    'newest day is recent enough), 1 otherwise, 2 on usage errors and for a folder without an archive.',
  async run({ values }, io) {
    const contentDir = values.content;
    if (!(await present(path.join(contentDir, 'days'))) && !(await present(path.join(contentDir, 'ledger.json'))))
      throw new UsageError(`${contentDir} holds no archive (no days/ and no ledger.json)`);
    const [{ readLedger }, { readArchive }, { readHistories }, { computeCoverage, heldDay }, report] =
      await Promise.all([
        import('../../archive/ledger.ts'),
        import('../../archive/store.ts'),
        import('../../archive/history.ts'),
        import('../../archive/coverage.ts'),
        import('../coverage-report.ts'),
      ]);
    const [{ days, errors }, histories, ledger] = await Promise.all([
      readArchive(contentDir),
      readHistories(contentDir),
      readLedger(contentDir),
    ]);
    const coverage = computeCoverage(days.map(heldDay), ledger);
    // A history of votes that does not read stops the next write of its day and the site's build.
    const unreadable = [...errors, ...histories.errors].map((e) => ({ file: e.file, message: e.message }));
    const today = utcToday();
    const lastHeld = days.reduce<string | null>((m, d) => (m === null || d.date > m ? d.date : m), null);
    const contentArg = contentDir === path.resolve(io.cwd, 'content') ? undefined : contentDir;
    const stale = values['max-age'] === undefined ? null : report.maxAgeProblem(lastHeld, today, values['max-age']);
    if (values.json) {
      const missingRanges = report
        .missingRanges(coverage.missingWeekdays)
        .map((r) => ({ ...r, fill: report.fillCommand(r, contentArg) }));
      const line = {
        content: contentDir,
        ...coverage,
        last: lastHeld,
        lastKnown: coverage.last,
        today,
        missingRanges,
        stale,
        unreadable,
      };
      io.stdout.write(`${JSON.stringify(line)}\n`);
    } else {
      io.stdout.write(`${report.formatCoverage(coverage, { contentDir, lastHeld, today, contentArg, unreadable })}\n`);
    }
    if (stale) io.stderr.write(`papers status: ${stale}\n`);
    return unreadable.length > 0 || coverage.lost.length > 0 || stale ? EXIT_FAILED : EXIT_OK;
  },
};
