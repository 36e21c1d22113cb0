// The end of a backfill: the shards' archive folders (one per month, from backfill-shard.ts)
// merged into the archive with `papers merge` (its writer, guards and lock), then, when asked,
// one commit naming the range and the counts, pushed with the same rebase-and-retry as
// `papers nightly` (scraper/git/publish.ts); a few lines go to $GITHUB_STEP_SUMMARY when set.
//
//   node scripts/ci/backfill-merge.ts [--content DIR] [--commit [--push [--remote NAME]]] SHARD_DIR…
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { listDayFiles, readLedger } from '../../scraper/archive/index.ts';
import { contentOption, UsageError, waitOption } from '../../scraper/cli/command.ts';
import { main } from '../../scraper/cli/main.ts';
import { opt } from '../../scraper/cli/options.ts';
import { backfillCommitMessage } from '../../scraper/git/commit-message.ts';
import { openContentRepo, type Published, publishContent } from '../../scraper/git/publish.ts';
import { mdText } from '../../scraper/nightly/summary.ts';
import { mainOf, type Script } from './script.ts';

const options = z.object({
  content: contentOption,
  commit: opt.flag({ help: 'commit the archive folder (only it) when the merge changed it' }),
  push: opt.flag({ help: 'push that commit, rebasing onto the remote branch if it moved on (needs --commit)' }),
  remote: opt.text({ arg: 'NAME', default: 'origin', help: 'the remote --push pushes to' }),
  wait: waitOption,
});

/** The first and last date the shards know (files or ledger), or null when they know none. */
export async function shardRange(dirs: readonly string[]): Promise<{ from: string; to: string } | null> {
  const dates: string[] = [];
  for (const dir of dirs) {
    const ledger = await readLedger(dir).catch(() => null);
    dates.push(...Object.keys(ledger?.days ?? {}), ...(await listDayFiles(dir).catch(() => [])).map((f) => f.date));
  }
  dates.sort();
  return dates.length > 0 ? { from: dates[0]!, to: dates.at(-1)! } : null;
}

/** A few lines for the job's summary page: the range, the merge's verdict, the commit and push. */
export function stepMarkdown(range: { from: string; to: string }, merged: number, done: Published): string {
  const commit = done.commit ? `\`${done.commit.sha.slice(0, 7)}\` ${mdText(done.commit.subject)}` : 'nothing new';
  const push = done.push?.pushed ? ` — pushed to \`${done.push.remote}/${done.push.branch}\`` : '';
  return [
    `### Daily Papers backfill, ${range.from} … ${range.to}`,
    '',
    `**Merge:** ${merged === 0 ? 'every day went in whole' : 'some days failed or were refused (see the log)'}  `,
    `**Commit:** ${commit}${push}${done.error ? `  \n**Error:** ${mdText(done.error)}` : ''}`,
    '',
  ].join('\n');
}

export const backfillMerge: Script<typeof options> = {
  name: 'backfill-merge',
  summary: "Merge a backfill's shard folders into the archive, then commit and push it.",
  usage: '[--content DIR] [--commit [--push [--remote NAME]]] SHARD_DIR…',
  details: 'Exit status: 1 when the merge left a day failed or refused, or the commit or push failed.',
  options,
  positionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('give the shard folders to merge');
    if (values.push && !values.commit) throw new UsageError('--push needs --commit');
    const shards = positionals.map((p) => path.resolve(io.cwd, p));
    const repo = values.commit
      ? await openContentRepo(values.content, { push: values.push, remote: values.remote, env: io.env })
      : null;
    const merged = await main(['merge', '--content', values.content, '--wait', String(values.wait), ...shards], io);
    if (merged === 2 || !repo) return merged;
    const range = (await shardRange(shards)) ?? { from: '?', to: '?' };
    const done = await publishContent(repo, {
      command: 'backfill-merge',
      waitMs: values.wait * 1000,
      message: (changes) => backfillCommitMessage(changes, range),
      pushTo: values.push ? values.remote : null,
      log: (line) => io.stderr.write(`backfill-merge: ${line}\n`),
    });
    if (done.commit) io.stdout.write(`Committed ${done.commit.sha.slice(0, 7)} "${done.commit.subject}"\n`);
    else if (!done.error) io.stdout.write('Nothing new to commit.\n');
    if (done.push?.pushed) io.stdout.write(`Pushed to ${done.push.remote}/${done.push.branch}\n`);
    if (done.error) io.stderr.write(`backfill-merge: ${done.error}\n`);
    const stepSummary = io.env['GITHUB_STEP_SUMMARY'];
    if (stepSummary) await fs.appendFile(stepSummary, stepMarkdown(range, merged, done));
    return done.error ? 1 : merged;
  },
};

mainOf(import.meta, backfillMerge);
