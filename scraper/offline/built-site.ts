// A built archive on disk (what `npm run build` writes to dist/), as the offline commands find
// it: its folder, and the base path it was built for, read from its own home page (the canonical
// link), so that a site built for a GitHub Pages project path serves without being told it.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { normalizeBasePath } from '../archive/links.ts';
import { InputError } from '../errors.ts';

export type BuiltSite = { root: string; base: string };

/** The base path a home page was built for: its canonical URL's path, else "/". */
export function baseOfHomePage(html: string): string {
  const link = /<link\b[^>]*\brel=["']?canonical["']?[^>]*>/i.exec(html)?.[0];
  const href = link ? /\bhref=["']([^"']+)["']/i.exec(link)?.[1] : undefined;
  if (!href) return '/';
  try {
    return normalizeBasePath(new URL(href).pathname) ?? '/';
  } catch {
    return '/';
  }
}

/** The built site in `dir`, or an InputError that says how to make one. */
export async function readBuiltSite(dir: string): Promise<BuiltSite> {
  const root = path.resolve(dir);
  let home: string;
  try {
    home = await fs.readFile(path.join(root, 'index.html'), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new InputError(`${root} holds no built archive (no index.html): build one with \`npm run build\``);
    }
    throw e;
  }
  return { root, base: baseOfHomePage(home) };
}
