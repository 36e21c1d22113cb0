// A folder of the build's own, beside Astro's cache, where the search index is written while
// Astro renders the pages (Astro may empty its output folder as it starts), and moved into the
// site when Astro is done: renamed, not copied. A killed build's folder is removed by the next.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isAlive } from '../../scraper/archive/index.ts';
import { eachAtOnce } from '../lib/at-once.ts';

const COPIES_AT_ONCE = 16;

/** Copies the folder `from` into `to` (made, or merged into), files many at a time. */
export async function copyTree(from: string, to: string): Promise<void> {
  const entries = await fs.readdir(from, { recursive: true, withFileTypes: true });
  const rel = (e: { parentPath: string; name: string }) => path.relative(from, path.join(e.parentPath, e.name));
  await fs.mkdir(to, { recursive: true });
  for (const e of entries) if (e.isDirectory()) await fs.mkdir(path.join(to, rel(e)), { recursive: true });
  const files = entries.filter((e) => e.isFile()).map(rel);
  await eachAtOnce(files, COPIES_AT_ONCE, (file) => fs.copyFile(path.join(from, file), path.join(to, file)));
}

/**
 * Moves every entry of the folder `from` into the folder `to`: renamed where `to` has no entry
 * of that name (copied when the two are on different file systems), merged where it has a folder.
 */
export async function moveInto(from: string, to: string): Promise<void> {
  await fs.mkdir(to, { recursive: true });
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    const existing = await fs.stat(target).catch(() => null);
    if (entry.isDirectory() && existing?.isDirectory()) {
      await moveInto(source, target);
      continue;
    }
    try {
      await fs.rename(source, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      if (entry.isDirectory()) await copyTree(source, target);
      else await fs.copyFile(source, target);
    }
  }
}

/** A new folder in `dir` named `<prefix><pid>-…`, after removing those of processes no longer alive. */
export async function ownFolder(dir: string, prefix: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  for (const name of await fs.readdir(dir)) {
    const pid = name.startsWith(prefix) ? Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]) : Number.NaN;
    if (Number.isInteger(pid) && !isAlive(pid)) await fs.rm(path.join(dir, name), { recursive: true, force: true });
  }
  return fs.mkdtemp(path.join(dir, `${prefix}${process.pid}-`));
}
