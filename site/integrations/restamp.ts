// The footer's "Updated …" (components/Updated.astro) is the one thing every page shows that
// changes with every run of the nightly: keyed by it, no page could be carried over from the
// last build (integrations/incremental-build.ts) and every nightly would render all 13,000 pages
// again. So no page's key covers it, and once the site is written, every page's footer is
// stamped with the home page's (the home page has no key: it is rendered every build). A full
// build and an incremental one give the same files. The element is always as long
// (site/lib/updated-stamp.ts): it is overwritten in place, found in the last kilobytes of a page.
// Pure parts (footerOf, restamp) apart from the walk over the files (restampSite).
import {
  closeSync,
  promises as fs,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { STAMP as UPDATED } from '../lib/updated-stamp.ts';

/** The footer's "Updated" element of a page, or null when it has none. */
export function footerOf(html: string): string | null {
  return UPDATED.exec(html)?.[0] ?? null;
}

/** The page with its "Updated" element replaced by `stamp`; the page as it was when it has none. */
export function restamp(html: string, stamp: string): string {
  return html.replace(UPDATED, () => stamp);
}

/**
 * How much of a page's end is read to find its footer first (the footer is in the last 2 KB of
 * every page the site makes), then how much before the page is read whole.
 */
const TAILS = [4 * 1024, 16 * 1024];

/**
 * Stamps one page: in place when its element is found near the end and is as long; else the
 * whole page. Synchronous on purpose: 14,000 pages of a nightly's carried-over site took 3.6 s
 * through fs.promises (a promise, a thread-pool hop and a FileHandle per call, 16 at a time) and
 * take 0.2 s this way, with nothing else for the build to do meanwhile.
 */
function restampFile(file: string, stamp: Buffer): boolean {
  const fd = openSync(file, 'r+');
  try {
    const { size } = fstatSync(fd);
    for (const want of TAILS) {
      const start = Math.max(0, size - want);
      const tail = Buffer.alloc(size - start);
      readSync(fd, tail, 0, tail.length, start);
      // One character a byte, so that a match's index is its offset in the file.
      const found = UPDATED.exec(tail.toString('latin1'));
      if (found && found[0].length === stamp.length) {
        if (found[0] === stamp.toString('latin1')) return false;
        writeSync(fd, stamp, 0, stamp.length, start + found.index);
        return true;
      }
      if (start === 0) break;
    }
  } finally {
    closeSync(fd);
  }
  const html = readFileSync(file, 'utf8');
  const current = footerOf(html);
  const text = stamp.toString('utf8');
  if (current === null || current === text) return false;
  writeFileSync(file, restamp(html, text));
  return true;
}

/** Stamps every page of the built site in `dir` with the home page's footer; returns how many changed. */
export async function restampSite(dir: string): Promise<number> {
  const home = await fs.readFile(path.join(dir, 'index.html'), 'utf8').catch(() => null);
  const stamp = home === null ? null : footerOf(home);
  if (stamp === null) return 0;
  const bytes = Buffer.from(stamp);
  let changed = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.html') && restampFile(path.join(entry.parentPath, entry.name), bytes))
      changed++;
  }
  return changed;
}
