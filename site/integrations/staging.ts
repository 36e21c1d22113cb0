// A folder of the build's own, beside Astro's cache, where the search index is written while
// Astro renders the pages (Astro may empty its output folder as it starts), and moved into the
// site when Astro is done: renamed, not copied. A killed build's folder is removed by the next.
// And copying a folder's files, as hard links where it can (the index's cache).
import { copyFileSync, promises as fs, linkSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isAlive } from '../../scraper/archive/index.ts';

/** Why link() fails on a file system that has no hard links between these folders: then copy. */
export const CANNOT_LINK: ReadonlySet<string> = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK']);

/**
 * Copies the folder `from` into `to` (made, or merged into); with `link`, each file is a hard
 * link to the original where the file system allows (no bytes copied), so whoever changes such
 * a file must replace it, never write into it. Synchronous on purpose: it runs on the search
 * index's own thread, where nothing waits on it, and the 12,000 links of the index's kept part
 * cost a promise and a thread-pool hop each through fs.promises (the same trade as the footer's
 * restamp, restamp.ts).
 */
export async function copyTree(from: string, to: string, { link = false } = {}): Promise<void> {
  const entries = readdirSync(from, { recursive: true, withFileTypes: true });
  const rel = (e: { parentPath: string; name: string }) => path.relative(from, path.join(e.parentPath, e.name));
  mkdirSync(to, { recursive: true });
  for (const e of entries) if (e.isDirectory()) mkdirSync(path.join(to, rel(e)), { recursive: true });
  let linking = link;
  for (const e of entries) {
    if (!e.isFile()) continue;
    const file = rel(e);
    const [source, target] = [path.join(from, file), path.join(to, file)];
    if (linking) {
      try {
        linkSync(source, target);
        continue;
      } catch (error) {
        // Another file system, or one without hard links: copy this file and the rest.
        if (!CANNOT_LINK.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
        linking = false;
      }
    }
    copyFileSync(source, target);
  }
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
