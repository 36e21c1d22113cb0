// Content-layer loaders for the archive folder: the day files through Astro's own glob loader,
// the ledger through the archive's own reader. Both validate with scraper/archive/schema.ts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import {
  aliasPath,
  DayFileError,
  DaySchema,
  dayFileProblems,
  describeIssues,
  InputError,
  readLedger,
} from '../../scraper/archive/index.ts';

/** content/days/YYYY/YYYY-MM-DD.md, as scraper/archive/store.ts lists them. */
export const DAY_FILE_GLOB = '[0-9][0-9][0-9][0-9]/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].md';

/** The files that define what a valid day is: a change to them must revalidate every day. */
const SCHEMA_SOURCES = ['scraper/archive/schema.ts', 'scraper/archive/text.ts', 'scraper/archive/dates.ts'];

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

function schemaDigest(root: URL): string {
  const hash = createHash('sha256');
  for (const source of SCHEMA_SOURCES) {
    try {
      hash.update(readFileSync(new URL(source, root)));
    } catch {
      hash.update(`missing ${source}`);
    }
  }
  return hash.digest('hex');
}

type EntryType = { extensions: string[]; getEntryInfo: unknown; [key: string]: unknown };

/**
 * The markdown body of a day file is a digest for people reading it on GitHub; the site renders
 * from the front matter alone. Handing the glob loader entry types without a render function
 * keeps it from rendering (or, deferred, bundling) 800+ markdown bodies on every build. Measured
 * on the full archive (815 days) with a minimal set of pages: 31 s a build, against 39 s with the
 * bodies rendered and 50 s with `deferRender` (which bundles every body as a module).
 * `entryTypes` is not in the public LoaderContext type, hence the guard: if it is ever missing,
 * the loader still works, only slower.
 */
function withoutRendering(ctx: LoaderContext): LoaderContext {
  const types = (ctx as LoaderContext & { entryTypes?: Map<string, EntryType> }).entryTypes;
  if (!(types instanceof Map)) return ctx;
  const dataOnly = new Map(
    [...types].map(([ext, t]) => [ext, { extensions: t.extensions, getEntryInfo: t.getEntryInfo }]),
  );
  return { ...ctx, entryTypes: dataOnly } as LoaderContext;
}

export function dayFilesLoader(contentDir: string): Loader {
  const daysDir = path.join(contentDir, 'days');
  const inner = glob({
    base: pathToFileURL(`${daysDir}${path.sep}`),
    pattern: DAY_FILE_GLOB,
    // The entry id is the date: `days/2026-08-07` is looked up by it.
    generateId: ({ entry, data }) => {
      const date = path.posix.basename(entry, '.md');
      if (typeof data['date'] === 'string' && data['date'] !== date) {
        throw new DayFileError(
          displayPath(path.join(daysDir, entry)),
          `date: ${data['date']} does not match the file name`,
        );
      }
      return date;
    },
    retainBody: false,
  });
  return {
    name: 'papers-day-files',
    load: async (ctx) => {
      // Astro keeps validated entries between builds and only checks that the content config
      // file is unchanged. Days from another folder, or checked by an older schema, are dropped.
      const source = `${daysDir}\n${schemaDigest(ctx.config.root)}`;
      if (ctx.meta.get('source') !== source) {
        ctx.store.clear();
        ctx.meta.set('source', source);
      }
      // Refused before Astro reads a file: no archive there, days out of place (the glob would
      // take a second copy of a day as the day), folders or oversized files.
      const problems = await dayFileProblems(contentDir);
      if (problems.length > 0) throw new InputError(problems.map((p) => p.message).join('; '));
      const parseData: LoaderContext['parseData'] = async (props) => {
        // An alias nested in aliases expands exponentially in whatever walks the data next.
        const alias = aliasPath(props.data);
        const file = props.filePath ?? path.join(daysDir, `${props.id}.md`);
        if (alias !== null)
          throw new DayFileError(displayPath(file), `${alias}: uses a YAML alias, which day files never hold`);
        try {
          return await ctx.parseData(props);
        } catch (error) {
          // Said as `papers status` says it: the file, then each field and its problem.
          const checked = DaySchema.safeParse(props.data);
          if (checked.success) throw error;
          throw new DayFileError(displayPath(file), describeIssues(checked.error));
        }
      };
      await inner.load({ ...withoutRendering(ctx), parseData });
    },
  };
}

export function ledgerLoader(contentDir: string): Loader {
  return {
    name: 'papers-ledger',
    load: async ({ store, parseData, generateDigest }) => {
      // readLedger validates the whole file and names it in any error; a missing ledger is empty.
      const ledger = await readLedger(contentDir);
      store.clear();
      for (const [date, entry] of Object.entries(ledger.days)) {
        const data = await parseData({ id: date, data: { ...entry } });
        store.set({ id: date, data, digest: generateDigest(data) });
      }
    },
  };
}
