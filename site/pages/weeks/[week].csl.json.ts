// The week's papers as one CSL-JSON file (lib/bulk-cite.ts; the route's parts: data/cite-files.ts).
import type { GetStaticPaths } from 'astro';
import { citePaths, citeRoute } from '../../data/cite-files.ts';

export const getStaticPaths = (() => citePaths('week')) satisfies GetStaticPaths;
export const GET = citeRoute('week', 'csl-json');
