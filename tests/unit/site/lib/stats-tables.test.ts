// The stats page's tables and words (site/lib/stats-tables.ts, stats-text.ts): the same rows
// for the page and the CSV file, the cells' text and links as the page shows them, the files'
// columns, text from the data defused in the file, and each chart's gist in a sentence.
import { describe, expect, test } from 'vitest';
import { buildArchiveIndex } from '../../../../site/lib/archive-index.ts';
import { toCsv } from '../../../../site/lib/csv.ts';
import { sitePaths } from '../../../../site/lib/paths.ts';
import { buildStats } from '../../../../site/lib/stats.ts';
import { STATS_FILES, statsTables, tableCsv } from '../../../../site/lib/stats-tables.ts';
import {
  codeGist,
  oneDecimal,
  quarterLabel,
  shortSpan,
  upvotesGist,
  weeksGist,
} from '../../../../site/lib/stats-text.ts';
import { csvObjects } from '../../../helpers/csv.ts';
import { ARCHIVE } from './stats-archive.ts';

const stats = buildStats(buildArchiveIndex(ARCHIVE));
const tables = statsTables(stats, sitePaths('/dpa/'));
const file = (name: (typeof STATS_FILES)[number]) => {
  const { header, rows } = tableCsv(tables[name]);
  return csvObjects(toCsv(header, rows));
};

describe('statsTables', () => {
  test('a table for each file, each with its columns named for data tools', () => {
    expect(Object.keys(tables)).toEqual([...STATS_FILES]);
    expect(Object.fromEntries(STATS_FILES.map((n) => [n, tables[n].columns.map((c) => c.name)]))).toEqual({
      'papers-per-week': ['week', 'week_start', 'papers', 'days_held', 'partial'],
      'upvotes-per-month': ['month', 'papers', 'median_upvotes', 'p90_upvotes', 'settled'],
      'code-per-month': ['month', 'papers', 'with_code', 'percent_with_code'],
      'top-organizations': [
        'quarter',
        'rank',
        'organization',
        'handle',
        'papers',
        'quarter_papers',
        'quarter_papers_with_organization',
        'percent',
      ],
      'top-keywords': [
        'quarter',
        'rank',
        'keyword',
        'papers',
        'quarter_papers',
        'quarter_papers_with_keywords',
        'percent',
      ],
      'new-keywords': ['month', 'rank', 'keyword', 'papers', 'first_featured'],
    });
  });

  test('the weeks: every week, its page linked when it has papers, its name as the week pages write it', () => {
    const rows = tables['papers-per-week'].rows;
    expect(rows).toHaveLength(18);
    expect(rows[0]!.map((c) => c.value)).toEqual(['2026-W01', '2025-12-29', 2, 2, 'false']);
    expect(rows[0]![0]).toEqual({
      value: '2026-W01',
      text: 'Week 1, 2026 (29 Dec – 4 Jan)',
      href: '/dpa/weeks/2026-W01/',
    });
    expect(rows[1]![0]!.href).toBeUndefined();
    expect(file('papers-per-week').at(-1)).toEqual({
      week: '2026-W18',
      week_start: '2026-04-27',
      papers: '2',
      days_held: '1',
      partial: 'true',
    });
  });

  test('the months: no median for a month without papers, "still moving" on the page, settled in the file', () => {
    expect(file('upvotes-per-month').slice(2)).toEqual([
      { month: '2026-02', papers: '0', median_upvotes: '', p90_upvotes: '', settled: 'true' },
      { month: '2026-03', papers: '1', median_upvotes: '5', p90_upvotes: '5', settled: 'true' },
      { month: '2026-04', papers: '5', median_upvotes: '3', p90_upvotes: '62.8', settled: 'false' },
    ]);
    const april = tables['upvotes-per-month'].rows.at(-1)!;
    expect(april.map((c) => c.text)).toEqual(['April 2026 (still moving)', '5', '3', '62.8', '']);
    expect(tables['upvotes-per-month'].rows[2]![2]!.text).toBe('–');
  });

  test('code: the number with code leads to the search for them, a share is a percent', () => {
    const april = tables['code-per-month'].rows.at(-1)!;
    expect(april[2]).toEqual({ value: 2, text: '2', href: '/dpa/search/?month=2026-04&code=yes' });
    expect(april[3]).toEqual({ value: 40, text: '40%' });
    expect(tables['code-per-month'].rows[1]![2]!.href).toBeUndefined(); // none with code: no link
  });

  test('the rankings: every quarter in the file, each organization linked to its page, each keyword to its search', () => {
    expect(file('top-organizations').map((r) => r['quarter'])).toEqual([
      '2026-Q2',
      '2026-Q2',
      '2026-Q2',
      '2026-Q1',
      '2026-Q1',
      '2025-Q4',
    ]);
    const tencent = tables['top-organizations'].rows[0]!;
    expect(tencent[0]).toEqual({ value: '2026-Q2', text: 'Q2 2026' });
    expect(tencent[2]).toEqual({ value: 'Tencent', href: '/dpa/organizations/tencent/' });
    const keyword = tables['top-keywords'].rows[0]![2]!;
    expect(keyword).toEqual({ value: 'New Thing', href: '/dpa/search/?keyword=New+Thing' });
    expect(file('new-keywords')).toEqual([
      { month: '2026-04', rank: '1', keyword: 'New Thing', papers: '2', first_featured: '2026-04-28' },
    ]);
  });

  test('an organization’s name made to be a formula reaches the file as text', () => {
    const { header, rows } = tableCsv(tables['top-organizations']);
    const text = toCsv(header, rows);
    expect(text).toContain('2026-Q2,2,"\'=HYPERLINK(""http://evil.example"")",evil,1,5,4,20\r\n');
    expect(csvObjects(text)[1]!['organization']).toBe('\'=HYPERLINK("http://evil.example")');
  });

  test('an empty archive: files of a header only', () => {
    const empty = statsTables(buildStats(buildArchiveIndex([])), sitePaths('/'));
    for (const name of STATS_FILES) {
      const { header, rows } = tableCsv(empty[name]);
      expect(toCsv(header, rows)).toBe(`${header.join(',')}\r\n`);
    }
  });
});

describe('stats-text', () => {
  test('quarters, numbers and spans as the page writes them', () => {
    expect(quarterLabel('2026-Q3')).toBe('Q3 2026');
    expect([37.5, 40, 1234.5, 0, 62.8].map(oneDecimal)).toEqual(['37.5', '40', '1,234.5', '0', '62.8']);
    expect([
      shortSpan('2026-06-15', '2026-06-30'),
      shortSpan('2026-07-01', '2026-08-07'),
      shortSpan('2026-06-30', '2026-06-30'),
    ]).toEqual(['15–30 Jun', '1 Jul – 7 Aug', '30 Jun']);
  });

  test('each chart’s gist: its range, its highs and lows, its latest', () => {
    expect(weeksGist(stats)).toBe(
      'Papers per week: 8 papers in 18 weeks, Week 1, 2026 (29 Dec – 4 Jan) to Week 18, 2026 (27 Apr – 3 May); ' +
        'the most in Week 1, 2026 (29 Dec – 4 Jan): 2; the latest whole week, Week 17, 2026 (20–26 Apr), had 2; ' +
        '14 weeks without a day held.',
    );
    expect(upvotesGist(stats)).toBe(
      'Upvotes per paper, by the month it was first featured: the median from 3 (April 2026) to 40 (December 2025); ' +
        'the 90th percentile from 5 (March 2026) to 62.8 (April 2026); the latest settled month, March 2026: median 5, ' +
        '90th percentile 5.',
    );
    expect(codeGist(stats)).toBe(
      'Share of papers with a GitHub repository, by month: from 0% (January 2026) to 100% (December 2025); 40% in April 2026.',
    );
    const none = buildStats(buildArchiveIndex([]));
    expect([weeksGist(none), upvotesGist(none), codeGist(none)]).toEqual([
      'No papers yet.',
      'No papers yet.',
      'No papers yet.',
    ]);
  });
});
