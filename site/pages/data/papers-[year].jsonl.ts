// The archive's papers as JSON Lines, one file a year (/data/papers-2026.jsonl): a paper per line,
// in the order first featured (lib/papers-jsonl.ts; the fields: README "Data for machines"). Its
// page key (data/page-keys-bulk.ts) moves only when one of the year's lines does.
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../data/archive.ts';
import { dataYears, papersJsonl } from '../../lib/papers-jsonl.ts';

export const getStaticPaths = (async () => {
  const data = await siteData();
  return dataYears(data).map((year) => ({ params: { year } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  return new Response(papersJsonl(data, params.year!), {
    headers: { 'Content-Type': 'application/jsonl; charset=utf-8' },
  });
};
