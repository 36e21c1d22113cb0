// How much script a built page makes a browser fetch, gzipped as GitHub Pages serves it: the
// module scripts its HTML names (inline ones too) and every file they import, as the page opens,
// and then what it may import later (a dynamic `import()`, such as the citation formats the
// search page loads on its first export). The budget of client script a page may add is counted
// this way in the benchmark (scripts/site/bench.ts), never in a timed test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export type ScriptWeight = {
  /** Gzipped bytes fetched as the page opens: inline scripts and every static import, once each. */
  open: number;
  /** Gzipped bytes more that a dynamic import may fetch later (files not already counted). */
  onDemand: number;
  /** The files of each, relative to the site, sorted. */
  openFiles: string[];
  onDemandFiles: string[];
};

const gz = (text: string | Buffer): number => gzipSync(text, { level: 9 }).length;

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const STATIC = /(?:\bfrom\s*|\bimport\s*)["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;
const DYNAMIC = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g;

/**
 * A script's file in the site, from where it is named: a page's `src` (a path under the site's
 * `base`) or a module's relative import. A built site is data: a name that leads out of it, or to
 * another host, is refused, never read.
 */
function siteFile(dist: string, base: string, from: string, name: string): string {
  const refuse = (): never => {
    throw new Error(`${dist}: a script named ${JSON.stringify(name)} is not a file of the site under ${base}`);
  };
  if (from === '' && !name.startsWith(base)) refuse();
  const file = from === '' ? path.join(dist, name.slice(base.length)) : path.resolve(path.dirname(from), name);
  const rel = path.relative(dist, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) refuse();
  return file;
}

/**
 * The weight of the page at `page` ("list/", "" for the home page) in the site at `dist`, built
 * for the base path `base` ("/", "/archive/").
 */
export function scriptWeight(dist: string, page: string, base = '/'): ScriptWeight {
  dist = path.resolve(dist);
  const html = readFileSync(path.join(dist, page, 'index.html'), 'utf8');
  const opened = new Set<string>();
  const later = new Set<string>();
  let inline = 0;
  const dynamicOf: string[] = [];
  const walk = (file: string, into: Set<string>): void => {
    if (opened.has(file) || into.has(file)) return;
    into.add(file);
    const code = readFileSync(file, 'utf8');
    // A dynamic import's own text is not a static one: take it out before the static pass.
    dynamicOf.push(...[...code.matchAll(DYNAMIC)].map((m) => siteFile(dist, base, file, m[1]!)));
    for (const m of code.replace(DYNAMIC, '').matchAll(STATIC)) walk(siteFile(dist, base, file, m[1]!), into);
  };
  for (const [, attributes = '', body = ''] of html.matchAll(SCRIPT)) {
    if (/type=["']?application\/(?:ld\+)?json/.test(attributes)) continue;
    const src = /\bsrc=["']([^"']+)["']/.exec(attributes)?.[1];
    if (src) walk(siteFile(dist, base, '', src), opened);
    else if (body.trim()) inline += gz(body);
  }
  for (let i = 0; i < dynamicOf.length; i++) walk(dynamicOf[i]!, later);
  const weigh = (files: Set<string>) => [...files].reduce((n, f) => n + gz(readFileSync(f)), 0);
  return {
    open: inline + weigh(opened),
    onDemand: weigh(later),
    openFiles: [...opened].map((f) => path.relative(dist, f)).sort(),
    onDemandFiles: [...later].map((f) => path.relative(dist, f)).sort(),
  };
}
