// What a build remembers of the day files it parsed: a day file's text gives the same day every
// time, so each day read is kept, as JSON, in the build's cache folder (Astro's cacheDir, which the
// nightly workflow keeps), named by the digest of the text and of the archive's own code. A
// build then parses only the files that changed since the last one: on the full archive, reading
// it is 3 s of YAML and schema checks for every one of 815 files, once for the pages and once
// for the search index, against a few hundred milliseconds of JSON (measured in bench/RESULTS.md,
// the nightly rebuild). A file that does not parse is never kept, so it fails every build as
// before. Anything wrong with a kept entry (gone, cut short, another shape) is parsed again.
import { createHash } from 'node:crypto';
import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Day, type DayParser, parseDayFile } from '../../scraper/archive/index.ts';

/** The archive's code (scraper/archive): a change to how a day is read is a new memo. */
function codeDigest(): string {
  const dir = fileURLToPath(new URL('../../scraper/archive/', import.meta.url));
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.ts'))
      hash
        .update(name)
        .update('\0')
        .update(readFileSync(path.join(dir, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

let code: string | null = null;

export type DayMemo = {
  parse: DayParser;
  /** Removes the kept days this build did not read (days since replaced or removed). */
  prune(): Promise<void>;
};

export function dayMemo(dir: string): DayMemo {
  code ??= codeDigest();
  const used = new Set<string>();
  let made = false;
  const fileOf = (text: string): string => {
    const name = `${createHash('sha256').update(code!).update('\0').update(text).digest('hex').slice(0, 32)}.json`;
    used.add(name);
    return path.join(dir, name);
  };
  return {
    async parse(text, file) {
      const kept = fileOf(text);
      try {
        const day = JSON.parse(await fs.readFile(kept, 'utf8')) as Day;
        if (day && typeof day.date === 'string' && Array.isArray(day.papers)) return day;
      } catch {
        // Not kept yet, or not readable: parsed below.
      }
      const parsed = parseDayFile(text, file);
      // What a later build reads back: a day as JSON gives it, so that every build renders the same.
      const json = JSON.stringify(parsed);
      const day = JSON.parse(json) as Day;
      // Keeping it is a saving, never a condition: a cache that cannot be written (full, read
      // only) leaves the build as it would be without one.
      try {
        if (!made) {
          await fs.mkdir(dir, { recursive: true });
          made = true;
        }
        const temp = `${kept}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
        await fs.writeFile(temp, json);
        await fs.rename(temp, kept).catch(async (error) => {
          await fs.rm(temp, { force: true });
          throw error;
        });
      } catch {
        // Parsed, not kept.
      }
      return day;
    },
    async prune() {
      const names = await fs.readdir(dir).catch(() => [] as string[]);
      await Promise.all(
        names.filter((n) => n.endsWith('.json') && !used.has(n)).map((n) => fs.rm(path.join(dir, n), { force: true })),
      );
    },
  };
}
