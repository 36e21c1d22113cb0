// What a crawl does when the site misbehaves: 429 with Retry-After, 5xx, slow and cut-off
// answers are retried and end ok; a day that stays down fails after its retries while the
// archive keeps what it held. Backoff and Retry-After run on the ManualClock, so the waits are
// asserted in virtual time and cost none; the one real wait is a 300 ms request timeout.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dayFilePath } from '../../../../scraper/archive/day-file.ts';
import { papersFromItems } from '../../../../scraper/archive/from-api.ts';
import { readLedger } from '../../../../scraper/archive/ledger.ts';
import { listDayFiles, readDay } from '../../../../scraper/archive/store.ts';
import { fetchGet } from '../../../../scraper/fetch/http.ts';
import { backoffDelay, DEFAULT_RETRY } from '../../../../scraper/fetch/retry.ts';
import { fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import type { FaultConfig } from '../../../../scripts/replay/server.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { crawlReplay, statuses, useReplay } from './crawl-helpers.ts';

const replay = useReplay();
afterEach(() => replay.server.faults.clear());

const FRIDAY = '2026-08-07';
const papersOf = (date: string) => papersFromItems(fixtureItems(date)).papers;
/** The backoff crawlReplay's policy gives before retry `attempt` (jitter at its midpoint). */
const backoff = (attempt: number) => backoffDelay(attempt, DEFAULT_RETRY, null, () => 0.5);

describe('retrying what can pass', () => {
  for (const source of ['page', 'api'] as const) {
    const paths = source === 'page' ? '/papers/date/' : '/api/daily_papers';

    it(`waits out a 429's Retry-After on the clock, then files the day (${source} source)`, async () => {
      replay.server.faults.set({ tooManyRequests: { times: 2, retryAfterSeconds: 30, paths } });
      const content = tempDir();
      const run = await crawlReplay(replay.server, { contentDir: content, dates: [FRIDAY], source });
      expect(statuses(run)).toEqual({ [FRIDAY]: 'ok' });
      expect((await readDay(content, FRIDAY))?.papers).toEqual(papersOf(FRIDAY));
      expect(run.retries).toEqual([
        { date: FRIDAY, attempt: 1, delayMs: 30_000, message: expect.stringMatching(/HTTP 429 \(Retry-After 30 s\)$/) },
        { date: FRIDAY, attempt: 2, delayMs: 30_000, message: expect.stringMatching(/HTTP 429/) },
      ]);
      // Three requests, each let through no sooner than the site asked.
      expect(run.starts).toEqual([0, 30_000, 60_000]);
    });

    it(`retries 500s with growing backoff (${source} source)`, async () => {
      replay.server.faults.set({ serverError: { times: 3, paths } });
      const content = tempDir();
      const run = await crawlReplay(replay.server, { contentDir: content, dates: [FRIDAY], source });
      expect(statuses(run)).toEqual({ [FRIDAY]: 'ok' });
      expect(run.retries.map((r) => [r.attempt, r.delayMs])).toEqual([
        [1, backoff(1)],
        [2, backoff(2)],
        [3, backoff(3)],
      ]);
      expect(run.retries[0]?.message).toMatch(/: HTTP 500$/);
      // Each try starts no sooner than its backoff after the one before (or the pacer's next slot).
      expect(run.starts).toHaveLength(4);
      for (const [i, retry] of run.retries.entries())
        expect(run.starts[i + 1]! - run.starts[i]!).toBeGreaterThanOrEqual(retry.delayMs);
    });

    it(`retries an answer cut off mid-body (${source} source)`, async () => {
      replay.server.faults.set({ truncate: { times: 2, paths } });
      const content = tempDir();
      const run = await crawlReplay(replay.server, { contentDir: content, dates: [FRIDAY], source });
      expect(statuses(run)).toEqual({ [FRIDAY]: 'ok' });
      expect(run.retries.map((r) => r.attempt)).toEqual([1, 2]);
      for (const retry of run.retries) expect(retry.message).toMatch(/: network error \(/);
      expect((await readDay(content, FRIDAY))?.papers).toEqual(papersOf(FRIDAY));
    });

    it(`retries a body that reads whole but ends early, as a lenient client gives it (${source} source)`, async () => {
      let cut = 1;
      const content = tempDir();
      const run = await crawlReplay(replay.server, {
        contentDir: content,
        dates: [FRIDAY],
        source,
        get: async (url, options) => {
          const answer = await fetchGet(url, options);
          return cut-- > 0 ? { ...answer, text: answer.text.slice(0, answer.text.length / 2) } : answer;
        },
      });
      expect(statuses(run)).toEqual({ [FRIDAY]: 'ok' });
      expect(run.retries).toEqual([
        {
          date: FRIDAY,
          attempt: 1,
          delayMs: backoff(1),
          message: expect.stringMatching(source === 'page' ? /: cut off$/ : /: the answer is not complete JSON/),
        },
      ]);
    });
  }

  // The timeout is fetchGet's, the same for both sources; it is real time, hence 300 ms.
  it('gives up on a request that outlasts the timeout and tries again', async () => {
    replay.server.faults.set({ slow: { delayMs: 2_000, times: 1, paths: '/papers/date/' } });
    const content = tempDir();
    const run = await crawlReplay(replay.server, { contentDir: content, dates: [FRIDAY], timeoutMs: 300 });
    expect(statuses(run)).toEqual({ [FRIDAY]: 'ok' });
    expect(run.retries).toEqual([
      { date: FRIDAY, attempt: 1, delayMs: backoff(1), message: expect.stringMatching(/: timed out$/) },
    ]);
    expect((await readDay(content, FRIDAY))?.papers).toEqual(papersOf(FRIDAY));
  });
});

describe('a day that stays down', () => {
  const down: FaultConfig = { downDays: ['2026-08-06'] };

  it('fails after its retries, keeps the day the archive held, and the other days go on', async () => {
    const content = tempDir();
    await crawlReplay(replay.server, { contentDir: content, dates: ['2026-08-06'] });
    const file = dayFilePath(content, '2026-08-06');
    const before = readFileSync(file, 'utf8');

    replay.server.faults.set(down);
    const run = await crawlReplay(replay.server, {
      contentDir: content,
      dates: ['2026-08-05', '2026-08-06', FRIDAY],
      retries: 2,
      concurrency: 2,
    });
    expect(statuses(run)).toEqual({ '2026-08-05': 'ok', '2026-08-06': 'failed', [FRIDAY]: 'ok' });
    const failed = run.reports.find((r) => r.date === '2026-08-06')!;
    expect(failed).toMatchObject({ action: 'none', before: fixtureItems('2026-08-06').length });
    expect(failed.message).toBe(
      `${replay.server.url}/papers/date/2026-08-06: HTTP 503 (3 attempts); the archive holds ${failed.before} papers for 2026-08-06, kept`,
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
    // The ledger describes the day by the file still held; the run's report says the fetch failed.
    expect((await readLedger(content)).days['2026-08-06']).toMatchObject({
      status: 'ok',
      papers: fixtureItems('2026-08-06').length,
    });
  });

  it('is recorded as failed, with the reason, when the archive never held it', async () => {
    replay.server.faults.set(down);
    const content = tempDir();
    for (const source of ['page', 'api'] as const) {
      const run = await crawlReplay(replay.server, { contentDir: content, dates: ['2026-08-06'], source, retries: 1 });
      expect(run.reports[0]).toMatchObject({
        status: 'failed',
        message: expect.stringMatching(/HTTP 503 \(2 attempts\)$/),
      });
      expect(run.retries.map((r) => r.delayMs)).toEqual([backoff(1)]);
    }
    expect((await readLedger(content)).days['2026-08-06']).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/HTTP 503/),
    });
    expect(await listDayFiles(content)).toEqual([]);
  });
});
