// `papers import`: dumps of API answers into the archive, through the same checks and guards as
// a scrape.
import { z } from 'zod';
import { type Command, contentOption, EXIT_FAILED, EXIT_OK, jsonOption, UsageError, waitOption } from '../command.ts';
import { opt } from '../options.ts';

export const importOptions = z.object({
  content: contentOption,
  from: opt.date({ help: 'import only days on or after DATE' }),
  to: opt.date({ help: 'import only days on or before DATE' }),
  force: opt.flag({ help: 'replace archived days even with older, fewer, empty or partial copies' }),
  wait: waitOption,
  json: jsonOption,
});

export const importCommand: Command<typeof importOptions> = {
  name: 'import',
  summary: 'Import API answers (dumps of YYYY-MM-DD.json or .json.gz) into the archive.',
  usage: 'papers import [options] <file-or-folder>…',
  positionals: true,
  options: importOptions,
  details:
    'Files and folders (any depth) of the JSON arrays /api/daily_papers?date=D answered, named for\n' +
    'their day, go through the same validation, writer and guards as a scrape. A file counts as\n' +
    'fetched when it was last modified (keep its time when copying: cp -p, rsync -t, tar); one\n' +
    'older than the day the archive holds adds its numbers to the history and leaves the day file\n' +
    'as it is (--force puts it in its place).\n\n' +
    'Exit status: 0 when every day went in whole, 1 when a day failed, was refused or lost records,\n2 on usage errors.',
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('give at least one file or folder to import');
    const { from, to, json } = values;
    if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
    const [{ runImport }, { createReporter, progressMode, summarize }, { withArchiveLock }] = await Promise.all([
      import('../../import/run-import.ts'),
      import('../progress.ts'),
      import('../../archive/lock.ts'),
    ]);
    const reporter = createReporter(progressMode(io, json), io);
    const started = performance.now();
    const lock = { command: 'papers import', waitMs: values.wait * 1000 };
    const { reports, inputErrors } = await withArchiveLock(values.content, lock, () =>
      runImport({
        contentDir: values.content,
        inputs: positionals,
        from,
        to,
        force: values.force,
        onStart: (total) => reporter.start(total),
        onDay: (report, i, total) => reporter.day(report, i, total),
      }),
    );
    for (const e of inputErrors) {
      const line = json ? JSON.stringify({ type: 'input-error', ...e }) : `papers import: ${e.path} ${e.reason}`;
      (json ? io.stdout : io.stderr).write(`${line}\n`);
    }
    reporter.end(summarize('Imported', reports, (performance.now() - started) / 1000));
    const clean = reports.every(
      (r) => (r.status === 'ok' || r.status === 'no-listing') && r.action !== 'refused' && r.rejected.length === 0,
    );
    return clean && inputErrors.length === 0 ? EXIT_OK : EXIT_FAILED;
  },
};
