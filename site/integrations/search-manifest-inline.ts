// The search page carries the search index's manifest (search/index.json) in itself, so that a
// search starts as soon as the page's script runs instead of after one more request. Preloaded,
// the manifest still cost the first search 70 ms in Chromium between the script asking for it
// and asking for the shards (the preloaded answer handed over 47 ms later, its JSON read in 25 ms
// more, on this 2-core machine), at the 90th percentile a fifth of the time to the first result.
// The index is written while Astro renders the pages, so the manifest goes into the page once
// both are done (astro:build:done, after the index is moved into the site): into an empty
// <script type="application/json"> the page leaves for it. A page without it (the dev server,
// an older copy) fetches the file as before (site/client/search-index.ts).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { jsonForScript } from '../lib/citation.ts';
import { SEARCH_FILES } from '../lib/search-files.ts';

/** The element's id, as the page writes it and the search reads it. */
export const MANIFEST_ELEMENT = 'search-manifest';

const SLOT = new RegExp(`<script type="application/json" id="${MANIFEST_ELEMENT}"></script>`);

/** The page with the manifest in its slot, escaped so that nothing in it can end the element; null without a slot. */
export function withManifest(html: string, manifest: unknown): string | null {
  if (!SLOT.test(html)) return null;
  const json = jsonForScript(manifest);
  return html.replace(SLOT, () => `<script type="application/json" id="${MANIFEST_ELEMENT}">${json}</script>`);
}

/**
 * Puts the manifest of the site built in `outDir` into its search page; false when there is no
 * page or no slot. The page is replaced whole (a new file renamed over it), never written into.
 */
export async function inlineSearchManifest(outDir: string): Promise<boolean> {
  const page = path.join(outDir, 'search', 'index.html');
  const [html, manifest] = await Promise.all([
    fs.readFile(page, 'utf8').catch(() => null),
    fs.readFile(path.join(outDir, SEARCH_FILES.manifest), 'utf8'),
  ]);
  if (html === null) return false;
  const next = withManifest(html, JSON.parse(manifest));
  if (next === null) return false;
  const temp = `${page}.${process.pid}.tmp`;
  await fs.writeFile(temp, next);
  await fs.rename(temp, page);
  return true;
}
