// How a long run talks: a progress bar on a terminal, one line per day in logs, JSON lines with
// --json, and the summary. Time is an injected clock, never the real one.
import { describe, expect, it } from 'vitest';
import type { DayReport } from '../../../../scraper/archive/archive-day.ts';
import type { Io } from '../../../../scraper/cli/command.ts';
import { createReporter, formatSummary, progressMode, summarize } from '../../../../scraper/cli/progress.ts';
import { captureStream } from '../../../helpers/cli.ts';

function report(over: Partial<DayReport> & { date: string }): DayReport {
  return { status: 'ok', papers: 20, action: 'created', before: 0, rejected: [], message: null, ...over };
}

const OK = report({ date: '2026-08-06' });
const PARTIAL = report({
  date: '2026-08-07',
  status: 'partial',
  papers: 2,
  action: 'updated',
  before: 1,
  rejected: [{ rank: 2, id: '../../x', reason: 'has an id that is not an arXiv id' }],
  message: 'rejected item 2 (../../x) has an id that is not an arXiv id',
});
const QUIET = report({
  date: '2026-08-08',
  status: 'no-listing',
  papers: 0,
  action: 'none',
  message: 'redirected to 2026-08-07',
});
const REFUSED = report({
  date: '2026-08-05',
  papers: 5,
  action: 'refused',
  before: 20,
  message: 'the new listing has 5 papers where the archive holds 20',
});
const FAILED = report({ date: '2026-08-04', status: 'failed', papers: 0, action: 'none', message: 'HTTP 503' });

function ioOf({ tty = false, env = {}, columns }: { tty?: boolean; env?: NodeJS.ProcessEnv; columns?: number } = {}) {
  const stdout = captureStream();
  const stderr = Object.assign(captureStream(tty), columns === undefined ? {} : { columns });
  const io: Io = { stdout, stderr, env, cwd: '/' };
  return { io, out: () => stdout.text(), err: () => stderr.text() };
}

/** A clock that moves only when told. */
function clock(start = 1000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('progressMode', () => {
  it('is json with --json, a bar on a terminal outside CI, lines otherwise', () => {
    expect(progressMode(ioOf({ tty: true }).io, true)).toBe('json');
    expect(progressMode(ioOf({ tty: true }).io, false)).toBe('tty');
    expect(progressMode(ioOf({ tty: true, env: { CI: '1' } }).io, false)).toBe('lines');
    expect(progressMode(ioOf({ tty: false }).io, false)).toBe('lines');
  });
});

describe('summarize', () => {
  it('counts days per status and per action, papers and rejected records, and lists the days that need a look', () => {
    const s = summarize('Scraped', [OK, PARTIAL, QUIET, REFUSED, FAILED], 2.5);
    expect(s).toEqual({
      verb: 'Scraped',
      days: 5,
      seconds: 2.5,
      byStatus: { ok: 2, 'no-listing': 1, partial: 1, failed: 1 },
      byAction: { created: 1, updated: 1, unchanged: 0, refused: 1 },
      papers: 27,
      rejected: 1,
      problems: [
        { date: '2026-08-07', status: 'partial', message: PARTIAL.message },
        { date: '2026-08-05', status: 'ok', message: REFUSED.message },
        { date: '2026-08-04', status: 'failed', message: 'HTTP 503' },
      ],
      throughApi: 0,
    });
  });

  it('counts the days had through the API, and says so in a line of its own', () => {
    const viaApi = report({
      ...OK,
      message: 'fetched through the API: the page could not be read (HTTP 403)',
      fallback: 'HTTP 403',
    });
    const s = summarize('Scraped', [viaApi, OK], 1);
    expect(s.throughApi).toBe(1);
    expect(formatSummary(s)).toContain('\n1 day fetched through the API: their pages could not be read (see below).\n');
    expect(formatSummary(summarize('Scraped', [OK], 1))).not.toContain('through the API');
  });

  it('makes a held day that now has no listing a problem, a quiet day not', () => {
    const lost = report({ ...QUIET, before: 12 });
    expect(summarize('Scraped', [QUIET], 1).problems).toEqual([]);
    expect(summarize('Scraped', [lost], 1).problems).toEqual([
      { date: '2026-08-08', status: 'no-listing', message: 'redirected to 2026-08-07' },
    ]);
  });
});

describe('formatSummary', () => {
  it('says how many days, how fast, what came of them, and which need a look', () => {
    expect(formatSummary(summarize('Imported', [OK, PARTIAL, FAILED], 2))).toBe(
      [
        'Imported 3 days in 2.0 s (1.5 days/s): 1 ok, 0 no-listing, 1 partial, 1 failed.',
        'Day files: 1 created, 1 updated, 0 unchanged, 0 refused. Papers: 22. Records rejected: 1.',
        'Days that need a look (2):',
        `  2026-08-07 partial: ${PARTIAL.message}`,
        '  2026-08-04 failed: HTTP 503',
      ].join('\n'),
    );
  });

  it('leaves out the rate when no time passed, and the problem list when there is none', () => {
    expect(formatSummary(summarize('Imported', [OK], 0))).toBe(
      'Imported 1 day in 0.0 s: 1 ok, 0 no-listing, 0 partial, 0 failed.\n' +
        'Day files: 1 created, 0 updated, 0 unchanged, 0 refused. Papers: 20. Records rejected: 0.',
    );
  });
});

describe('createReporter', () => {
  it('in lines mode, prints one line per day on stdout and the summary', () => {
    const { io, out, err } = ioOf();
    const reporter = createReporter('lines', io, clock().now);
    reporter.start(4);
    for (const [i, r] of [OK, PARTIAL, QUIET, REFUSED].entries()) reporter.day(r, i, 4);
    const summary = summarize('Imported', [OK, PARTIAL, QUIET, REFUSED], 1);
    reporter.end(summary);
    expect(err()).toBe('');
    expect(out()).toBe(
      [
        '2026-08-06 ok 20 papers, created',
        `2026-08-07 partial 2 papers, updated: ${PARTIAL.message}`,
        '2026-08-08 no-listing: redirected to 2026-08-07',
        `2026-08-05 ok 5 papers, kept the archived day: ${REFUSED.message}`,
        formatSummary(summary),
        '',
      ].join('\n'),
    );
  });

  it('says "1 paper", not "1 papers"', () => {
    const { io, out } = ioOf();
    createReporter('lines', io).day(report({ date: '2026-08-06', papers: 1 }), 0, 1);
    expect(out()).toBe('2026-08-06 ok 1 paper, created\n');
  });

  it('in json mode, prints a start, a day and a summary object per line, rejections described', () => {
    const { io, out, err } = ioOf();
    const reporter = createReporter('json', io, clock().now);
    reporter.start(1);
    reporter.day(PARTIAL, 0, 1);
    reporter.end(summarize('Imported', [PARTIAL], 1));
    expect(err()).toBe('');
    const events = out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events.map((e) => e.type)).toEqual(['start', 'day', 'summary']);
    expect(events[0]).toEqual({ type: 'start', days: 1 });
    expect(events[1]).toEqual({
      type: 'day',
      ...PARTIAL,
      rejected: ['item 2 (../../x) has an id that is not an arXiv id'],
    });
    expect(events[2]).toMatchObject({ type: 'summary', verb: 'Imported', days: 1, byStatus: { partial: 1 } });
  });

  it('on a terminal, redraws a bar with days/s on stderr, keeps problems above it, and clears it for the summary', () => {
    const { io, out, err } = ioOf({ tty: true, columns: 80 });
    const time = clock();
    const reporter = createReporter('tty', io, time.now);
    reporter.start(4);
    time.advance(1000);
    reporter.day(OK, 0, 4);
    time.advance(1000);
    reporter.day(PARTIAL, 1, 4);
    reporter.day(QUIET, 2, 4);
    const summary = summarize('Scraped', [OK, PARTIAL, QUIET], 2);
    reporter.end(summary);
    // 80 columns leave a 30-character bar.
    const bar = (done: number, rate: string, date: string) =>
      `\r\x1b[2K[${'#'.repeat(Math.round((done / 4) * 30)).padEnd(30, '.')}] ${done}/4 days  ${rate} days/s  ${date}`;
    expect(err()).toBe(
      bar(1, '1.0', '2026-08-06') +
        '\r\x1b[2K' +
        `2026-08-07 partial 2 papers, updated: ${PARTIAL.message}\n` +
        bar(2, '1.0', '2026-08-07') +
        bar(3, '1.5', '2026-08-08') +
        '\r\x1b[2K',
    );
    expect(out()).toBe(`${formatSummary(summary)}\n`);
  });

  it('on a narrow or unknown terminal, keeps the bar between 10 and 40 characters', () => {
    for (const [columns, width] of [
      [20, 10],
      [200, 40],
      [undefined, 30],
    ] as const) {
      const { io, err } = ioOf({ tty: true, ...(columns === undefined ? {} : { columns }) });
      createReporter('tty', io, clock().now).day(OK, 0, 1);
      expect(err()).toContain(`[${'#'.repeat(width)}] 1/1 days  0.0 days/s`);
    }
  });
});
