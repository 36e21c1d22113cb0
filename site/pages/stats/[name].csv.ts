// The stats page's numbers as CSV files (/stats/papers-per-week.csv, …): one for each of its
// tables (lib/stats-tables.ts), with every row the table has and a few columns only the file
// has (a week's Monday, an organization's handle, a quarter's papers), and, for the rankings,
// every quarter. Written by lib/csv.ts (RFC 4180, text from the data defused). No page key
// (data/page-keys.ts): rendered at every build, as the page is.
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../data/archive.ts';
import { paths } from '../../data/paths.ts';
import { toCsv } from '../../lib/csv.ts';
import { derived } from '../../lib/derived.ts';
import { statsOf } from '../../lib/stats.ts';
import { STATS_FILES, type StatsFile, statsTables, tableCsv } from '../../lib/stats-tables.ts';

export const getStaticPaths = (() => STATS_FILES.map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  const stats = statsOf(data, () => derived(data).organizations);
  const { header, rows } = tableCsv(statsTables(stats, paths)[params.name as StatsFile]);
  return new Response(toCsv(header, rows), {
    // "header=present": RFC 4180's parameter saying the first line names the columns.
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
};
