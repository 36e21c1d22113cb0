// `papers scrape` end to end, for the wiring only: the real command as a process, a real
// Chromium, the replay server on 127.0.0.1. What a crawl decides (retries, backoff, weekends,
// the card fallback, the guards, resuming) is tested in process and on a virtual clock in
// tests/integration/scraper/fetch; here each run proves the parts meet: flags, the browser, the
// check it passes, the lines and exit status a user sees, Ctrl-C. No run waits on a backoff.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { archiveDay } from '../../../scraper/archive/archive-day.ts';
import { dateRange } from '../../../scraper/archive/dates.ts';
import { dayFilePath } from '../../../scraper/archive/day-file.ts';
import { papersFromItems } from '../../../scraper/archive/from-api.ts';
import { readLedger, writeLedger } from '../../../scraper/archive/ledger.ts';
import { listDayFiles, readDay } from '../../../scraper/archive/store.ts';
import { fixtureItems } from '../../../scripts/fixtures/hf-days.ts';
import { type ReplayServer, startReplayServer } from '../../../scripts/replay/server.ts';
import { type CliResult, PAPERS_BIN, runPapers } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/temp.ts';

let replay: ReplayServer;
beforeAll(async () => {
  // The scraper heeds the RateLimit headers: a quota of 100 pages would pause these tests.
  replay = await startReplayServer({ quota: { pages: 1e9, api: 1e9 } });
});
afterAll(async () => {
  await replay.close();
});
beforeEach(() => {
  replay.faults.clear();
});

/** Scrape fast: paced at 100 requests a second, and retries (if any) at once. */
const scrapeArgs = (content: string, baseUrl: string, ...args: string[]) => [
  'scrape',
  '--content',
  content,
  '--base-url',
  baseUrl,
  '--rate',
  '6000',
  '--api-rate',
  '6000',
  '--backoff',
  '0',
  ...args,
];
const scrape = (content: string, ...args: string[]) => runPapers(scrapeArgs(content, replay.url, ...args));

/** Files `date` as a page scrape of the replay server would have, without a run. */
async function holdDay(content: string, date: string): Promise<void> {
  const { ledger } = await archiveDay(content, await readLedger(content), {
    date,
    kind: 'listing',
    via: 'page',
    source: `${replay.url}/papers/date/${date}`,
    fetchedAt: new Date().toISOString(),
    items: fixtureItems(date),
  });
  await writeLedger(content, ledger);
}

const FRIDAY = '2026-08-07';
const papersOf = (date: string) => papersFromItems(fixtureItems(date)).papers;
const lines = (text: string) => text.split('\n');

describe('papers scrape through Chromium', () => {
  it('files a week with its weekend: no Saturday or Sunday file, Friday intact, exit 0', async () => {
    const content = tempDir();
    const result = await scrape(content, '--from', '2026-08-03', '--to', '2026-08-09');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect((await listDayFiles(content)).map((f) => f.date)).toEqual([
      '2026-08-03',
      '2026-08-04',
      '2026-08-05',
      '2026-08-06',
      FRIDAY,
    ]);
    const friday = await readDay(content, FRIDAY);
    expect(friday).toMatchObject({ status: 'ok', via: 'page', source: `${replay.url}/papers/date/${FRIDAY}` });
    expect(friday?.papers).toEqual(papersOf(FRIDAY));
    const ledger = await readLedger(content);
    expect(ledger.days['2026-08-08']).toMatchObject({
      status: 'no-listing',
      reason: 'the site redirects 2026-08-08 to 2026-08-07',
    });
    expect(ledger.days['2026-08-09']).toMatchObject({ status: 'no-listing' });
    expect(lines(result.stdout)).toContain(`${FRIDAY} ok 20 papers, created`);
    expect(lines(result.stdout)).toContain('2026-08-08 no-listing: the site redirects 2026-08-08 to 2026-08-07');
    expect(result.stdout).toMatch(/Scraped 7 days in .*: 5 ok, 2 no-listing, 0 partial, 0 failed\./);
  });

  it("passes the site's browser check once, then fetches with the browser's cookies", async () => {
    const waf = await startReplayServer({ waf: true, quota: { pages: 1e9, api: 1e9 } });
    try {
      const content = tempDir();
      const result = await runPapers(scrapeArgs(content, waf.url, '--from', '2026-08-03', '--to', FRIDAY));
      expect(result.code, result.stderr).toBe(0);
      expect((await listDayFiles(content)).length).toBe(5);
      // Only the browser's first load meets the check; every other day goes out with its cookie.
      const listings = waf.requests.filter((r) => r.path.startsWith('/papers/date/'));
      expect(listings.filter((r) => r.status === 202)).toHaveLength(1);
      expect(
        listings
          .filter((r) => r.status === 200)
          .map((r) => r.path.slice(-10))
          .sort(),
      ).toEqual(['2026-08-03', '2026-08-04', '2026-08-05', '2026-08-06', FRIDAY]);
    } finally {
      await waf.close();
    }
  });

  it('reports a retried, a failed, a refused and a withdrawn day, keeps what the archive held, exit 1', async () => {
    const content = tempDir();
    await holdDay(content, '2026-08-04');
    await holdDay(content, FRIDAY);
    const heldFiles = () =>
      [dayFilePath(content, '2026-08-04'), dayFilePath(content, FRIDAY)].map((f) => readFileSync(f, 'utf8'));
    const kept = heldFiles();
    const withdrawn = fixtureItems('2026-08-04');
    replay.setDay('2026-08-04', null);
    replay.faults.set({
      tooManyRequests: { times: 1, retryAfterSeconds: 0, paths: '/papers/date/2026-08-05' },
      downDays: ['2026-08-06'],
      layout: 'no-embedded-json',
      layoutDays: [FRIDAY],
      serverError: { times: 1000, paths: '/api/papers/' },
    });
    try {
      const result = await scrape(content, '--from', '2026-08-04', '--to', FRIDAY, '--retries', '1');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^papers scrape: 2026-08-05: \S+\/papers\/date\/2026-08-05: HTTP 429 \(Retry-After 0 s\); retry 1 in 0\.0 s$/m,
      );
      const out = lines(result.stdout);
      expect(out).toContain(
        `2026-08-04 no-listing: the site redirects 2026-08-04 to 2026-08-03; the archive holds ${withdrawn.length} papers for 2026-08-04, kept`,
      );
      expect(out).toContain(`2026-08-05 ok ${fixtureItems('2026-08-05').length} papers, created`);
      expect(out).toContain(`2026-08-06 failed: ${replay.url}/papers/date/2026-08-06: HTTP 503 (2 attempts)`);
      expect(result.stdout).toMatch(
        /^2026-08-07 partial 20 papers, kept the archived day: 2026-08-07: a partial listing \(.*abstract, authors and links missing for 20 of 20 papers.*\) would replace a complete one; kept the archived day/m,
      );
      expect(result.stdout).toMatch(/Scraped 4 days in .*: 1 ok, 1 no-listing, 1 partial, 1 failed\./);
      // Listed in the order the days were done, which two workers do not fix.
      expect(result.stdout).toMatch(/^Days that need a look \(3\):$/m);
      for (const head of ['2026-08-04 no-listing: ', '2026-08-06 failed: ', '2026-08-07 partial: '])
        expect(out).toContainEqual(expect.stringMatching(new RegExp(`^ {2}${head}`)));
      expect(heldFiles()).toEqual(kept);
      expect((await listDayFiles(content)).map((f) => f.date)).toEqual(['2026-08-04', '2026-08-05', FRIDAY]);
    } finally {
      replay.setDay('2026-08-04', withdrawn);
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
    // Slow pages keep the run going while the signal arrives.
    replay.faults.set({ slow: { delayMs: 300, paths: '/papers/date/' } });
    const first = await interrupted(scrapeArgs(content, replay.url, '--concurrency', '1', ...range), (out) =>
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

    // Resumed through the API: the flag is the CLI's, whatever the source.
    replay.faults.clear();
    const before = replay.requests.length;
    const resumed = await scrape(content, '--source', 'api', '--only-missing', ...range);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(
      `papers scrape: ${tried.length} days already held or known empty, skipped (--only-missing)`,
    );
    const asked = replay.requests.slice(before).map((r) => /date=([\d-]+)/.exec(r.path)?.[1]);
    for (const date of held) expect(asked).not.toContain(date);
    expect((await listDayFiles(content)).length).toBe(10);
  });
});
