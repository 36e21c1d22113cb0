// The main search index kept between builds (site/lib/search-parts.ts says which papers it
// holds), in Astro's cacheDir, which the nightly workflow keeps: a build whose main part's
// records are those of the last build copies the index it wrote then, and the words of its
// papers the recent part needs, instead of asking Pagefind for it again. The key is a hash of
// the records and of what else shapes the files (Pagefind's version, the chunk size), so a
// cached index is the one Pagefind would write, byte for byte.
// The cache and the site share the index's files as hard links where they can (a copy of the
// 12,900 files of the full archive's index takes 1.2 s, 16 at once; Node's fs.cp, one at a time,
// 5.5 s); a folder is moved into the site by renaming it.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isAlive } from '../../scraper/archive/index.ts';
import { eachAtOnce } from '../lib/at-once.ts';

const COPIES_AT_ONCE = 16;

/**
 * Copies the folder `from` to `to` (made, or merged into), files many at a time; with `link`,
 * each file is a hard link to the original where the file system allows (no bytes copied), so
 * whoever changes such a file must replace it (write another and rename it over), never write
 * into it.
 */
export async function copyTree(from: string, to: string, { link = false } = {}): Promise<void> {
  const entries = await fs.readdir(from, { recursive: true, withFileTypes: true });
  const rel = (e: { parentPath: string; name: string }) => path.relative(from, path.join(e.parentPath, e.name));
  await fs.mkdir(to, { recursive: true });
  for (const e of entries) if (e.isDirectory()) await fs.mkdir(path.join(to, rel(e)), { recursive: true });
  const files = entries.filter((e) => e.isFile()).map(rel);
  let linking = link;
  await eachAtOnce(files, COPIES_AT_ONCE, async (file) => {
    const [source, target] = [path.join(from, file), path.join(to, file)];
    if (linking) {
      try {
        await fs.link(source, target);
        return;
      } catch (error) {
        // Another file system, or one without hard links: copy this file and the rest.
        if (!['EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
        linking = false;
      }
    }
    await fs.copyFile(source, target);
  });
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

/**
 * A folder of this process's own under `dir`, named `<prefix><pid>-…`; folders of that prefix
 * that a process no longer running left (a killed build) are removed first. Another build
 * running at the same time, with the same cache folder, keeps its own.
 */
export async function ownFolder(dir: string, prefix: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  for (const name of await fs.readdir(dir)) {
    const pid = name.startsWith(prefix) ? Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]) : Number.NaN;
    if (Number.isInteger(pid) && !isAlive(pid)) await fs.rm(path.join(dir, name), { recursive: true, force: true });
  }
  return fs.mkdtemp(path.join(dir, `${prefix}${process.pid}-`));
}

/** What identifies an index: its records in order and what else shapes Pagefind's files. */
export function indexKey(records: readonly unknown[], shapedBy: Record<string, string>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(shapedBy));
  for (const record of records) hash.update(`${JSON.stringify(record)}\n`);
  return hash.digest('hex').slice(0, 32);
}

export type IndexCache = {
  /** Copies the index of `key` into `to` and gives the words kept with it, or null when there is none. */
  restore: (key: string, to: string) => Promise<string | null>;
  /** Keeps a copy of the index in `from` and `words` as `key`, in place of any other. */
  store: (key: string, from: string, words: string) => Promise<void>;
};

/** The words kept with an index: the recent part's page of the main part's words (search-parts.ts). */
const WORDS_FILE = 'words.txt';
/** A copy being stored: never an index to restore. */
const WRITING = '.writing-';

/** The cache in `dir` (made when first stored into): one index at a time. */
export function indexCache(dir: string): IndexCache {
  const at = (key: string) => path.join(dir, key);
  return {
    async restore(key, to) {
      // A folder appears under its key only once complete (store renames it into place); one
      // in another layout, or damaged, is no index.
      const words = await fs.readFile(path.join(at(key), WORDS_FILE), 'utf8').catch(() => null);
      if (words === null || !(await fs.stat(path.join(at(key), 'index')).catch(() => null))?.isDirectory()) return null;
      try {
        await copyTree(path.join(at(key), 'index'), to, { link: true });
      } catch (error) {
        // Replaced meanwhile by another build's store: none of it is kept, the index is made.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        await fs.rm(to, { recursive: true, force: true });
        return null;
      }
      return words;
    },
    async store(key, from, words) {
      const writing = await ownFolder(dir, WRITING);
      try {
        await copyTree(from, path.join(writing, 'index'), { link: true });
        await fs.writeFile(path.join(writing, WORDS_FILE), words);
        // Other indexes go; another build's copy in progress stays (its own store replaces this one).
        for (const old of await fs.readdir(dir)) {
          if (!old.startsWith(WRITING)) await fs.rm(path.join(dir, old), { recursive: true, force: true });
        }
        await fs.rename(writing, at(key)).catch((error: NodeJS.ErrnoException) => {
          // Another build stored the same index first: theirs is as good.
          if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
        });
      } finally {
        await fs.rm(writing, { recursive: true, force: true });
      }
    },
  };
}
