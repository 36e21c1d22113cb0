// The routes of the bulk citation files (pages/days/[date].bib.ts and its eight siblings: a
// period's papers in one format, lib/bulk-cite.ts), each a line or two: they share their paths
// and their response here. Their page keys: data/page-keys-bulk.ts.
import type { APIRoute } from 'astro';
import { type CitePeriod, citeKeys, citeRecords, formatInfo, periodPapers } from '../lib/bulk-cite.ts';
import { type CiteFormat, formatCitations } from '../lib/cite-formats.ts';
import { siteData } from './archive.ts';

/** The param each period's route names its key by: days/[date], weeks/[week], months/[month]. */
const PARAM: Record<CitePeriod, string> = { day: 'date', week: 'week', month: 'month' };

export async function citePaths(period: CitePeriod): Promise<{ params: Record<string, string> }[]> {
  const data = await siteData();
  return citeKeys(data, period).map((key) => ({ params: { [PARAM[period]]: key } }));
}

export function citeRoute(period: CitePeriod, format: CiteFormat): APIRoute {
  return async ({ params }) => {
    const data = await siteData();
    const text = formatCitations(format, citeRecords(periodPapers(data, period, params[PARAM[period]]!)));
    return new Response(text, { headers: { 'Content-Type': `${formatInfo(format).mediaType}; charset=utf-8` } });
  };
}
