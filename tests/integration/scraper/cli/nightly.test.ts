// `papers nightly` end to end, as the scheduled job runs it: the replay server on 127.0.0.1 (the
// API source: no browser), real git with a bare remote in a temporary folder. The first run is
// the real command as a process (the smoke: commit, push and the step summary, as CI sees
// them); the others run main() in this process, with git in the environment the command is
// handed (isolated from the machine's configuration), which asserts the same exit codes, output
// and commits for a fraction of the CPU. The site's build is skipped but for one run whose build
// fails at once; tests/e2e/nightly/ runs one that builds.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { archiveDay } from '../../../../scraper/archive/archive-day.ts';
import { dayFilePath } from '../../../../scraper/archive/day-file.ts';
import { readHistory } from '../../../../scraper/archive/history.ts';
import { readLedger, writeLedger } from '../../../../scraper/archive/ledger.ts';
import { listDayFiles, readDay } from '../../../../scraper/archive/store.ts';
import { fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { runMain, runPapers } from '../../../helpers/cli.ts';
import { FAST_PACING, replayServer } from '../../../helpers/replay.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { type GitSetup, gitSetup, isolatedGitEnv } from './git-helpers.ts';

// The RateLimit headers count real requests: quotas this high never pause a run.
const replay = replayServer({ quota: { pages: 1e9, api: 1e9 } });
beforeEach(() => replay.server.faults.clear());

const WINDOW = ['2026-08-04', '2026-08-05', '2026-08-06', '2026-08-07'];
const BOT = 'daily-papers-archive[bot]';

/** The arguments of `papers nightly` for the fixture week's Friday, fast: paced at 100 requests a second, retries at once. */
const nightlyArgs = (g: GitSetup, args: string[]) => [
  'nightly',
  '--date',
  '2026-08-07',
  '--content',
  g.content,
  '--base-url',
  replay.url,
  '--source',
  'api',
  ...FAST_PACING,
  '--skip-build',
  ...args,
];

/** `papers nightly` in this process (main()), git isolated from the machine's configuration. */
function nightly(g: GitSetup, args: string[], env: Record<string, string> = {}) {
  return runMain(nightlyArgs(g, args), { env: { ...g.env, GITHUB_STEP_SUMMARY: '', ...env } });
}

/** Holds `date` as an earlier run would have, with every paper's votes `lower` fewer. */
async function hold(content: string, date: string, lower = 0): Promise<void> {
  const items = fixtureItems(date).map((i) => ({
    ...i,
    paper: { ...i.paper, upvotes: Math.max(0, i.paper.upvotes - lower) },
  }));
  const { ledger } = await archiveDay(content, await readLedger(content), {
    date,
    kind: 'listing',
    via: 'api',
    source: `${replay.url}/api/daily_papers?date=${date}`,
    fetchedAt: '2026-08-07T01:00:00.000Z',
    items,
  });
  await writeLedger(content, ledger);
}

const heldDates = async (content: string) => (await listDayFiles(content)).map((f) => f.date);

describe('papers nightly --commit --push', () => {
  it('commits the days added and changed, pushes them, and writes the step summary; a run with nothing new commits nothing', async () => {
    const g = gitSetup();
    await hold(g.content, '2026-08-04');
    await hold(g.content, '2026-08-05', 1);
    await hold(g.content, '2026-08-06', 1);
    g.git(g.work, 'add', 'content');
    g.git(g.work, 'commit', '-q', '-m', 'Earlier nights');
    g.git(g.work, 'push', '-q');
    const summaryFile = path.join(tempDir(), 'step-summary.md');
    writeFileSync(summaryFile, 'an earlier step\n');

    // The one run as a process: bin/papers.js, main() and the environment as CI hands them over.
    const run = await runPapers(nightlyArgs(g, ['--commit', '--push']), {
      env: { ...g.env, GITHUB_STEP_SUMMARY: summaryFile },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await heldDates(g.content)).toEqual(WINDOW);
    expect(run.stdout).toContain(
      'Nightly 2026-08-04 … 2026-08-07: 1 added, 2 changed, 1 unchanged, 0 no listing, 0 failed; 20 papers added.\n',
    );
    const subject = 'Daily Papers: 2026-08-07 added; 2026-08-05, 2026-08-06 updated';
    expect(run.stdout).toMatch(
      new RegExp(`Commit: [0-9a-f]{7} "${subject}" by daily-papers-archive\\[bot\\] .*; pushed to origin/main\\n`),
    );
    // One commit, by the bot (the clone has no identity), pushed.
    expect(g.remoteLog()).toEqual([`${BOT}|${subject}`, 'Test Person|Earlier nights', 'Test Person|Start']);
    const body = g.git(g.remote, 'log', '-1', '--format=%b', 'main');
    expect(body).toContain('Papers added (20):\n- 2026-08-07 2608.05987 AgentOPSD: Recursive Self-Distillation');
    expect(g.git(g.remote, 'show', '--name-only', '--format=', 'main').trim().split('\n').sort()).toEqual([
      'content/days/2026/2026-08-05.md',
      'content/days/2026/2026-08-06.md',
      'content/days/2026/2026-08-07.md',
      // Each day's votes moved, or began: the history of votes (scraper/archive/history.ts).
      'content/history/2026/2026-08-05.jsonl',
      'content/history/2026/2026-08-06.jsonl',
      'content/history/2026/2026-08-07.jsonl',
      'content/ledger.json',
    ]);
    expect(g.git(g.work, 'status', '--porcelain')).toBe('');
    const markdown = readFileSync(summaryFile, 'utf8');
    expect(markdown.startsWith('an earlier step\n### Daily Papers nightly, 2026-08-04 … 2026-08-07\n')).toBe(true);
    expect(markdown).toContain('| added | 2026-08-07 |\n| changed | 2026-08-05, 2026-08-06 |');
    expect(markdown).toContain('**20 papers added**');

    const again = await nightly(g, ['--commit', '--push']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 added, 0 changed, 4 unchanged');
    expect(again.stdout).toContain('Commit: nothing new to commit; origin/main already has it, nothing to push\n');
    expect(g.remoteLog()).toHaveLength(3);
  });

  it('keeps, commits and pushes the other days when one fails, and exits 1 naming it', async () => {
    const g = gitSetup();
    replay.server.faults.set({ downDays: ['2026-08-06'] });
    const run = await nightly(g, ['--commit', '--push']);
    expect(run.code).toBe(1);
    expect(await heldDates(g.content)).toEqual(['2026-08-04', '2026-08-05', '2026-08-07']);
    expect(run.stdout).toMatch(/ {2}failed: {6}2026-08-06: .*HTTP 503/);
    expect(g.remoteLog()[0]).toBe(`${BOT}|Daily Papers: 2026-08-04, 2026-08-05, 2026-08-07 added; 2026-08-06 failed`);
    const ledger = await readLedger(g.content);
    expect(ledger.days['2026-08-06']).toMatchObject({ status: 'failed' });
    expect(g.git(g.work, 'status', '--porcelain')).toBe('');
  });

  it('rebases onto a remote that moved on meanwhile and pushes, as the configured user', async () => {
    const g = gitSetup();
    g.git(g.work, 'config', 'user.name', 'Nightly Person');
    g.git(g.work, 'config', 'user.email', 'nightly@example.org');
    g.pushFromElsewhere('site/notes.md', 'unrelated\n', 'An unrelated change');
    const run = await nightly(g, ['--commit', '--push']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'papers nightly: origin/main moved on meanwhile: rebasing onto it and pushing again\n',
    );
    expect(run.stdout).toContain('pushed to origin/main (after 1 rebase onto it)');
    expect(g.remoteLog()).toEqual([
      'Nightly Person|Daily Papers: 2026-08-04, 2026-08-05, 2026-08-06, 2026-08-07 added',
      'Test Person|An unrelated change',
      'Test Person|Start',
    ]);
    // History stays linear: the nightly commit sits on the other one.
    expect(g.git(g.remote, 'rev-list', '--merges', 'main').trim()).toBe('');
    expect(existsSync(path.join(g.work, 'site/notes.md'))).toBe(true);
  });

  it('stops on a conflict when rebasing: undone, nothing pushed, exit 1', async () => {
    const g = gitSetup();
    g.pushFromElsewhere('content/ledger.json', '{"format":1,"days":{}}\n', 'Another archive writer');
    const run = await nightly(g, ['--commit', '--push']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'Error: rebasing onto origin/main stopped on a conflict in content/ledger.json; the rebase was undone and nothing was pushed',
    );
    expect(g.remoteLog()).toEqual(['Test Person|Another archive writer', 'Test Person|Start']);
    // The commit stays here, the work tree as it was: no rebase half done.
    expect(g.git(g.work, 'log', '-1', '--format=%s')).toMatch(/^Daily Papers: /);
    expect(g.git(g.work, 'status', '--porcelain')).toBe('');
    expect(existsSync(path.join(g.work, '.git', 'rebase-merge'))).toBe(false);
  });

  it('fetches the days it holds a week, two weeks and a month back again: their moved votes go to the history', async () => {
    const g = gitSetup();
    await hold(g.content, '2026-07-31', 3); // 7 days before: votes have moved since
    await hold(g.content, '2026-07-24'); // 14 days before: nothing moved
    // 2026-07-08, 30 days before, is not held: filling a gap is a backfill's, not the history's.
    g.git(g.work, 'add', 'content');
    g.git(g.work, 'commit', '-q', '-m', 'Earlier nights');
    const run = await nightly(g, ['--days', '1', '--commit']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /\n {2}revisited: +2026-07-24, 2026-07-31 \(through the API, for the history of votes\)\n/,
    );
    expect(await heldDates(g.content)).toEqual(['2026-07-24', '2026-07-31', '2026-08-07']);
    const moved = await readHistory(g.content, '2026-07-31');
    expect([...new Set(moved.map((e) => e.at))]).toHaveLength(2);
    expect(moved.filter((e) => e.at !== moved[0]!.at).length).toBeGreaterThan(0);
    expect(new Set((await readHistory(g.content, '2026-07-24')).map((e) => e.at))).toEqual(
      new Set(['2026-08-07T01:00:00.000Z']),
    );
    expect(g.git(g.work, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual([
      'content/days/2026/2026-07-31.md',
      'content/days/2026/2026-08-07.md',
      'content/history/2026/2026-07-31.jsonl',
      'content/history/2026/2026-08-07.jsonl',
      'content/ledger.json',
    ]);
    // The revisited day whose votes moved is named apart from the window's days.
    expect(g.git(g.work, 'log', '-1', '--format=%s').trim()).toBe(
      'Daily Papers: 2026-08-07 added; 2026-07-31 votes updated',
    );
    expect(g.git(g.work, 'log', '-1', '--format=%b')).toContain('\nVotes updated (1): 2026-07-31\n');
    const none = await nightly(g, ['--days', '1', '--revisit', '0']);
    expect(none.code).toBe(0);
    expect(none.stdout).not.toContain('revisited');
  });

  it("keeps a paper a revisited day no longer lists, records the others' numbers, and passes, saying so", async () => {
    const g = gitSetup();
    const date = '2026-07-31'; // 7 days before
    await hold(g.content, date, 3);
    g.git(g.work, 'add', 'content');
    g.git(g.work, 'commit', '-q', '-m', 'Earlier nights');
    const held = (await readDay(g.content, date))!;
    // Hugging Face has dropped the day's second paper since, and the others' votes rose by 3.
    const items = fixtureItems(date);
    const gone = held.papers[1]!;
    replay.server.setDay(date, [items[0]!, ...items.slice(2)]);
    onTestFinished(() => replay.server.setDay(date, items));

    const run = await nightly(g, ['--days', '1', '--revisit', '7', '--commit']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('0 failed');
    expect(run.stdout).toContain(
      `  look at:     ${date}: 1 paper no longer listed by Hugging Face (${gone.id}), kept as the archive holds it\n`,
    );
    expect(run.stdout).toMatch(/\n {2}revisited: +2026-07-31 \(through the API/);
    // The papers still listed, with their numbers now, then the one no longer listed, as held.
    const day = (await readDay(g.content, date))!;
    const listed = [items[0]!, ...items.slice(2)].map((i) => i.paper);
    expect(day.papers.map((p) => p.id)).toEqual([...listed.map((p) => p.id), gone.id]);
    expect(day.papers.map((p) => p.upvotes)).toEqual([...listed.map((p) => p.upvotes), gone.upvotes]);
    expect(day.papers.at(-1)).toEqual({ ...gone, rank: listed.length + 1 });
    // Each listed paper whose votes moved has its point at the revisit's time; the one gone, none.
    const history = await readHistory(g.content, date);
    const now = history.filter((e) => e.at === day.fetchedAt).map((e) => e.id);
    expect(now).toEqual(
      listed
        .filter((p) => p.upvotes > 0)
        .map((p) => p.id)
        .sort(),
    );
    expect(now.length).toBeGreaterThan(0);
    expect(history.filter((e) => e.id === gone.id).map((e) => e.at)).toEqual([held.fetchedAt]);
    expect(g.git(g.work, 'log', '-1', '--format=%s').trim()).toBe(
      `Daily Papers: 2026-08-07 added; ${date} votes updated`,
    );
  });

  it('tells a revisit it could not fetch as not revisited, keeps the day as held, and passes', async () => {
    const g = gitSetup();
    await hold(g.content, '2026-07-31', 3);
    const file = dayFilePath(g.content, '2026-07-31');
    const before = readFileSync(file, 'utf8');
    replay.server.faults.set({ downDays: ['2026-07-31'] });
    const run = await nightly(g, ['--days', '1', '--revisit', '7']);
    const n = fixtureItems('2026-07-31').length;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 added, 0 changed, 0 unchanged, 0 no listing, 0 failed');
    expect(run.stdout).toMatch(
      new RegExp(`\n {2}not revisited: 2026-07-31: .*HTTP 503.*; the archive holds ${n} papers for 2026-07-31, kept\n`),
    );
    expect(run.stdout).not.toMatch(/\n {2}revisited:/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect((await readLedger(g.content)).days['2026-07-31']).toMatchObject({ status: 'ok', papers: n });
  });

  it('by hand, without --commit, writes the days and commits nothing', async () => {
    const g = gitSetup();
    const run = await nightly(g, []);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Commit: not asked for (--commit)\nSite: not built (--skip-build)\n');
    expect(await heldDates(g.content)).toEqual(WINDOW);
    expect(g.git(g.work, 'log', '--format=%s').trim().split('\n')).toEqual(['Start']);
    expect(g.git(g.work, 'status', '--porcelain')).toBe('?? content/\n');
  });

  it('commits only the content folder, leaving other work staged or not', async () => {
    const g = gitSetup();
    writeFileSync(path.join(g.work, 'README.md'), '# my archive, being edited\n');
    writeFileSync(path.join(g.work, 'staged.txt'), 'staged\n');
    g.git(g.work, 'add', 'staged.txt');
    const run = await nightly(g, ['--commit', '--days', '1']);
    expect(run.code).toBe(0);
    expect(g.git(g.work, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual([
      'content/days/2026/2026-08-07.md',
      'content/history/2026/2026-08-07.jsonl',
      'content/ledger.json',
    ]);
    expect(g.git(g.work, 'status', '--porcelain')).toBe(' M README.md\nA  staged.txt\n');
    expect(existsSync(dayFilePath(g.content, '2026-08-07'))).toBe(true);
  });

  it("leaves the live run's lock and temp files out of the commit, with the project's .gitignore and with none", async () => {
    for (const ignore of ['project', 'none'] as const) {
      const g = gitSetup();
      if (ignore === 'none') {
        g.git(g.work, 'rm', '-q', '.gitignore');
        g.git(g.work, 'commit', '-q', '-m', 'No .gitignore');
      }
      // What a killed writer leaves, in a folder the run does not clean (its own are cleaned).
      mkdirSync(g.content, { recursive: true });
      writeFileSync(path.join(g.content, '.notes.md.tmp-1234-abc'), 'half');
      const run = await nightly(g, ['--commit', '--days', '1']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(g.git(g.work, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual([
        'content/days/2026/2026-08-07.md',
        'content/history/2026/2026-08-07.jsonl',
        'content/ledger.json',
      ]);
    }
  });
});

describe('papers nightly: the build', () => {
  it('fails the run with the last lines of a build that failed, and still commits the days', async () => {
    const g = gitSetup();
    // A bad setting stops `astro build` as it loads its config: a failed build, without building.
    const args = ['nightly', '--date', '2026-08-07', '--days', '1', '--commit', '--content', g.content];
    const run = await runMain([...args, '--base-url', replay.url, '--source', 'api', '--rate', '6000'], {
      env: { ...g.env, GITHUB_STEP_SUMMARY: '', PAPERS_SITE_URL: 'not a url' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Site: BUILD FAILED after \d+\.\d s\nastro build exited 1:\n/);
    expect(run.stdout).toContain('PAPERS_SITE_URL: "not a url" is not a URL');
    expect(g.git(g.work, 'log', '-1', '--format=%s').trim()).toBe('Daily Papers: 2026-08-07 added');
  });
});

describe('papers nightly: usage', () => {
  const args = ['nightly', '--skip-build', '--source', 'api', '--base-url', 'http://127.0.0.1:9'];
  const usage = (message: string) => `papers nightly: ${message}\nRun 'papers nightly --help' for usage.\n`;

  it('refuses --commit outside a git work tree, before fetching anything, exit 2', async () => {
    const content = path.join(tempDir(), 'archive');
    const result = await runMain([...args, '--content', content, '--commit'], { env: isolatedGitEnv() });
    expect(result).toEqual({
      code: 2,
      signal: null,
      stdout: '',
      stderr: usage(`--commit: ${content} is not inside a git work tree`),
    });
    expect(existsSync(content)).toBe(false);
  });

  it('refuses --push without --commit, an unknown remote, a future day', async () => {
    const g = gitSetup();
    const run = (...more: string[]) => runMain([...args, '--content', g.content, ...more], { env: g.env });
    expect((await run('--push')).stderr).toBe(usage('--push needs --commit'));
    expect((await run('--commit', '--push', '--remote', 'upstream')).stderr).toBe(
      usage(`--remote: ${g.work} has no remote "upstream"`),
    );
    expect((await run('--date', '2999-01-01')).stderr).toMatch(/^papers nightly: 2999-01-01 is in the future/);
    expect((await run('--days', '0')).stderr).toBe(usage('--days must be a whole number from 1 to 31, not "0"'));
  });
});
