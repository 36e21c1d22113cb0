// `papers nightly` through a real Chromium when the listing pages cannot be had: the command as a
// process (as the workflow runs it), the replay server on 127.0.0.1. With a bot check that never
// passes, and with pages whose layout cannot be read, every day is filed through the API in the
// same run, the run exits 0, and its log and $GITHUB_STEP_SUMMARY say how many days went that
// way and why. What the crawl decides (which failures fall back, retries, the API failing too) is
// tested in process in tests/integration/scraper/fetch/crawl-fallback.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { papersFromItems } from '../../../scraper/archive/from-api.ts';
import { readDay } from '../../../scraper/archive/store.ts';
import { fixtureItems } from '../../../scripts/fixtures/hf-days.ts';
import type { FaultConfig } from '../../../scripts/replay/faults.ts';
import { type ReplayServer, startReplayServer } from '../../../scripts/replay/server.ts';
import { runPapers } from '../../helpers/cli.ts';
import { FAST_PACING } from '../../helpers/replay.ts';
import { tempDir } from '../../helpers/temp.ts';

let replay: ReplayServer;
beforeAll(async () => {
  replay = await startReplayServer({ waf: true, quota: { pages: 1e9, api: 1e9 } });
});
afterAll(async () => {
  await replay.close();
});

const DAYS = ['2026-08-04', '2026-08-05', '2026-08-06', '2026-08-07'];
const papersOf = (date: string) => papersFromItems(fixtureItems(date)).papers;

async function nightlyWith(faults: FaultConfig, extra: string[] = []) {
  replay.faults.set(faults);
  replay.requests.length = 0;
  const content = tempDir();
  const stepSummary = path.join(tempDir(), 'summary.md');
  const result = await runPapers(
    [
      'nightly',
      '--content',
      content,
      '--base-url',
      replay.url,
      ...FAST_PACING,
      '--retries',
      '0',
      // The browser waits out the check this long.
      '--timeout',
      '1',
      '--date',
      '2026-08-07',
      '--skip-build',
      ...extra,
    ],
    { env: { GITHUB_STEP_SUMMARY: stepSummary } },
  );
  const summary = (() => {
    try {
      return readFileSync(stepSummary, 'utf8');
    } catch {
      return '';
    }
  })();
  return { result, content, summary };
}

describe('papers nightly when the listing pages cannot be had', () => {
  it('with a bot check that never passes, files every day through the API and exits 0, saying so', async () => {
    const { result, content, summary } = await nightlyWith({ blockPages: { status: 202 } });
    expect(result.code, result.stderr).toBe(0);
    for (const date of DAYS) {
      const day = await readDay(content, date);
      expect(day).toMatchObject({ status: 'ok', via: 'api' });
      expect(day?.papers).toEqual(papersOf(date));
      expect(day?.problems.join()).toMatch(/^fetched through the API: the page could not be read \(.*check/);
    }
    expect(result.stdout).toMatch(/^Nightly 2026-08-04 … 2026-08-07: 4 added, .* 0 failed \(4 through the API\)/m);
    expect(result.stdout).toMatch(/via API: +2026-08-04: the page could not be read/);
    expect(result.stderr).toMatch(/2026-08-04: the page could not be read .*; fetching it through the API/);
    expect(summary).toContain('| through the API | 2026-08-04, 2026-08-05, 2026-08-06, 2026-08-07 |');
    expect(summary).toContain('**4 days fetched through the API**');
    expect(summary).not.toContain('(needs a look)');
    // The two days fetched at once met the check; the days after them went straight to the API.
    const pages = new Set(replay.requests.filter((r) => r.path.startsWith('/papers/date/')).map((r) => r.path));
    expect(pages.has('/papers/date/2026-08-06') || pages.has('/papers/date/2026-08-07')).toBe(false);
  });

  it('with pages whose layout cannot be read, the same; --no-fallback fails them, exit 1', async () => {
    const { result, content, summary } = await nightlyWith({ layout: 'no-data' });
    expect(result.code, result.stderr).toBe(0);
    for (const date of DAYS) expect(await readDay(content, date)).toMatchObject({ status: 'ok', via: 'api' });
    expect(summary).toContain('**4 days fetched through the API**');

    const off = await nightlyWith({ layout: 'no-data' }, ['--no-fallback']);
    expect(off.result.code).toBe(1);
    expect(off.summary).toContain('(needs a look)');
    expect(replay.requests.some((r) => r.path.startsWith('/api/daily_papers'))).toBe(false);
    expect(await readDay(off.content, DAYS[0]!)).toBeNull();
  });
});
