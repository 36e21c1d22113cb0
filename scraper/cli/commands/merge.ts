// `papers merge`: other archive folders into this one (a backfill's shards, a copy kept on
// another machine), through the writer, the guards and the lock, reported day by day as an
// import is.
import path from 'node:path';
import { z } from 'zod';
import { type Command, contentOption, EXIT_FAILED, EXIT_OK, jsonOption, UsageError, waitOption } from '../command.ts';
import { opt } from '../options.ts';

export const mergeOptions = z.object({
  content: contentOption,
  force: opt.flag({ help: 'replace archived days even with older, fewer, empty or partial copies' }),
  wait: waitOption,
  json: jsonOption,
});

export const mergeCommand: Command<typeof mergeOptions> = {
  name: 'merge',
  summary: 'Merge other archive folders (days/ and ledger.json) into the archive.',
  usage: 'papers merge [options] <archive-folder>…',
  positionals: true,
  options: mergeOptions,
  details:
    "Each folder's day files go through the archive's writer and its guards: a day held is never\n" +
    'replaced by an older copy, one with fewer papers, an empty or a partial one (--force does).\n' +
    'Ledger entries of days without a file (no listing, failed) are merged too, never over a day\n' +
    'held, and a "no listing" is never replaced by a "failed".\n\n' +
    'Exit status: 0 when every day went in whole (or was already held), 1 when a day is failed or\n' +
    'was refused, or a folder could not be read, 2 on usage errors.',
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('give at least one archive folder to merge');
    const sources = positionals.map((p) => path.resolve(io.cwd, p));
    const same = sources.find((s) => s === values.content);
    if (same) throw new UsageError(`${same} is the archive being merged into (--content)`);
    const { json } = values;
    const [{ runMerge }, { createReporter, progressMode, summarize }, { withArchiveLock }] = await Promise.all([
      import('../../merge/run-merge.ts'),
      import('../progress.ts'),
      import('../../archive/lock.ts'),
    ]);
    const reporter = createReporter(progressMode(io, json), io);
    const started = performance.now();
    const lock = { command: 'papers merge', waitMs: values.wait * 1000 };
    const { reports, inputErrors } = await withArchiveLock(values.content, lock, () =>
      runMerge({
        contentDir: values.content,
        sources,
        force: values.force,
        onStart: (total) => reporter.start(total),
        onDay: (report, i, total) => reporter.day(report, i, total),
      }),
    );
    for (const e of inputErrors) {
      const line = json ? JSON.stringify({ type: 'input-error', ...e }) : `papers merge: ${e.path}: ${e.reason}`;
      (json ? io.stdout : io.stderr).write(`${line}\n`);
    }
    reporter.end(summarize('Merged', reports, (performance.now() - started) / 1000));
    const clean = reports.every((r) => (r.status === 'ok' || r.status === 'no-listing') && r.action !== 'refused');
    return clean && inputErrors.length === 0 ? EXIT_OK : EXIT_FAILED;
  },
};
