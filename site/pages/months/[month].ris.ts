// The month's papers as one RIS file (lib/bulk-cite.ts; the route's parts: data/cite-files.ts).
import type { GetStaticPaths } from 'astro';
import { citePaths, citeRoute } from '../../data/cite-files.ts';

export const getStaticPaths = (() => citePaths('month')) satisfies GetStaticPaths;
export const GET = citeRoute('month', 'ris');
