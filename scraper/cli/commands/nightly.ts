// `papers nightly`: what the scheduled job runs, and what a person can run by hand. It fetches
// the newest days again (listings grow after their day, votes keep rising), builds the site and
// its search index, and, when asked, commits the archive folder and pushes it; then it tells what
// it did, in the log and on the job's summary page. What went in is kept, built and committed
// even when some day failed; the exit status says that one did. It also fetches, through the API,
// the days it holds of a week, two weeks and a month back (--revisit), so that the archive's history of
// numbers (archive/history.ts) holds each paper's upvotes, comments and stars at about 1, 2, 3,
// 7, 14 and 30 days: three more requests a night, where Hugging Face allows 500 in 5 minutes.
// A revisit is for the numbers: a paper Hugging Face no longer lists is kept (archive/revisit.ts)
// and noted, and a revisit that cannot be fetched is "not revisited", neither failing the night.
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { addDays, dateRange, utcToday } from '../../archive/dates.ts';
import { FIRST_DAY } from '../../archive/schema.ts';
import type { ContentRepo, Pushed } from '../../git/publish.ts';
import type { BuildState, CommitState } from '../../nightly/summary.ts';
import { type Command, EXIT_FAILED, EXIT_OK, type Io, UsageError } from '../command.ts';
import { opt } from '../options.ts';
import { fetchOptions, LATEST } from './scrape.ts';

export const DEFAULT_NIGHTLY_DAYS = 4;
/** Days before --date fetched again through the API: numbers keep moving for a week or two, stars longer. */
export const DEFAULT_REVISIT = [7, 14, 30];

export const nightlyOptions = z.object({
  date: opt.date({ arg: 'D', help: 'the newest day to fetch', defaultText: LATEST }),
  days: opt.int({
    min: 1,
    max: 31,
    default: DEFAULT_NIGHTLY_DAYS,
    help: 'days to fetch, ending with --date: listings grow after their day and votes keep rising',
  }),
  revisit: opt.ints({
    parts: 6,
    arg: 'N/N/N',
    default: DEFAULT_REVISIT,
    help: 'also fetch again, through the API, the days held this many days before --date, for the history of votes (0: none)',
  }),
  commit: opt.flag({ help: 'commit the archive folder (only it) when it changed' }),
  push: opt.flag({ help: 'push that commit, rebasing onto the remote branch if it moved on (needs --commit)' }),
  remote: opt.text({ arg: 'NAME', default: 'origin', help: 'the remote --push pushes to' }),
  'skip-build': opt.flag({ help: 'do not build the site' }),
  'out-dir': opt.path({ arg: 'DIR', help: 'where the site is built', defaultText: 'dist/ in the repository' }),
  ...fetchOptions.shape,
});

type NightlyValues = z.output<typeof nightlyOptions>;

/** The window: `days` days ending with `date` (default today, UTC). */
export function nightlyDates(date: string | undefined, days: number, today: string): string[] {
  const last = date ?? today;
  if (last > today) throw new UsageError(`${last} is in the future (today is ${today} UTC)`);
  const first = addDays(last, 1 - days);
  if (first < FIRST_DAY)
    throw new UsageError(`--days ${days} reaches back to ${first}, before Daily Papers began (${FIRST_DAY})`);
  return dateRange(first, last);
}

/**
 * The days fetched again: `revisit` days before the window's newest day, not in the window, not
 * before Daily Papers began; oldest first. 0 asks for none.
 */
export function revisitDates(window: readonly string[], revisit: readonly number[]): string[] {
  const newest = window.at(-1);
  if (!newest) return [];
  const dates = revisit.filter((n) => n > 0).map((n) => addDays(newest, -n));
  return [...new Set(dates)].filter((d) => d >= FIRST_DAY && !window.includes(d)).sort();
}

export const nightlyCommand: Command<typeof nightlyOptions> = {
  name: 'nightly',
  summary: 'Fetch the newest days, build the site, and commit and push the archive (the scheduled job).',
  usage: 'papers nightly [--date D] [--days N] [--commit [--push [--remote NAME]]] [--skip-build] [options]',
  options: nightlyOptions,
  details: [
    'Fetches --days days ending with --date as `papers scrape` does (same options), and the days',
    '--revisit days before --date through the API (for the history of votes), updates the',
    'ledger, builds the site into --out-dir (`astro build`, with $PAPERS_CONTENT set to --content),',
    'and with --commit commits the archive folder when it changed, naming the days added and',
    'changed. Without --commit nothing is committed or pushed. A summary ends the run, and is',
    'appended as Markdown to $GITHUB_STEP_SUMMARY when that is set.',
    '',
    'A revisited day keeps the papers Hugging Face no longer lists (noted in the summary), and one',
    'that cannot be fetched is told as not revisited; neither fails the run.',
    '',
    'Exit status: 0 when every day is ok or has no listing and the commit, push and build went',
    'well; 1 when a day failed (the others are still kept, built, committed and pushed) or the',
    'commit, push or build failed; 2 on usage errors.',
  ].join('\n'),
  async run({ values }, io) {
    const today = utcToday();
    const dates = nightlyDates(values.date, values.days, today);
    if (values.push && !values.commit) throw new UsageError('--push needs --commit');
    const [{ runScrape }, { acquireArchiveLock }, publish, summary] = await Promise.all([
      import('../scrape-run.ts'),
      import('../../archive/lock.ts'),
      import('../../git/publish.ts'),
      import('../../nightly/summary.ts'),
    ]);
    // Before anything is fetched: a run that could not commit should not spend the night first.
    const repo = values.commit
      ? await publish.openContentRepo(values.content, { push: values.push, remote: values.remote, env: io.env })
      : null;
    const lock = await acquireArchiveLock(values.content, {
      command: 'papers nightly',
      waitMs: values.wait * 1000,
    });
    let outcome: Parameters<typeof summary.summarizeNightly>[0];
    try {
      const before = await readWindow(values.content, dates);
      const main = await runScrape(values, { dates, today, command: 'papers nightly' }, io);
      // Only days the archive holds: revisiting is for their numbers; filling gaps is a backfill's.
      const candidates = revisitDates(dates, values.revisit);
      const held = await readWindow(values.content, candidates);
      const again = candidates.filter((d) => held.get(d));
      const revisited =
        again.length > 0 && main.notAttempted.length === 0
          ? await runScrape(
              { ...values, source: 'api' },
              { dates: again, today, command: 'papers nightly', revisit: true },
              io,
            )
          : { reports: [], notAttempted: again, clean: true };
      const run = {
        reports: [...main.reports, ...revisited.reports],
        notAttempted: [...main.notAttempted, ...revisited.notAttempted],
        clean: main.clean && revisited.clean,
      };
      const after = await readWindow(values.content, dates);
      const { contentChanges, papersAdded } = await import('../../git/changes.ts');
      const window = dates.map((date) => ({ date, before: before.get(date) ?? null, after: after.get(date) ?? null }));
      const interrupted = run.notAttempted.length > 0;
      const published = repo
        ? await publishStep(repo, values, { interrupted, revisited: again }, io)
        : { commit: { status: 'not asked' } as CommitState, push: null, errors: [] };
      const build = await buildStep(values, interrupted, io);
      outcome = {
        dates,
        revisited: again,
        reports: run.reports,
        notAttempted: run.notAttempted,
        scrapeClean: run.clean,
        papersAdded: papersAdded(contentChanges(window, { before: null, after: null })),
        ...published,
        build,
      };
    } finally {
      await lock.release();
    }
    const s = summary.summarizeNightly(outcome);
    io.stdout.write(
      values.json ? `${JSON.stringify({ type: 'nightly', ...s })}\n` : `${summary.formatNightlyText(s)}\n`,
    );
    const stepSummary = io.env['GITHUB_STEP_SUMMARY'];
    if (stepSummary) {
      await fs.appendFile(stepSummary, `${summary.formatNightlyMarkdown(s)}\n`).catch((e: Error) => {
        io.stderr.write(`papers nightly: could not write $GITHUB_STEP_SUMMARY (${stepSummary}): ${e.message}\n`);
      });
    }
    return s.ok ? EXIT_OK : EXIT_FAILED;
  },
};

/** The window's day files as they stand (null: none, or one that does not read). */
async function readWindow(contentDir: string, dates: readonly string[]) {
  const { readDay } = await import('../../archive/store.ts');
  const days = await Promise.all(dates.map((d) => readDay(contentDir, d).catch(() => null)));
  return new Map(dates.map((d, i) => [d, days[i] ?? null]));
}

async function publishStep(
  repo: ContentRepo,
  values: NightlyValues,
  { interrupted, revisited }: { interrupted: boolean; revisited: readonly string[] },
  io: Io,
): Promise<{ commit: CommitState; push: Pushed | null; errors: string[] }> {
  // Ctrl-C, or a cancelled job: stop, and leave what was fetched for the next run to commit.
  if (interrupted) return { commit: { status: 'not made', why: 'interrupted' }, push: null, errors: [] };
  const [{ commitAndPush }, { nightlyCommitMessage }] = await Promise.all([
    import('../../git/publish.ts'),
    import('../../git/commit-message.ts'),
  ]);
  const done = await commitAndPush(repo, {
    message: (changes) => nightlyCommitMessage(changes, { revisited }),
    pushTo: values.push ? values.remote : null,
    log: (line) => io.stderr.write(`papers nightly: ${line}\n`),
  });
  const commit: CommitState = done.commit
    ? { status: 'made', sha: done.commit.sha, subject: done.commit.subject, author: done.commit.author }
    : done.error
      ? { status: 'not made', why: 'git failed' }
      : { status: 'nothing to commit' };
  return { commit, push: done.push, errors: done.error ? [done.error] : [] };
}

async function buildStep(values: NightlyValues, interrupted: boolean, io: Io): Promise<BuildState> {
  if (values['skip-build']) return { status: 'skipped' };
  if (interrupted) return { status: 'not run', why: 'interrupted' };
  const { buildSite } = await import('../../nightly/build.ts');
  if (!values.json) io.stderr.write('papers nightly: building the site…\n');
  const built = await buildSite({ contentDir: values.content, outDir: values['out-dir'], env: io.env });
  return built.ok
    ? { status: 'built', seconds: built.seconds, outDir: built.outDir }
    : { status: 'failed', seconds: built.seconds, outDir: built.outDir, message: built.message };
}
