// The footer's "Updated …" (components/Updated.astro) is the one thing every page shows that
// changes with every run of the nightly: keyed by it, no page could be carried over from the
// last build (integrations/incremental-build.ts) and every nightly would render all 13,000 pages
// again. So no page's key covers it, and once the site is written, every page's footer is
// stamped with the home page's (the home page has no key: it is rendered every build). A full
// build and an incremental one give the same files. Pure parts (footerOf, restamp) apart from
// the walk over the files (restampSite).
import { promises as fs } from 'node:fs';
import path from 'node:path';

const UPDATED = /<p class="updated">[\s\S]*?<\/p>/;

/** The footer's "Updated" element of a page, or null when it has none. */
export function footerOf(html: string): string | null {
  return UPDATED.exec(html)?.[0] ?? null;
}

/** The page with its "Updated" element replaced by `stamp`; the page as it was when it has none. */
export function restamp(html: string, stamp: string): string {
  return html.replace(UPDATED, () => stamp);
}

/** Pages read and rewritten at once: one at a time, 13,000 pages took 8 s of a nightly build. */
const PAGES_AT_ONCE = 16;

/** Stamps every page of the built site in `dir` with the home page's footer; returns how many changed. */
export async function restampSite(dir: string): Promise<number> {
  const home = await fs.readFile(path.join(dir, 'index.html'), 'utf8').catch(() => null);
  const stamp = home === null ? null : footerOf(home);
  if (stamp === null) return 0;
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name));
  let changed = 0;
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const html = await fs.readFile(file, 'utf8');
      const current = footerOf(html);
      if (current === null || current === stamp) continue;
      await fs.writeFile(file, restamp(html, stamp));
      changed++;
    }
  };
  await Promise.all(Array.from({ length: PAGES_AT_ONCE }, worker));
  return changed;
}
