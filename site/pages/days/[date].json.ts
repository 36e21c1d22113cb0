// A static JSON copy of each day: the day file's front matter, exactly as the schema has it.
// JSON.stringify makes every string a JSON string, whatever it holds.
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../data/archive.ts';

export const getStaticPaths = (async () => {
  const data = await siteData();
  return data.days.map((day) => ({ params: { date: day.date } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  const day = data.dayByDate.get(params.date!)!;
  return new Response(`${JSON.stringify(day)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
