// The footer's "Updated …" (components/Updated.astro) is the one thing every page shows that
// changes with every run of the nightly: keyed by it, no page could be carried over from the
// last build (integrations/incremental-build.ts) and every nightly would render all 13,000 pages
// again. So no page's key covers it, and once the site is written, every page's footer is
// stamped with the home page's (the home page has no key: it is rendered every build). A full
// build and an incremental one give the same files. The element is always as long
// (site/lib/updated-stamp.ts): it is overwritten in place, found in the last kilobytes of a page.
// Pure parts (footerOf, restamp) apart from the walk over the files (restampSite).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { eachAtOnce } from '../lib/at-once.ts';
import { STAMP as UPDATED } from '../lib/updated-stamp.ts';

/** The footer's "Updated" element of a page, or null when it has none. */
export function footerOf(html: string): string | null {
  return UPDATED.exec(html)?.[0] ?? null;
}

/** The page with its "Updated" element replaced by `stamp`; the page as it was when it has none. */
export function restamp(html: string, stamp: string): string {
  return html.replace(UPDATED, () => stamp);
}

/** Pages stamped at once: their reads and writes overlap. */
const PAGES_AT_ONCE = 16;
/** How much of a page's end is read to find its footer; a page whose footer is not there is read whole. */
const TAIL_BYTES = 16 * 1024;

/** Stamps one page: in place when its element is found near the end and is as long; else the whole page. */
async function restampFile(file: string, stamp: string): Promise<boolean> {
  const handle = await fs.open(file, 'r+');
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - TAIL_BYTES);
    const tail = Buffer.alloc(size - start);
    await handle.read(tail, 0, tail.length, start);
    // One character a byte, so that a match's index is its offset in the file.
    const found = UPDATED.exec(tail.toString('latin1'));
    const bytes = Buffer.from(stamp);
    if (found && found[0].length === bytes.length) {
      if (found[0] === bytes.toString('latin1')) return false;
      await handle.write(bytes, 0, bytes.length, start + found.index);
      return true;
    }
  } finally {
    await handle.close();
  }
  const html = await fs.readFile(file, 'utf8');
  const current = footerOf(html);
  if (current === null || current === stamp) return false;
  await fs.writeFile(file, restamp(html, stamp));
  return true;
}

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
  await eachAtOnce(files, PAGES_AT_ONCE, async (file) => {
    if (await restampFile(file, stamp)) changed++;
  });
  return changed;
}
