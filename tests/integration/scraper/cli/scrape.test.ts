// `papers scrape` as a process, where the process is the subject: the lines and exit status a
// user sees when days are retried, fail, are refused or withdrawn, and Ctrl-C (a real SIGINT)
// then --only-missing. Through the API source against the replay server on 127.0.0.1: what these
// prove does not depend on the browser, and tests/e2e/scraper/scrape.test.ts runs the page source
// through Chromium once. No run waits on a backoff (--backoff 0, Retry-After 0).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { archiveDay } from '../../../../scraper/archive/archive-day.ts';
import { dateRange } from '../../../../scraper/archive/dates.ts';
import { dayFilePath } from '../../../../scraper/archive/day-file.ts';
import { readLedger, writeLedger } from '../../../../scraper/archive/ledger.ts';
import { listDayFiles } from '../../../../scraper/archive/store.ts';
import { fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { type CliResult, PAPERS_BIN, runPapers } from '../../../helpers/cli.ts';
import { FAST_PACING, replayServer } from '../../../helpers/replay.ts';
import { tempDir } from '../../../helpers/temp.ts';

// The RateLimit headers count real requests: quotas this high never pause a run.
const replay = replayServer({ quota: { pages: 1e9, api: 1e9 } });
beforeEach(() => replay.server.faults.clear());

/** Scrape through the API, fast: paced at 100 requests a second, and retries (if any) at once. */
const scrapeArgs = (content: string, ...args: string[]) => [
  'scrape',
  '--content',
  content,
  '--base-url',
  replay.url,
  '--source',
  'api',
  ...FAST_PACING,
  ...args,
];

/** Files `date` as an earlier scrape of the replay server would have, without a run. */
async function holdDay(content: string, date: string): Promise<void> {
  const { ledger } = await archiveDay(content, await readLedger(content), {
    date,
    kind: 'listing',
    via: 'api',
    source: `${replay.url}/api/daily_papers?date=${date}`,
    fetchedAt: new Date().toISOString(),
    items: fixtureItems(date),
  });
  await writeLedger(content, ledger);
}

const FRIDAY = '2026-08-07';
const lines = (text: string) => text.split('\n');

describe('papers scrape: what a run reports', () => {
  it('reports a retried, a failed, a refused and a withdrawn day, keeps what the archive held, exit 1', async () => {
    const content = tempDir();
    await holdDay(content, '2026-08-04');
    await holdDay(content, FRIDAY);
    const heldFiles = () =>
      [dayFilePath(content, '2026-08-04'), dayFilePath(content, FRIDAY)].map((f) => readFileSync(f, 'utf8'));
    const kept = heldFiles();
    const withdrawn = fixtureItems('2026-08-04');
    const friday = fixtureItems(FRIDAY);
    replay.server.setDay('2026-08-04', null);
    // Friday's listing now carries a record that is no paper: the same 20 papers, but partial.
    replay.server.setDay(FRIDAY, [...friday, { title: 'not a listing item' }]);
    replay.server.faults.set({
      tooManyRequests: { times: 1, retryAfterSeconds: 0, paths: 'date=2026-08-05' },
      downDays: ['2026-08-06'],
    });
    try {
      const result = await runPapers(scrapeArgs(content, '--from', '2026-08-04', '--to', FRIDAY, '--retries', '1'));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^papers scrape: 2026-08-05: \S+\/api\/daily_papers\?date=2026-08-05\S*: HTTP 429 \(Retry-After 0 s\); retry 1 in 0\.0 s$/m,
      );
      const out = lines(result.stdout);
      expect(out).toContain(
        `2026-08-04 no-listing: the API lists no papers for this day; the archive holds ${withdrawn.length} papers for 2026-08-04, kept`,
      );
      expect(out).toContain(`2026-08-05 ok ${fixtureItems('2026-08-05').length} papers, created`);
      expect(result.stdout).toMatch(
        /^2026-08-06 failed: \S+\/api\/daily_papers\?date=2026-08-06\S*: HTTP 503 \(2 attempts\)$/m,
      );
      expect(result.stdout).toMatch(
        /^2026-08-07 partial 20 papers, kept the archived day: 2026-08-07: a partial listing \(.*\) would replace a complete one; kept the archived day/m,
      );
      expect(result.stdout).toMatch(/Scraped 4 days in .*: 1 ok, 1 no-listing, 1 partial, 1 failed\./);
      // Listed in the order the days were done, which two workers do not fix.
      expect(result.stdout).toMatch(/^Days that need a look \(3\):$/m);
      for (const head of ['2026-08-04 no-listing: ', '2026-08-06 failed: ', '2026-08-07 partial: '])
        expect(out).toContainEqual(expect.stringMatching(new RegExp(`^ {2}${head}`)));
      expect(heldFiles()).toEqual(kept);
      expect((await listDayFiles(content)).map((f) => f.date)).toEqual(['2026-08-04', '2026-08-05', FRIDAY]);
    } finally {
      replay.server.setDay('2026-08-04', withdrawn);
      replay.server.setDay(FRIDAY, friday);
    }
  });
});

/** Runs `papers` and sends it SIGINT once `when` holds for what it printed. */
function interrupted(args: string[], when: (stdout: string) => boolean): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PAPERS_BIN, ...args], {
      env: { ...process.env, CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (c: Buffer) => {
      stdout += c;
      if (!sent && when(stdout)) sent = child.kill('SIGINT');
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('an interrupted run', () => {
  it('stops cleanly on Ctrl-C, says what it did not try, and --only-missing resumes it', async () => {
    const content = tempDir();
    const range = ['--from', '2026-07-13', '--to', '2026-07-24'];
    // Slow answers keep the run going while the signal arrives.
    replay.server.faults.set({ slow: { delayMs: 300, paths: '/api/daily_papers' } });
    const first = await interrupted(scrapeArgs(content, '--concurrency', '1', ...range), (out) =>
      /^2026-07-\d\d ok/m.test(out),
    );
    expect(first.signal).toBeNull();
    expect(first.code).toBe(1);
    const notTried = /^papers scrape: interrupted: (\d+) days not tried: (.*)$/m.exec(first.stderr);
    expect(notTried, first.stderr).not.toBeNull();
    expect(first.stdout).toMatch(/Scraped \d+ days? in /);
    const held = (await listDayFiles(content)).map((f) => f.date);
    expect(held.length).toBeGreaterThanOrEqual(1);
    expect(held.length).toBeLessThan(10);
    // Every day is either in the ledger (tried, and done) or named as not tried.
    const tried = Object.keys((await readLedger(content)).days);
    const untried = dateRange('2026-07-13', '2026-07-24').filter((d) => !tried.includes(d));
    expect(notTried?.slice(1)).toEqual([String(untried.length), untried.join(', ')]);

    replay.server.faults.clear();
    const before = replay.server.requests.length;
    const resumed = await runPapers(scrapeArgs(content, '--only-missing', ...range));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(
      `papers scrape: ${tried.length} days already held or known empty, skipped (--only-missing)`,
    );
    const asked = replay.server.requests.slice(before).map((r) => /date=([\d-]+)/.exec(r.path)?.[1]);
    for (const date of held) expect(asked).not.toContain(date);
    expect((await listDayFiles(content)).length).toBe(10);
  });
});
