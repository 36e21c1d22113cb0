// The pure parts of the build benchmarks: reading /proc (scripts/bench/proc-tree.ts), a build's
// log (site-builds.ts), dist/ by year of archive and the year it reaches GitHub Pages' limit
// (dist-stats.ts), the "at most linear" check of the 2× and 3× builds (results-md.ts), and the
// test suite's results file (tests-md.ts).
import { describe, expect, test } from 'vitest';
import {
  byKind,
  FILE_KINDS,
  fileDate,
  fileKind,
  firstFeatured,
  growth,
  PAGES_LIMIT_BYTES,
} from '../../../../scripts/bench/dist-stats.ts';
import { parseHwmKb, parseStat, programName } from '../../../../scripts/bench/proc-tree.ts';
import { perPaper } from '../../../../scripts/bench/results-md.ts';
import type { ScaleRow } from '../../../../scripts/bench/site-bench.ts';
import { readBuildLog, summarize } from '../../../../scripts/bench/site-builds.ts';
import { type TestsReport, testsRows } from '../../../../scripts/bench/test-tiers.ts';
import { testsMarkdown } from '../../../../scripts/bench/tests-md.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';

describe('/proc', () => {
  test('stat: the name may hold spaces and parentheses; ppid and CPU ticks follow it', () => {
    const stat = '4242 (Web (Content) 1) S 17 4242 4242 0 -1 4194560 1 0 0 0 250 31 0 0 20 0 7 0 1 2 3';
    expect(parseStat(stat)).toEqual({ name: 'Web (Content) 1', ppid: 17, cpuTicks: 281 });
    expect(parseStat('garbage')).toBeNull();
  });

  test('status: the high-water resident size, 0 without one', () => {
    expect(parseHwmKb('Name:\tnode\nVmPeak:\t 9000 kB\nVmHWM:\t  1395780 kB\nVmRSS:\t 12 kB\n')).toBe(1395780);
    expect(parseHwmKb('Name:\tkthreadd\n')).toBe(0);
  });

  test('the program is argv[0] without its folder; a kernel thread keeps its comm', () => {
    expect(programName('/repo/node_modules/node/bin/node\0astro.mjs\0build\0', 'MainThread')).toBe('node');
    expect(programName('', 'kworker/0:1')).toBe('kworker/0:1');
  });
});

test("a build's log: Pagefind's time, pages rendered and carried over", () => {
  const log = [
    '08:14:20   ├─ /days/2026-08-06/index.html (+3ms) ',
    '08:14:20   ├─ /days/2026-08-07/index.html (restored)',
    '08:14:20   └─ /papers/2608.00001/index.html (cached)',
    '08:14:20   ├─ /index.html (+4ms) ',
    '08:15:07 [papers-pagefind] indexed 11894 paper pages in 46.4 s into /tmp/d1/pagefind',
  ].join('\n');
  expect(readBuildLog(log)).toEqual({ indexSeconds: 46.4, rendered: 2, carried: 2 });
  expect(readBuildLog('').indexSeconds).toBeNull();
});

describe('dist/ by year', () => {
  const days = [
    dayRecord('2025-06-02', [paperRecord('2506.00001')]),
    dayRecord('2026-08-03', [paperRecord('2506.00001'), paperRecord('2608.00002')]),
  ];
  const first = firstFeatured(days);

  test("each file's day: days by date, papers by first featured, weeks and months by their own", () => {
    expect(fileDate('days/2026-08-03/index.html', first)).toBe('2026-08-03');
    expect(fileDate('days/2026-08-03.json', first)).toBe('2026-08-03');
    expect(fileDate('papers/2506.00001/index.html', first)).toBe('2025-06-02');
    expect(fileDate('months/2025-06/index.html', first)).toBe('2025-06-01');
    expect(fileDate('weeks/2026-W32/index.html', first)).toBe('2026-01-01');
    expect(fileDate('search/0123456789abcdef/papers/1.json', first)).toBe('search');
    expect(fileDate('search/index.html', first)).toBeNull();
    expect(fileDate('index.html', first)).toBeNull();
    expect(fileDate('_astro/site.css', first)).toBeNull();
    // A day's, week's and month's citation files count for its year, as its page does.
    expect(fileDate('days/2026-08-03.csl.json', first)).toBe('2026-08-03');
    expect(fileDate('weeks/2026-W32.bib', first)).toBe('2026-01-01');
    expect(fileDate('months/2025-06.ris', first)).toBe('2025-06-01');
  });

  test('each file by what it is for', () => {
    const kinds = Object.fromEntries(
      [
        'index.html',
        'papers/2506.00001/index.html',
        'rss.xml',
        'days.xml',
        'feeds/organizations/meta.xml',
        'feeds/keywords/llm.json',
        'feeds.opml',
        'days/2026-08-03.bib',
        'weeks/2026-W32.ris',
        'months/2026-08.csl.json',
        'days/2026-08-03.json',
        'data/papers-2026.jsonl',
        'stats/weeks.csv',
        'llms.txt',
        'search/abc/1.bin',
        'search/index.html',
        '_astro/site.css',
        'sitemap-0.xml',
      ].map((rel) => [rel, fileKind(rel).split(' ')[0]]),
    );
    expect(kinds).toEqual({
      'index.html': 'pages',
      'papers/2506.00001/index.html': 'pages',
      'rss.xml': 'feeds',
      'days.xml': 'feeds',
      'feeds/organizations/meta.xml': 'feeds',
      'feeds/keywords/llm.json': 'feeds',
      'feeds.opml': 'feeds',
      'days/2026-08-03.bib': 'citation',
      'weeks/2026-W32.ris': 'citation',
      'months/2026-08.csl.json': 'citation',
      'days/2026-08-03.json': 'data',
      'data/papers-2026.jsonl': 'data',
      'stats/weeks.csv': 'data',
      'llms.txt': 'data',
      'search/abc/1.bin': 'search',
      'search/index.html': 'pages',
      '_astro/site.css': 'other',
      'sitemap-0.xml': 'other',
    });
    const rows = byKind([
      { rel: 'rss.xml', size: 10 },
      { rel: 'feeds/a.json', size: 5 },
    ]);
    expect(rows.find((r) => r.kind.startsWith('feeds'))).toMatchObject({ files: 2, bytes: 15 });
    expect(rows.map((r) => r.kind)).toEqual([...FILE_KINDS]);
  });

  test('years, the shared rest, the pace of the last 12 months, and the year of the limit', () => {
    const files = [
      { rel: 'days/2025-06-02/index.html', size: 1000 },
      { rel: 'papers/2506.00001/index.html', size: 500 },
      { rel: 'days/2026-08-03/index.html', size: 2000 },
      { rel: 'papers/2608.00002/index.html', size: 500 },
      { rel: 'search/index.json', size: 400 },
      { rel: 'index.html', size: 100 },
    ];
    const g = growth(files, days);
    expect(g.years).toEqual([
      { year: '2025', bytes: 1700, files: 3, papers: 1 },
      { year: '2026', bytes: 2700, files: 3, papers: 1 },
    ]);
    expect(g.shared).toEqual({ bytes: 100, files: 1 });
    expect(g.total).toEqual({ bytes: 4500, files: 6 });
    // 2025-06-02 is more than a year before 2026-08-03: only 2026's files, and half the index.
    expect(g.bytesPerYear).toBe(2700);
    expect(g.limitYear).toBe(Math.floor(2026 + 7 / 12 + (PAGES_LIMIT_BYTES - 4500) / 2700));
  });
});

test('per paper against 1×: at most 1 is at most linear', () => {
  const run = (seconds: number, peakBytes: number) =>
    summarize([
      { seconds, cpuSeconds: seconds, peakBytes, peakProcess: 'node', indexSeconds: 1, rendered: 1, carried: 0 },
    ]);
  const row = (times: number, papers: number, seconds: number, peak: number): ScaleRow => ({
    times,
    days: times,
    papers,
    summary: run(seconds, peak),
    dist: { bytes: 0, files: 0 },
  });
  const [one, three] = perPaper([row(1, 100, 50, 1000), row(3, 300, 120, 2400)]);
  expect(one).toEqual({ times: 1, time: 1, memory: 1 });
  expect(three!.times).toBe(3);
  expect(three!.time).toBeCloseTo(0.8);
  expect(three!.memory).toBeCloseTo(0.8);
});

describe("the test suite's results file", () => {
  const step = (
    name: string,
    seconds: number[],
    cpuSeconds: number[],
    tests: number | null,
    failures: string[] = [],
  ) => ({
    name,
    seconds,
    cpuSeconds,
    tests,
    failures,
  });
  const report: TestsReport = {
    at: '2026-11-29T13:30:00.000Z',
    machine: { cpu: 'Test CPU', cores: 2, memoryBytes: 24 * 1024 ** 3, os: 'Linux 6', node: 'v24.21.0' },
    load: { start: [1, 2, 3], end: [4, 5, 6] },
    steps: [
      step('npm run build', [5, 4, 6], [7, 6, 8], null),
      step('unit tier', [4, 4, 4], [5, 5, 5], 500),
      step('npm test (all of it)', [130, 120, 140], [200, 190, 210], 877, ['run 2: 1 failed']),
    ],
    ratios: [26, 30, 23.3],
  };

  test('gives the median ratio against the target, and each step with its runs, CPU, tests and failures', () => {
    const md = testsMarkdown(report, 'npm run bench -- tests --runs 3');
    expect(md).toContain(
      'Written by `npm run bench -- tests --runs 3` on 2026-11-29 (13:30 UTC). Every time is a median of 3 runs.',
    );
    expect(md).toContain('- Machine: Test CPU, 2 cores, 24 GB; Linux 6; Node.js v24.21.0.');
    expect(md).toContain(
      'at most 8× `npm run build` of the bundled archive, in the same run | 26.0× (runs: 26.0×, 30.0×, 23.3×) | **missed** |',
    );
    expect(md).toContain('| npm run build | 5.0 s (5.0, 4.0, 6.0) | 7.0 s |  |');
    expect(md).toContain(
      '| npm test (all of it) | 130.0 s (130.0, 120.0, 140.0) | 200.0 s | 877 (failed: run 2: 1 failed) |',
    );
    expect(md).toContain("kept 1.54 of the machine's 2 cores busy");
  });

  test('a ratio within the target is met; rows in the terminal end with the ratio', () => {
    expect(testsMarkdown({ ...report, ratios: [7.9] }, 'x')).toMatch(/7\.9× \(runs: 7\.9×\) \| met \|/);
    const rows = testsRows(report);
    expect(rows.map((r) => r.name).at(-1)).toBe('npm test / npm run build');
    expect(rows[1]).toMatchObject({ median: 4, note: '500 tests' });
  });
});
