// `papers scrape` end to end: the real command, a real Chromium, the replay server on 127.0.0.1.
import { spawn } from 'node:child_process';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dayFilePath } from '../../../scraper/archive/day-file.ts';
import { papersFromItems } from '../../../scraper/archive/from-api.ts';
import { readLedger } from '../../../scraper/archive/ledger.ts';
import { listDayFiles, readDay } from '../../../scraper/archive/store.ts';
import { fixtureItems } from '../../../scripts/fixtures/hf-days.ts';
import { type ReplayServer, startReplayServer } from '../../../scripts/replay/server.ts';
import { PAPERS_BIN, runPapers } from '../../helpers/cli.ts';
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

/** Scrape fast: the replay server has no rate limit of its own unless a test sets one. */
function scrape(content: string, ...args: string[]) {
  return runPapers([
    'scrape',
    '--content',
    content,
    '--base-url',
    replay.url,
    '--rate',
    '6000',
    '--api-rate',
    '6000',
    '--backoff',
    '0.05',
    ...args,
  ]);
}

const FRIDAY = '2026-08-07';
const papersOf = (date: string) => papersFromItems(fixtureItems(date)).papers;

describe('papers scrape --source page', () => {
  it('files a week with its weekend: no Saturday or Sunday file, Friday intact', async () => {
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
    expect(result.stdout).toMatch(/Scraped 7 days in .*: 5 ok, 2 no-listing, 0 partial, 0 failed\./);
  });

  it('retries 429 (honouring Retry-After), 500, slow and cut-off answers, and ends ok', async () => {
    const cases = [
      { tooManyRequests: { times: 2, retryAfterSeconds: 1, paths: '/papers/date/' } },
      { serverError: { times: 2, paths: '/papers/date/' } },
      { slow: { delayMs: 3000, times: 1, paths: '/papers/date/' } },
      { truncate: { times: 2, paths: '/papers/date/' } },
    ];
    for (const fault of cases) {
      const content = tempDir();
      replay.faults.set(fault);
      const started = Date.now();
      const result = await scrape(content, '--date', FRIDAY, '--timeout', '1');
      expect(result.code, JSON.stringify(fault) + result.stderr).toBe(0);
      expect(result.stderr).toMatch(/2026-08-07: .*; retry 1 in/);
      expect((await readDay(content, FRIDAY))?.papers).toEqual(papersOf(FRIDAY));
      if ('tooManyRequests' in fault) expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
      replay.faults.clear();
    }
  });

  it('marks a day that is always down as failed, keeps what the archive held, and goes on', async () => {
    const content = tempDir();
    expect((await scrape(content, '--date', '2026-08-06')).code).toBe(0);
    const file = dayFilePath(content, '2026-08-06');
    const before = readFileSync(file, 'utf8');
    replay.faults.set({ downDays: ['2026-08-06'] });
    const result = await scrape(content, '--from', '2026-08-05', '--to', '2026-08-07', '--retries', '2');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/2026-08-06 failed: .*HTTP 503.*\(3 attempts\)/);
    expect(result.stdout).toMatch(/: 2 ok, 0 no-listing, 0 partial, 1 failed\./);
    expect(readFileSync(file, 'utf8')).toBe(before);
    // A day never held is recorded as failed, with the reason.
    const fresh = tempDir();
    await scrape(fresh, '--date', '2026-08-06', '--retries', '1');
    expect((await readLedger(fresh)).days['2026-08-06']).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/HTTP 503/),
    });
    expect(await listDayFiles(fresh)).toEqual([]);
  });

  it('falls back to the cards and the paper API when the embedded data is missing', async () => {
    const content = tempDir();
    replay.faults.set({ layout: 'no-embedded-json' });
    const result = await scrape(content, '--date', FRIDAY);
    expect(result.code).toBe(0);
    const day = await readDay(content, FRIDAY);
    const expected = papersOf(FRIDAY);
    expect(day?.status).toBe('ok');
    expect(day?.papers.map((p) => p.id)).toEqual(expected.map((p) => p.id));
    for (const [i, paper] of day!.papers.entries()) {
      expect(paper).toMatchObject({
        title: expected[i]!.title,
        abstract: expected[i]!.abstract,
        authors: expected[i]!.authors,
        upvotes: expected[i]!.upvotes,
        comments: expected[i]!.comments,
        githubRepo: expected[i]!.githubRepo,
      });
    }
  });

  it('marks the day partial when the cards cannot be filled, and never over a complete day', async () => {
    const content = tempDir();
    replay.faults.set({ layout: 'no-embedded-json', serverError: { times: 1000, paths: '/api/papers/' } });
    const result = await scrape(content, '--date', FRIDAY, '--retries', '0');
    expect(result.code).toBe(1);
    const day = await readDay(content, FRIDAY);
    expect(day?.status).toBe('partial');
    expect(day?.problems.join(' ')).toMatch(/abstract, authors and links missing for 20 of 20 papers/);
    expect(day?.papers.map((p) => p.id)).toEqual(papersOf(FRIDAY).map((p) => p.id));
    // Once the complete day is held, a partial fetch does not replace it.
    replay.faults.clear();
    expect((await scrape(content, '--date', FRIDAY)).code).toBe(0);
    replay.faults.set({ layout: 'no-embedded-json', serverError: { times: 1000, paths: '/api/papers/' } });
    const again = await scrape(content, '--date', FRIDAY, '--retries', '0');
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('would replace a complete one; kept the archived day');
    expect((await readDay(content, FRIDAY))?.status).toBe('ok');
  });

  it('fails a page with neither embedded data nor cards, naming the URL, and writes nothing', async () => {
    const content = tempDir();
    replay.faults.set({ layout: 'no-data' });
    const result = await scrape(content, '--date', FRIDAY);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `2026-08-07 failed: ${replay.url}/papers/date/2026-08-07: no DailyPapers embedded data and no paper cards; the page layout changed`,
    );
    expect(await listDayFiles(content)).toEqual([]);
  });

  it('updates upvotes and late additions on a re-fetch, and leaves an unchanged day untouched', async () => {
    const date = '2026-08-05';
    const original = fixtureItems(date);
    try {
      replay.setDay(date, original.slice(0, -2));
      const content = tempDir();
      expect((await scrape(content, '--date', date)).code).toBe(0);
      const grown = structuredClone(original);
      grown[0]!.paper.upvotes += 10;
      replay.setDay(date, grown);
      const update = await scrape(content, '--date', date);
      expect(update.stdout).toContain(`${date} ok ${original.length} papers, updated`);
      expect((await readDay(content, date))?.papers[0]?.upvotes).toBe(original[0]!.paper.upvotes + 10);
      const file = dayFilePath(content, date);
      const old = new Date('2020-01-01T00:00:00Z');
      utimesSync(file, old, old);
      const same = await scrape(content, '--date', date);
      expect(same.stdout).toContain(`${date} ok ${original.length} papers, unchanged`);
      expect(statSync(file).mtimeMs).toBe(old.getTime());
    } finally {
      replay.setDay(date, original);
    }
  });

  it('keeps a held day that the site now redirects, and says so', async () => {
    const date = '2026-08-04';
    const original = fixtureItems(date);
    const content = tempDir();
    try {
      expect((await scrape(content, '--date', date)).code).toBe(0);
      const file = dayFilePath(content, date);
      const before = readFileSync(file, 'utf8');
      replay.setDay(date, null);
      const result = await scrape(content, '--date', date);
      expect(result.stdout).toContain(
        `${date} no-listing: the site redirects ${date} to 2026-08-03; the archive holds ${original.length} papers for ${date}, kept`,
      );
      expect(result.stdout).toContain('Days that need a look (1):');
      expect(readFileSync(file, 'utf8')).toBe(before);
      expect((await readLedger(content)).days[date]).toMatchObject({ status: 'ok', papers: original.length });
    } finally {
      replay.setDay(date, original);
    }
  });

  it("passes the site's browser check once, then fetches with the browser's cookies", async () => {
    const waf = await startReplayServer({ waf: true, quota: { pages: 1e9, api: 1e9 } });
    try {
      const content = tempDir();
      const result = await runPapers([
        'scrape',
        '--content',
        content,
        '--base-url',
        waf.url,
        '--rate',
        '6000',
        '--from',
        '2026-08-03',
        '--to',
        FRIDAY,
      ]);
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
});

describe('papers scrape --source api', () => {
  it('gives the same day files as the page source for the same data', async () => {
    const viaPage = tempDir();
    const viaApi = tempDir();
    const range = ['--from', '2026-07-27', '--to', '2026-08-02'];
    expect((await scrape(viaPage, ...range)).code).toBe(0);
    expect((await scrape(viaApi, '--source', 'api', ...range)).code).toBe(0);
    const pageFiles = (await listDayFiles(viaPage)).map((f) => f.date);
    expect((await listDayFiles(viaApi)).map((f) => f.date)).toEqual(pageFiles);
    for (const date of pageFiles) {
      const a = await readDay(viaPage, date);
      const b = await readDay(viaApi, date);
      expect(b?.papers).toEqual(a?.papers);
      expect(b?.status).toBe(a?.status);
      const body = (file: string) => readFileSync(file, 'utf8').split('\n---\n')[1];
      expect(body(dayFilePath(viaApi, date))).toBe(body(dayFilePath(viaPage, date)));
    }
    // The API over the page-made archive changes nothing.
    const again = await scrape(viaPage, '--source', 'api', ...range);
    expect(pageFiles).toEqual(['2026-07-27', '2026-07-29', '2026-07-30', '2026-07-31']); // no capture of 07-28
    expect(again.stdout).toContain('0 created, 0 updated, 4 unchanged');
  });

  it('follows the API paging past 50 papers (an 82-paper day)', async () => {
    const date = '2026-08-10';
    const items = [...fixtureItems('2026-05-12'), ...fixtureItems(FRIDAY)].slice(0, 82);
    replay.setDay(date, items);
    try {
      for (const source of ['api', 'page']) {
        const content = tempDir();
        const result = await runPapers([
          'scrape',
          '--content',
          content,
          '--base-url',
          replay.url,
          '--rate',
          '6000',
          '--source',
          source,
          '--date',
          date,
        ]);
        expect(result.code, result.stderr).toBe(0);
        expect((await readDay(content, date))?.papers.map((p) => p.id)).toEqual(items.map((i) => i.paper.id));
      }
      const pages = replay.requests.filter((r) => r.path.startsWith(`/api/daily_papers?date=${date}`));
      expect(pages.length).toBeGreaterThanOrEqual(1);
    } finally {
      replay.setDay(date, null);
    }
  });
});

describe('an interrupted run', () => {
  it('stops cleanly on Ctrl-C, says what it did not try, and --only-missing resumes it', async () => {
    const content = tempDir();
    replay.faults.set({ slow: { delayMs: 400, paths: '/papers/date/' } });
    const args = [
      'scrape',
      '--content',
      content,
      '--base-url',
      replay.url,
      '--rate',
      '6000',
      '--concurrency',
      '1',
      '--from',
      '2026-07-13',
      '--to',
      '2026-07-24',
    ];
    const first = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [PAPERS_BIN, ...args], {
        env: { ...process.env, CI: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => {
        stdout += c;
        if (stdout.split('\n').filter((l) => /^2026-07-\d\d ok/.test(l)).length === 3) child.kill('SIGINT');
      });
      child.stderr.on('data', (c: Buffer) => (stderr += c));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/papers scrape: interrupted: \d+ days not tried: /);
    const held = (await listDayFiles(content)).map((f) => f.date);
    expect(held.length).toBeGreaterThanOrEqual(3);
    expect(held.length).toBeLessThan(10);

    replay.faults.clear();
    const before = replay.requests.length;
    const resumed = await runPapers([...args, '--only-missing']);
    expect(resumed.code).toBe(0);
    const fetched = replay.requests
      .slice(before)
      .filter((r) => r.path.startsWith('/papers/date/'))
      .map((r) => r.path.slice(-10));
    for (const date of held) expect(fetched).not.toContain(date);
    expect((await listDayFiles(content)).length).toBe(10);
  });
});
