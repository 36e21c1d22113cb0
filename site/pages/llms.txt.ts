// /llms.txt: the archive, its pages, feeds and data files, for machines (lib/llms-txt.ts). No
// page key: a route without parameters, rendered at every build.
import type { APIRoute } from 'astro';
import { siteData } from '../data/archive.ts';
import { paths } from '../data/paths.ts';
import { llmsTxt } from '../lib/llms-txt.ts';
import { dataYears } from '../lib/papers-jsonl.ts';
import { STATS_FILES } from '../lib/stats-tables.ts';

export const GET: APIRoute = async ({ site }) => {
  const data = await siteData();
  const text = llmsTxt(
    {
      papers: data.papers.size,
      days: data.days.length,
      first: data.days[0]?.date ?? '',
      newest: data.newest?.date ?? '',
      years: dataYears(data),
      statsFiles: STATS_FILES,
    },
    paths,
    (p) => new URL(p, site).href,
  );
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
