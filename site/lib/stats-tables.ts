// Each stat of the stats page as one table, from which both the page's HTML table and the CSV
// file are written (components/StatsTable.astro, pages/stats/[name].csv.ts): the file holds
// the very numbers the page shows, and a column added to one is in the other. A cell has the
// value the file writes, and may have the text and the link the page shows instead (a week's
// name and page, a keyword's search). Pure: the stats and the site's paths in, tables out.

import type { CsvValue } from './csv.ts';
import { formatDate, monthName, thousands, weekLabel } from './format.ts';
import { indexPaths } from './index-paths.ts';
import type { SitePaths } from './paths.ts';
import type { Stats } from './stats.ts';
import { oneDecimal, quarterLabel } from './stats-text.ts';

export type Cell = { value: CsvValue; text?: string; href?: string };
export type Column = {
  /** The CSV header: lower case, words joined by "_", as data tools expect. */
  name: string;
  /** The page's column heading; null for a column the file has and the page does not show. */
  label: string | null;
  numeric?: boolean;
};
export type StatsTable = { name: StatsFile; columns: Column[]; rows: Cell[][] };

export const STATS_FILES = [
  'papers-per-week',
  'upvotes-per-month',
  'code-per-month',
  'top-organizations',
  'top-keywords',
  'new-keywords',
] as const;
export type StatsFile = (typeof STATS_FILES)[number];

type Paths = Pick<SitePaths, 'asset' | 'week' | 'month' | 'searchFor'>;

/** A count as the page writes it ("1,234") and the file (1234). */
const count = (n: number): Cell => ({ value: n, text: thousands(n) });
/** A median or a percent: one decimal, none when it is whole ("37.5", "40"); "–" for none. */
const decimal = (n: number | null): Cell => ({ value: n, text: n === null ? '–' : oneDecimal(n) });
/** A share: "41.2%" on the page, 41.2 in the file (its column's name says "percent"). */
const percent = (n: number | null): Cell => ({ value: n, text: n === null ? '–' : `${oneDecimal(n)}%` });
const flag = (on: boolean, text: string): Cell => ({ value: on ? 'true' : 'false', text: on ? text : '' });

export function statsTables(stats: Stats, paths: Paths): Record<StatsFile, StatsTable> {
  const links = indexPaths(paths);
  const quarter = (q: string): Cell => ({ value: q, text: quarterLabel(q) });
  const keyword = (label: string): Cell => ({ value: label, href: paths.searchFor({ keyword: label }) });
  return {
    'papers-per-week': {
      name: 'papers-per-week',
      columns: [
        { name: 'week', label: 'Week' },
        { name: 'week_start', label: null },
        { name: 'papers', label: 'Papers', numeric: true },
        { name: 'days_held', label: 'Days held', numeric: true },
        { name: 'partial', label: null },
      ],
      rows: stats.weeks.map((w) => [
        { value: w.week, text: weekLabel(w.week), ...(w.papers > 0 ? { href: paths.week(w.week) } : {}) },
        { value: w.monday },
        count(w.papers),
        count(w.days),
        flag(w.partial, 'partial'),
      ]),
    },
    'upvotes-per-month': {
      name: 'upvotes-per-month',
      columns: [
        { name: 'month', label: 'Month' },
        { name: 'papers', label: 'Papers', numeric: true },
        { name: 'median_upvotes', label: 'Median upvotes', numeric: true },
        { name: 'p90_upvotes', label: '90th percentile', numeric: true },
        { name: 'settled', label: null },
      ],
      rows: stats.months.map((m) => [
        monthCell(m.month, m.papers, paths, m.settled ? '' : ' (still moving)'),
        count(m.papers),
        decimal(m.median),
        decimal(m.p90),
        flag(m.settled, 'settled'),
      ]),
    },
    'code-per-month': {
      name: 'code-per-month',
      columns: [
        { name: 'month', label: 'Month' },
        { name: 'papers', label: 'Papers', numeric: true },
        { name: 'with_code', label: 'With code', numeric: true },
        { name: 'percent_with_code', label: 'Share with code', numeric: true },
      ],
      rows: stats.months.map((m) => [
        monthCell(m.month, m.papers, paths),
        count(m.papers),
        {
          ...count(m.withCode),
          ...(m.withCode > 0 ? { href: paths.searchFor({ month: m.month, code: 'yes' }) } : {}),
        },
        percent(m.percentWithCode),
      ]),
    },
    'top-organizations': {
      name: 'top-organizations',
      columns: [
        { name: 'quarter', label: null },
        { name: 'rank', label: 'Rank', numeric: true },
        { name: 'organization', label: 'Organization' },
        { name: 'handle', label: null },
        { name: 'papers', label: 'Papers', numeric: true },
        { name: 'quarter_papers', label: null },
        { name: 'quarter_papers_with_organization', label: null },
        { name: 'percent', label: 'Share', numeric: true },
      ],
      rows: stats.organizations.flatMap((q) =>
        q.rows.map((r) => [
          quarter(q.quarter),
          count(r.rank),
          { value: r.name, href: links.organization(r.slug) },
          { value: r.handle },
          count(r.papers),
          count(q.papers),
          count(q.covered),
          percent(r.percent),
        ]),
      ),
    },
    'top-keywords': {
      name: 'top-keywords',
      columns: [
        { name: 'quarter', label: null },
        { name: 'rank', label: 'Rank', numeric: true },
        { name: 'keyword', label: 'Keyword' },
        { name: 'papers', label: 'Papers', numeric: true },
        { name: 'quarter_papers', label: null },
        { name: 'quarter_papers_with_keywords', label: null },
        { name: 'percent', label: 'Share', numeric: true },
      ],
      rows: stats.keywords.flatMap((q) =>
        q.rows.map((r) => [
          quarter(q.quarter),
          count(r.rank),
          keyword(r.label),
          count(r.papers),
          count(q.papers),
          count(q.covered),
          percent(r.percent),
        ]),
      ),
    },
    'new-keywords': {
      name: 'new-keywords',
      columns: [
        { name: 'month', label: null },
        { name: 'rank', label: 'Rank', numeric: true },
        { name: 'keyword', label: 'Keyword' },
        { name: 'papers', label: 'Papers', numeric: true },
        { name: 'first_featured', label: 'First paper' },
      ],
      rows: stats.newKeywords.rows.map((r) => [
        { value: stats.newKeywords.month },
        count(r.rank),
        keyword(r.label),
        count(r.papers),
        { value: r.firstDate, text: formatDate(r.firstDate) },
      ]),
    },
  };
}

function monthCell(month: string, papers: number, paths: Paths, note = ''): Cell {
  return { value: month, text: `${monthName(month)}${note}`, ...(papers > 0 ? { href: paths.month(month) } : {}) };
}

/** The file's text: its header and every row's values (lib/csv.ts writes and defuses them). */
export function tableCsv(table: StatsTable): { header: string[]; rows: CsvValue[][] } {
  return { header: table.columns.map((c) => c.name), rows: table.rows.map((row) => row.map((c) => c.value)) };
}
