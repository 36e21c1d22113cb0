// The stats page's numbers (site/lib/stats.ts, stats-keywords.ts) on an archive made by hand:
// a paper counts once, in the week, month and quarter of its first day, with its newest record;
// weeks and months without papers are there, empty; the rankings per quarter, their ties and
// cut; keywords compared without case or accents, as the search compares them; the keywords new
// in the newest month; an empty archive.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dayRecord } from '../../../../scripts/fixtures/records.ts';
import { pageKeys } from '../../../../site/data/page-keys.ts';
import { buildArchiveIndex } from '../../../../site/lib/archive-index.ts';
import { buildCalendar } from '../../../../site/lib/calendar.ts';
import { filterKey } from '../../../../site/lib/search-keys.ts';
import { buildStats, STATS } from '../../../../site/lib/stats.ts';
import { statsKeywordKey } from '../../../../site/lib/stats-keywords.ts';
import { ARCHIVE, code, org, paper } from './stats-archive.ts';

const stats = buildStats(buildArchiveIndex(ARCHIVE));

describe('buildStats', () => {
  test('the range, counted from the archive’s newest day', () => {
    expect(stats).toMatchObject({ from: '2025-12-29', to: '2026-04-28', papers: 8, withOrganization: 7 });
    expect(stats.settleFrom).toBe('2026-04-15');
  });

  test('papers per ISO week: every week of the range, a paper in its first week only, days held, partial weeks', () => {
    expect(stats.weeks.map((w) => w.week)).toEqual(
      Array.from({ length: 18 }, (_, i) => `2026-W${String(i + 1).padStart(2, '0')}`),
    );
    const held = stats.weeks.filter((w) => w.days > 0);
    expect(held).toEqual([
      { week: '2026-W01', monday: '2025-12-29', papers: 2, days: 2, partial: false },
      { week: '2026-W14', monday: '2026-03-30', papers: 2, days: 2, partial: false },
      { week: '2026-W17', monday: '2026-04-20', papers: 2, days: 1, partial: false },
      // The archive ends on its Tuesday.
      { week: '2026-W18', monday: '2026-04-27', papers: 2, days: 1, partial: true },
    ]);
    expect(stats.weeks.find((w) => w.week === '2026-W15')).toMatchObject({ papers: 0, days: 0 });
  });

  test('upvotes per month: the latest upvotes of the papers first featured in it; the newest 14 days still moving', () => {
    expect(
      stats.months.map(({ month, papers, median, p90, settled }) => ({ month, papers, median, p90, settled })),
    ).toEqual([
      // 2512.00001 has 40 upvotes now, and its first day is in December.
      { month: '2025-12', papers: 1, median: 40, p90: 40, settled: true },
      { month: '2026-01', papers: 1, median: 10, p90: 10, settled: true },
      { month: '2026-02', papers: 0, median: null, p90: null, settled: true },
      { month: '2026-03', papers: 1, median: 5, p90: 5, settled: true },
      // 7, 1, 2, 100, 3: sorted 1 2 3 7 100; the 90th percentile at 3.6, 7 + 0.6 × 93.
      { month: '2026-04', papers: 5, median: 3, p90: 62.8, settled: false },
    ]);
  });

  test('papers with code per month: a GitHub link on the newest record, as a share of the month’s papers', () => {
    expect(stats.months.map((m) => [m.month, m.withCode, m.percentWithCode])).toEqual([
      ['2025-12', 1, 100],
      ['2026-01', 0, 0],
      ['2026-02', 0, null],
      ['2026-03', 1, 100],
      ['2026-04', 2, 40],
    ]);
  });

  test('top organizations per quarter: newest first, ties share a rank and are ordered by name', () => {
    expect(
      stats.organizations.map((q) => [
        q.quarter,
        q.from,
        q.to,
        q.papers,
        q.rows.map((r) => [r.rank, r.name, r.papers, r.percent]),
      ]),
    ).toEqual([
      [
        '2026-Q2',
        '2026-04-01',
        '2026-04-28',
        5,
        [
          [1, 'Tencent', 2, 40],
          [2, '=HYPERLINK("http://evil.example")', 1, 20],
          [2, 'NVIDIA', 1, 20],
        ],
      ],
      // NVIDIA's handle in capitals is the same organization (lib/organizations.ts).
      [
        '2026-Q1',
        '2026-01-01',
        '2026-03-31',
        2,
        [
          [1, 'NVIDIA', 1, 50],
          [1, 'Tencent', 1, 50],
        ],
      ],
      ['2025-Q4', '2025-12-29', '2025-12-31', 1, [[1, 'NVIDIA', 1, 100]]],
    ]);
    expect(stats.organizations[0]!.rows[2]).toMatchObject({ slug: 'nvidia', handle: 'nvidia' });
    // How many of each quarter's papers name one: 2604.00006 names none.
    expect(stats.organizations.map((q) => q.covered)).toEqual([4, 2, 1]);
  });

  test(`top keywords per quarter: case, spaces and accents ignored, ${STATS.minKeywordPapers} papers at least, the spelling most papers use`, () => {
    expect(stats.keywords.map((q) => [q.quarter, q.rows.map((r) => [r.rank, r.label, r.papers, r.percent])])).toEqual([
      // "video generation" (2 papers) is spelled so by two papers of the archive, "VIDEO
      // GENERATION" and "Vidéo generation" by one each; "solo", "diffusion" have one paper here.
      [
        '2026-Q2',
        [
          [1, 'New Thing', 2, 40],
          [1, 'video generation', 2, 40],
        ],
      ],
      [
        '2026-Q1',
        [
          [1, 'LLM Agents', 2, 100],
          [1, 'video generation', 2, 100],
        ],
      ],
      ['2025-Q4', []],
    ]);
    expect(stats.keywords.map((q) => [q.papers, q.covered])).toEqual([
      [5, 5],
      [2, 2],
      [1, 1],
    ]);
  });

  test('months in a row whose many papers have no GitHub link at all: a copy that recorded none, not papers without code', () => {
    const many = (date: string, n: number, extra = {}) =>
      dayRecord(
        date,
        Array.from({ length: n }, (_, i) =>
          paper(`${date.slice(2, 4)}${date.slice(5, 7)}.${String(i).padStart(5, '0')}`, 1, extra),
        ),
      );
    const archive = [
      many('2024-05-02', 30, code),
      many('2024-06-03', 30),
      many('2024-07-01', 30),
      // August has no day: the run goes on over it.
      many('2024-09-02', 10),
      many('2024-10-01', 30, code),
      // A month of few papers and no link is nothing to remark on.
      many('2024-11-01', 3),
      many('2024-12-02', 30, code),
    ];
    const { codeUnrecorded, months } = buildStats(buildArchiveIndex(archive));
    expect(codeUnrecorded).toEqual([{ from: '2024-06', to: '2024-09', papers: 70 }]);
    expect(months.find((m) => m.month === '2024-11')).toMatchObject({ withCode: 0, percentWithCode: 0 });
  });

  test(`keywords new this month: first carried in the newest month, by ${STATS.minKeywordPapers} papers or more`, () => {
    // "solo" and "=cmd|calc" are new too, with one paper each; "video generation" is older.
    expect(stats.newKeywords).toEqual({
      month: '2026-04',
      from: '2026-04-01',
      rows: [{ rank: 1, label: 'New Thing', papers: 2, firstDate: '2026-04-28' }],
    });
  });

  test('the days read in another order give the same numbers', () => {
    expect(buildStats(buildArchiveIndex([...ARCHIVE].reverse()))).toEqual(stats);
  });

  test('at most the top ten a quarter; the ranks still count every paper above', () => {
    const papers = Array.from({ length: 14 }, (_, i) =>
      paper(`2607.${String(i).padStart(5, '0')}`, i, {
        organization: org(`lab-${i % 12}`, `Lab ${String(i % 12).padStart(2, '0')}`),
      }),
    );
    const { organizations } = buildStats(buildArchiveIndex([dayRecord('2026-07-01', papers)]));
    const rows = organizations[0]!.rows;
    expect(rows).toHaveLength(STATS.top);
    // Labs 00 and 01 have two papers each; the other ten one: ranks 1, 1, then 3 for the rest, cut by name.
    expect(rows.map((r) => [r.rank, r.name])).toEqual([
      [1, 'Lab 00'],
      [1, 'Lab 01'],
      ...['02', '03', '04', '05', '06', '07', '08', '09'].map((n) => [3, `Lab ${n}`]),
    ]);
  });

  test('an empty archive has nothing to count', () => {
    expect(buildStats(buildArchiveIndex([]))).toEqual({
      from: null,
      to: null,
      papers: 0,
      withOrganization: 0,
      settleFrom: null,
      weeks: [],
      months: [],
      codeUnrecorded: [],
      organizations: [],
      keywords: [],
      newKeywords: { month: null, from: null, rows: [] },
    });
  });

  test('whatever the archive, every paper is in one week, one month and one quarter', () => {
    const dates = fc.uniqueArray(
      fc
        .date({ min: new Date('2023-05-01'), max: new Date('2027-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(dates, fc.nat({ max: 3 }), (days, repeats) => {
        // Each day lists two new papers and the first paper of the archive again, `repeats` times at most.
        const sorted = [...days].sort();
        const archive = sorted.map((date, i) =>
          dayRecord(date, [
            paper(`2601.${String(2 * i).padStart(5, '0')}`, i),
            paper(`2601.${String(2 * i + 1).padStart(5, '0')}`, i, code),
            ...(i > 0 && i <= repeats ? [paper('2601.00000', 99)] : []),
          ]),
        );
        const s = buildStats(buildArchiveIndex(archive));
        const total = 2 * days.length;
        expect(s.papers).toBe(total);
        expect(s.weeks.reduce((n, w) => n + w.papers, 0)).toBe(total);
        expect(s.weeks.reduce((n, w) => n + w.days, 0)).toBe(days.length);
        expect(s.months.reduce((n, m) => n + m.papers, 0)).toBe(total);
        expect(s.months.reduce((n, m) => n + m.withCode, 0)).toBe(days.length);
        expect(s.organizations.reduce((n, q) => n + q.papers, 0)).toBe(total);
        expect(s.organizations.map((q) => q.quarter)).toEqual(
          [...s.organizations.map((q) => q.quarter)].sort().reverse(),
        );
      }),
      { numRuns: 50 },
    );
  });
});

test('the stats page and its CSV files have no page key: they read the whole archive, so every build renders them', () => {
  const index = buildArchiveIndex(ARCHIVE);
  const ledger = { format: 1 as const, days: {} };
  const calendar = buildCalendar(
    index.days.map((d) => ({ date: d.date, status: d.status, papers: d.papers.length })),
    ledger,
  );
  // site/integrations/incremental-build.ts carries over only a page with a key.
  expect([...pageKeys(index, { ledger, calendar }).keys()].filter((p) => p.startsWith('/stats'))).toEqual([]);
});

describe('statsKeywordKey', () => {
  test('the search’s keyword key: case, runs of spaces and accents ignored', () => {
    expect(['LLM Agents', ' llm   agents ', 'Vidéo Générations', 'Straße', 'ＬＬＭ'].map(statsKeywordKey)).toEqual([
      'llm agents',
      'llm agents',
      'video generations',
      'strasse',
      'llm',
    ]);
  });

  test('its quick way for plain ASCII gives what the search’s filterKey gives, for any text', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) });
    fc.assert(
      fc.property(fc.oneof(ascii, fc.string(), fc.string({ unit: 'grapheme' })), (k) => {
        expect(statsKeywordKey(k)).toBe(filterKey(k));
      }),
    );
  });
});
