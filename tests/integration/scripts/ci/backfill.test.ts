// The backfill as the workflow runs it: the plan splits three weeks of the replay server across
// a month's end into shards, the shards are scraped at once into their own folders, and the merge puts them into a
// git clone's archive, commits once and pushes. The archive it gives is the one a single
// sequential `papers scrape` of the range gives (fetch times aside). The plan runs as a process,
// as its workflow step does (the smoke: the script's own entry, its exit code, $GITHUB_OUTPUT);
// the shards, the merge and the scrape they are compared with run in this process through the
// scripts' exported definitions (scripts/ci/script.ts), with git in the environment handed to
// them (isolated from the machine's configuration): the same parsing, output and exit codes.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLedger } from '../../../../scraper/archive/ledger.ts';
import { readArchive } from '../../../../scraper/archive/store.ts';
import { backfillMerge } from '../../../../scripts/ci/backfill-merge.ts';
import { backfillPlan } from '../../../../scripts/ci/backfill-plan.ts';
import { backfillShard } from '../../../../scripts/ci/backfill-shard.ts';
import { runMain } from '../../../helpers/cli.ts';
import { FAST_PACING, replayServer } from '../../../helpers/replay.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { gitSetup } from '../../scraper/cli/git-helpers.ts';
import { runInProcess, runScript } from './run.ts';

const replay = replayServer({ quota: { pages: 1e9, api: 1e9 } });

/** An archive as data, fetch times aside: the day files' records and the ledger's entries. */
async function archiveData(content: string) {
  const { days, errors } = await readArchive(content);
  expect(errors).toEqual([]);
  const ledger = await readLedger(content);
  return {
    days: days.map(({ fetchedAt: _, ...day }) => day),
    ledger: Object.fromEntries(Object.entries(ledger.days).map(([date, { at: _, ...entry }]) => [date, entry])),
  };
}

describe('the backfill: plan, shards, merge', () => {
  it('gives the archive what one sequential scrape of the range gives, in one commit, pushed', async () => {
    const outputFile = path.join(tempDir(), 'github-output');
    writeFileSync(outputFile, 'earlier=1\n');
    const plan = await runScript(
      'backfill-plan.ts',
      ['--from', '2026-07-20', '--to', '2026-08-07', '--github-output'],
      {
        env: { CI: '1', GITHUB_OUTPUT: outputFile },
      },
    );
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
    const matrix = JSON.parse(plan.stdout) as { include: { name: string; from: string; to: string }[] };
    expect(matrix.include).toEqual([
      { name: '2026-07', from: '2026-07-20', to: '2026-07-31' },
      { name: '2026-08', from: '2026-08-01', to: '2026-08-07' },
    ]);
    expect(readFileSync(outputFile, 'utf8')).toBe(`earlier=1\nmatrix=${plan.stdout}`);

    const shardsDir = tempDir('shards-');
    const shards = await Promise.all(
      matrix.include.map(async (s) => {
        const out = path.join(shardsDir, s.name);
        const args = ['--from', s.from, '--to', s.to, '--out', out, '--base-url', replay.url, ...FAST_PACING];
        return { out, result: await runInProcess(backfillShard, args) };
      }),
    );
    for (const { result } of shards) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    // Through the API unless told otherwise.
    expect((await readArchive(shards[0]!.out)).days[0]).toMatchObject({ via: 'api' });

    const g = gitSetup();
    const stepSummary = path.join(tempDir(), 'step-summary.md');
    const merged = await runInProcess(
      backfillMerge,
      ['--content', g.content, '--commit', '--push', ...shards.map((s) => s.out)],
      { env: { ...g.env, GITHUB_STEP_SUMMARY: stepSummary } },
    );
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    const subject = 'Daily Papers backfill 2026-07-20 … 2026-08-07: 14 days added, 5 no listing';
    expect(merged.stdout).toContain(`Committed `);
    expect(merged.stdout).toContain(`"${subject}"\nPushed to origin/main\n`);
    expect(g.remoteLog()).toEqual([`daily-papers-archive[bot]|${subject}`, 'Test Person|Start']);
    const markdown = readFileSync(stepSummary, 'utf8');
    expect(markdown).toContain('### Daily Papers backfill, 2026-07-20 … 2026-08-07\n');
    expect(markdown).toContain('— pushed to `origin/main`');

    const sequential = tempDir('sequential-');
    const scraped = await runMain([
      'scrape',
      '--from',
      '2026-07-20',
      '--to',
      '2026-08-07',
      '--content',
      sequential,
      '--source',
      'api',
      '--base-url',
      replay.url,
      ...FAST_PACING,
    ]);
    expect(scraped.code).toBe(0);
    const expected = await archiveData(sequential);
    expect(expected.days).toHaveLength(14);
    expect(await archiveData(g.content)).toEqual(expected);

    // Merging the shards again changes nothing and commits nothing.
    const again = await runInProcess(backfillMerge, ['--content', g.content, '--commit', ...shards.map((s) => s.out)], {
      env: g.env,
    });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing new to commit.\n');
  });

  it('keeps what a shard got when some day failed, and exits 1 only after', async () => {
    replay.server.faults.set({ downDays: ['2026-07-02'] });
    try {
      const out = path.join(tempDir(), 'shard');
      const args = [
        '--from',
        '2026-07-01',
        '--to',
        '2026-07-03',
        '--out',
        out,
        '--base-url',
        replay.url,
        ...FAST_PACING,
      ];
      const result = await runInProcess(backfillShard, args);
      expect(result.code).toBe(1);
      const ledger = await readLedger(out);
      expect(Object.fromEntries(Object.entries(ledger.days).map(([d, e]) => [d, e.status]))).toEqual({
        '2026-07-01': 'ok',
        '2026-07-02': 'failed',
        '2026-07-03': 'ok',
      });
    } finally {
      replay.server.faults.clear();
    }
  });

  it('refuses a reversed range, one over the bound, and scrape options that fight the shard', async () => {
    const reversed = await runInProcess(backfillPlan, ['--from', '2026-08-07', '--to', '2026-06-15']);
    expect(reversed).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        "backfill-plan: --from 2026-08-07 is after --to 2026-06-15\nRun 'node scripts/ci/backfill-plan.ts --help' for usage.\n",
    });
    const long = await runInProcess(backfillPlan, ['--from', '2023-05-04', '--to', '2028-06-01']);
    expect(long.code).toBe(2);
    const shard = await runInProcess(backfillShard, [
      '--from',
      '2026-07-01',
      '--to',
      '2026-07-03',
      '--out',
      tempDir(),
      '--last',
      '3',
    ]);
    expect(shard.code).toBe(2);
    expect(shard.stderr).toContain('backfill-shard: --last is not for a shard');
    const merge = await runInProcess(backfillMerge, ['--push', tempDir()]);
    expect(merge.stderr).toContain('backfill-merge: --push needs --commit');
  });
});
