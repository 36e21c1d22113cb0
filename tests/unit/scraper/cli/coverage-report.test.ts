// `papers status`'s report: missing weekdays as runs with the command that fills each, the last
// day held, and --max-age. Pure functions, then the command in process.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Coverage } from '../../../../scraper/archive/coverage.ts';
import { utcToday } from '../../../../scraper/archive/dates.ts';
import {
  fillCommand,
  formatCoverage,
  maxAgeProblem,
  missingRanges,
  shellWord,
} from '../../../../scraper/cli/coverage-report.ts';
import { runMain } from '../../../helpers/cli.ts';
import { tempDir } from '../../../helpers/temp.ts';

type Missing = Coverage['missingWeekdays'][number];
const never = (date: string): Missing => ({ date, why: 'never tried', reason: null });

describe('missingRanges', () => {
  it('joins consecutive weekdays across weekends into one run', () => {
    // 2026-06-01 is a Monday: two weeks of weekdays, the weekend between them aside.
    const days = ['01', '02', '03', '04', '05', '08', '09', '10', '11', '12'].map((d) => never(`2026-06-${d}`));
    expect(missingRanges(days)).toEqual([
      { from: '2026-06-01', to: '2026-06-12', weekdays: 10, why: 'never tried', reason: null },
    ]);
  });

  it('breaks a run at a day held, and where the why or the reason changes', () => {
    const ranges = missingRanges([
      never('2026-06-01'),
      never('2026-06-02'),
      // 2026-06-03 is held
      never('2026-06-04'),
      { date: '2026-06-05', why: 'no listing', reason: 'redirected to 2026-06-04' },
      { date: '2026-06-08', why: 'failed', reason: 'HTTP 503' },
      { date: '2026-06-09', why: 'failed', reason: 'HTTP 503' },
      { date: '2026-06-10', why: 'failed', reason: 'timed out' },
    ]);
    expect(ranges.map((r) => [r.from, r.to, r.weekdays, r.why])).toEqual([
      ['2026-06-01', '2026-06-02', 2, 'never tried'],
      ['2026-06-04', '2026-06-04', 1, 'never tried'],
      ['2026-06-05', '2026-06-05', 1, 'no listing'],
      ['2026-06-08', '2026-06-09', 2, 'failed'],
      ['2026-06-10', '2026-06-10', 1, 'failed'],
    ]);
  });
});

describe('fillCommand', () => {
  const range = (from: string, to: string, why: Missing['why'] = 'never tried') => ({
    from,
    to,
    weekdays: 1,
    why,
    reason: null,
  });
  it('scrapes a run again, only what is missing; nothing for days without a listing', () => {
    expect(fillCommand(range('2026-06-01', '2026-06-12'))).toBe(
      'papers scrape --from 2026-06-01 --to 2026-06-12 --only-missing',
    );
    expect(fillCommand(range('2026-06-04', '2026-06-04', 'failed'))).toBe('papers scrape --date 2026-06-04');
    expect(fillCommand(range('2026-06-05', '2026-06-05', 'no listing'))).toBeNull();
    expect(fillCommand(range('2026-06-04', '2026-06-04'), "/data/my archive's")).toBe(
      `papers scrape --date 2026-06-04 --content '/data/my archive'\\''s'`,
    );
    expect(shellWord('/data/archive-1')).toBe('/data/archive-1');
  });
});

describe('maxAgeProblem', () => {
  it('counts weekends: Friday is 3 days before Monday', () => {
    expect(maxAgeProblem('2026-08-07', '2026-08-10', 3)).toBeNull();
    expect(maxAgeProblem('2026-08-07', '2026-08-10', 2)).toBe(
      'the newest day held, 2026-08-07, is 3 days before 2026-08-10 (UTC), more than --max-age 2',
    );
    expect(maxAgeProblem('2026-08-10', '2026-08-10', 0)).toBeNull();
    expect(maxAgeProblem(null, '2026-08-10', 3)).toBe('no day is held, so none is within --max-age 3');
  });
});

describe('formatCoverage', () => {
  it('prints the last day held with its age, and each run with its fill command', () => {
    const coverage: Coverage = {
      first: '2026-06-01',
      last: '2026-08-11',
      held: 1,
      ok: 1,
      partial: 0,
      papers: 20,
      distinctPapers: 20,
      weekendDaysHeld: 0,
      missingWeekdays: [
        never('2026-06-01'),
        never('2026-06-02'),
        { date: '2026-08-11', why: 'failed', reason: 'HTTP 503' },
      ],
      untracked: [],
      lost: [],
    };
    const text = formatCoverage(coverage, {
      contentDir: '/a',
      lastHeld: '2026-08-07',
      today: '2026-08-11',
      unreadable: [],
    });
    expect(text).toBe(
      [
        'Archive: /a',
        '  days held:   1 (1 ok, 0 partial; 0 on weekends)',
        '  papers:      20 listings, 20 distinct papers',
        '  first day:   2026-06-01 (Mon)',
        '  last day:    2026-08-07 (Fri), 4 days before 2026-08-11 (UTC)',
        '  weekdays without a file: 3 (2 never tried, 1 failed)',
        '    2026-06-01 … 2026-06-02 (2 weekdays) never tried',
        '      fill: papers scrape --from 2026-06-01 --to 2026-06-02 --only-missing',
        '    2026-08-11 Tue failed: HTTP 503',
        '      fill: papers scrape --date 2026-08-11',
      ].join('\n'),
    );
  });
});

describe('papers status', () => {
  it('is a usage error, exit 2, on a folder that holds no archive', async () => {
    for (const dir of [tempDir(), path.join(tempDir(), 'nothing-here')]) {
      expect(await runMain(['status', '--content', dir])).toEqual({
        code: 2,
        signal: null,
        stdout: '',
        stderr: `papers status: ${dir} holds no archive (no days/ and no ledger.json)\nRun 'papers status --help' for usage.\n`,
      });
    }
  });

  it('exits 1 with one line when the newest day held is older than --max-age, 0 when it is not', async () => {
    const stale = await runMain(['status', '--max-age', '3']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(
      /^papers status: the newest day held, 2026-08-07, is \d+ days before \S+ \(UTC\), more than --max-age 3\n$/,
    );
    const fine = await runMain(['status', '--max-age', '3650', '--json']);
    expect(fine.code).toBe(0);
    expect(JSON.parse(fine.stdout)).toMatchObject({ last: '2026-08-07', stale: null, today: utcToday() });
  });

  it('tells an archive with a ledger and no day yet, and --max-age fails it', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'ledger.json'), '{"format":1,"days":{}}\n');
    const result = await runMain(['status', '--content', dir, '--max-age', '5']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  last day:    -\n');
    expect(result.stderr).toBe('papers status: no day is held, so none is within --max-age 5\n');
  });
});
