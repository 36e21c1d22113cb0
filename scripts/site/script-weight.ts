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
  /** Every script file counted, relative to the site. */
  files: string[];
};

const gz = (text: string | Buffer): number => gzipSync(text, { level: 9 }).length;

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const STATIC = /(?:\bfrom\s*|\bimport\s*)["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;
const DYNAMIC = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g;

/** The weight of the page at `page` ("list/", "" for the home page) in the site at `dist`. */
export function scriptWeight(dist: string, page: string): ScriptWeight {
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
    const dynamics = [...code.matchAll(DYNAMIC)].map((m) => path.resolve(path.dirname(file), m[1]!));
    dynamicOf.push(...dynamics);
    for (const m of code.replace(DYNAMIC, '').matchAll(STATIC)) walk(path.resolve(path.dirname(file), m[1]!), into);
  };
  for (const [, attributes = '', body = ''] of html.matchAll(SCRIPT)) {
    if (/type=["']?application\/(?:ld\+)?json/.test(attributes)) continue;
    const src = /\bsrc=["']([^"']+)["']/.exec(attributes)?.[1];
    if (src) walk(path.join(dist, src.replace(/^\/+/, '')), opened);
    else if (body.trim()) inline += gz(body);
  }
  for (let i = 0; i < dynamicOf.length; i++) walk(dynamicOf[i]!, later);
  const weigh = (files: Set<string>) => [...files].reduce((n, f) => n + gz(readFileSync(f)), 0);
  return {
    open: inline + weigh(opened),
    onDemand: weigh(later),
    files: [...opened, ...later].map((f) => path.relative(dist, f)).sort(),
  };
}
