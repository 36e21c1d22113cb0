// The search index's main part kept between builds (site/lib/search-index-build.ts says which
// papers it holds), in Astro's cacheDir, which the nightly workflow keeps: a build whose main
// part would hold the same papers, with the same data, made by the same code, takes its files
// from here instead of making them again. The key is a digest of all of that, the code included
// (the index's modules' source and the stemmer's version), so a kept part is the part this build
// would make, byte for byte (tests/e2e/site/incremental.test.ts compares the two). One part is
// kept: a new one replaces it. Files are shared with the site as hard links where the file
// system allows (the build never writes into them).
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PaperEntry } from '../lib/archive-index.ts';
import { INDEX_FORMAT } from '../lib/search-index-format.ts';
import type { BuiltPart } from '../lib/search-index-part.ts';
import { copyTree } from './staging.ts';

/** The modules whose code shapes a part's files. */
const SHAPED_BY = [
  'search-index-part.ts',
  'search-index-format.ts',
  'search-index-build.ts',
  'search-keys.ts',
  'search-text.ts',
];
const LIB = fileURLToPath(new URL('../lib/', import.meta.url));

/** The stemmer's version, from its package file (it exports none). */
async function stemmerVersion(): Promise<string> {
  let dir = path.dirname(fileURLToPath(import.meta.resolve('stemmer')));
  for (;;) {
    const pkg = await fs.readFile(path.join(dir, 'package.json'), 'utf8').catch(() => null);
    if (pkg) return (JSON.parse(pkg) as { version?: string }).version ?? '';
    if (path.dirname(dir) === dir) return '';
    dir = path.dirname(dir);
  }
}

/** The key of the part of papers [from, to): their data, the index's format and code. */
export async function partKey(ordered: readonly PaperEntry[], from: number, to: number): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`${INDEX_FORMAT} ${from} ${to} ${await stemmerVersion()}\n`);
  for (const name of SHAPED_BY) hash.update(await fs.readFile(path.join(LIB, name)));
  for (let i = from; i < to; i++) {
    const { paper, firstDate } = ordered[i]!;
    hash.update(JSON.stringify([firstDate, paper]));
  }
  return hash.digest('hex').slice(0, 32);
}

/** What is kept of a part besides its files: its name and what the manifest and table need. */
export type KeptPart = Omit<BuiltPart, 'shards'> & { name: string };

export type PartCache = {
  /** The part kept under `key`, its files copied (linked) into `searchDir`/<its name>; null when none is. */
  restore: (key: string, searchDir: string) => Promise<KeptPart | null>;
  /** Keeps the part whose files are in `from` under `key`, in place of any other. */
  store: (key: string, part: KeptPart, from: string) => Promise<void>;
};

export function partCache(dir: string): PartCache {
  return {
    async restore(key, searchDir) {
      const kept = path.join(dir, key);
      const about = await fs.readFile(path.join(kept, 'part.json'), 'utf8').catch(() => null);
      if (about === null) return null;
      const part = JSON.parse(about) as KeptPart;
      await copyTree(path.join(kept, 'files'), path.join(searchDir, part.name), { link: true });
      return part;
    },
    async store(key, part, from) {
      await fs.mkdir(dir, { recursive: true });
      const staging = await fs.mkdtemp(path.join(dir, `.${key}.tmp-`));
      try {
        await copyTree(from, path.join(staging, 'files'), { link: true });
        await fs.writeFile(path.join(staging, 'part.json'), JSON.stringify(part));
        for (const name of await fs.readdir(dir)) {
          if (name !== path.basename(staging)) await fs.rm(path.join(dir, name), { recursive: true, force: true });
        }
        await fs.rename(staging, path.join(dir, key));
      } catch (error) {
        await fs.rm(staging, { recursive: true, force: true });
        throw error;
      }
    },
  };
}
