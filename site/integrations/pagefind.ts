// Builds the search index while Astro renders the site: Pagefind's Node API, in this process,
// over records made from the archive itself (site/lib/search-records.ts), never from the
// rendered pages, into dist/pagefind/ (the standard place, which the offline copy reads); and,
// beside the search page, the paper table the sorts and date filters read, the suggestions for
// the organization and keyword fields and the words offered when nothing is found
// (dist/search/). The archive is read once, from the folder the build read
// (site/lib/options.ts), so the index holds every paper whichever pages Astro rendered.
// Three parts: readPapers (the archive in), writeSearchIndex / writeSearchFiles (files out; they
// take Pagefind as an argument so that a unit test hands them a stand-in,
// tests/unit/site/integrations/pagefind.test.ts), and the hook that wires them to Astro.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { InputError, readArchive } from '../../scraper/archive/index.ts';
import { buildArchiveIndex, type PaperEntry } from '../lib/archive-index.ts';
import { siteOptions } from '../lib/options.ts';
import { searchFacets } from '../lib/search-facets.ts';
import { SEARCH_FILES } from '../lib/search-files.ts';
import { INDEX_LANGUAGE, indexOrder, paperRecord, type SearchRecord, tableRow } from '../lib/search-records.ts';
import { encodeTable } from '../lib/search-table.ts';
import { vocabulary } from '../lib/search-vocabulary.ts';

/**
 * Words per index chunk (Pagefind's default: 20,000). A query fetches the chunks its words fall
 * in; chunks a quarter of the default cost a query on the full archive half the bytes, for 9 KB
 * more of chunk list in the metadata every search fetches. Pagefind reads it from its
 * environment, under a name that says it may go: without it, the index is the same, in bigger
 * chunks.
 */
export const INDEX_CHUNK_SIZE = '5000';

/** The part of Pagefind's Node API the index is built with. */
export type PagefindApi = {
  createIndex: (config: pagefind.PagefindServiceConfig) => Promise<{
    errors: string[];
    index?: Pick<pagefind.PagefindIndex, 'addCustomRecord' | 'writeFiles'> | undefined;
  }>;
  close: () => Promise<unknown>;
};

/** Pages in the written index, from its entry file. */
async function indexedPages(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

/** Every paper of the archive folder, in the order the index numbers them. */
export async function readPapers(contentDir: string): Promise<PaperEntry[]> {
  const { days, errors } = await readArchive(contentDir);
  if (errors.length > 0) throw new InputError(errors.map((e) => e.message).join('; '));
  return indexOrder(buildArchiveIndex(days).papers.values());
}

/** Indexes the records, in their order, into `outputPath`; any Pagefind error throws. */
export async function writeSearchIndex(
  records: readonly SearchRecord[],
  outputPath: string,
  api: PagefindApi = pagefind,
): Promise<void> {
  const fail = (what: string, errors: string[]): never => {
    throw new Error(`Pagefind could not ${what} ${outputPath}: ${errors.join('; ')}`);
  };
  try {
    const saved = process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
    // The service is started by this call, with the environment of the moment.
    process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = saved ?? INDEX_CHUNK_SIZE;
    const starting = api.createIndex({ forceLanguage: INDEX_LANGUAGE });
    if (saved === undefined) delete process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
    const { index, errors } = await starting;
    if (!index) return fail('start indexing for', errors);
    // Sent all at once, not each awaited: Pagefind's service reads its messages in the order
    // they were sent and numbers pages in that order, which the paper table relies on (a
    // search of nothing lists them so: tests/unit/site/integrations/pagefind.test.ts checks the
    // order of what is sent, the search tests what the index gives). On the full archive this
    // takes 5.5 s instead of 7.3 s.
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    for (const [i, result] of added.entries()) {
      if (result.errors.length > 0) fail(`index ${records[i]!.url} into`, result.errors);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) fail('write', written.errors);
    const pages = await indexedPages(outputPath);
    if (pages !== records.length) fail('keep every record in', [`${pages} pages for ${records.length} records`]);
  } finally {
    await api.close();
  }
}

/** The paper table (gzipped), the field suggestions and the word list, under `<site>/search/`. */
export async function writeSearchFiles(site: string, papers: readonly PaperEntry[]): Promise<void> {
  const { organizations, keywords } = searchFacets({ papers: new Map(papers.map((e) => [e.id, e])) });
  const suggestions = { organization: organizations.map((f) => f.value), keyword: keywords.map((f) => f.value) };
  await mkdir(path.join(site, 'search'), { recursive: true });
  await Promise.all([
    writeFile(path.join(site, SEARCH_FILES.table), gzipSync(encodeTable(papers.map(tableRow)), { level: 9 })),
    writeFile(path.join(site, SEARCH_FILES.suggestions), JSON.stringify(suggestions)),
    writeFile(
      path.join(site, SEARCH_FILES.words),
      vocabulary(papers)
        .map((w) => `${w}\n`)
        .join(''),
    ),
  ]);
}

export type SearchIndexOptions = {
  /** The built site's folder (Astro's dist/). */
  site: string;
  /** The archive folder the site was built from. */
  contentDir: string;
  logger: Pick<AstroIntegrationLogger, 'info'>;
  pagefind?: PagefindApi;
};

export async function buildSearchIndex({ site, contentDir, logger, pagefind: api }: SearchIndexOptions): Promise<void> {
  const started = performance.now();
  const papers = await readPapers(contentDir);
  const outputPath = path.join(site, 'pagefind');
  await writeSearchIndex(papers.map(paperRecord), outputPath, api);
  await writeSearchFiles(site, papers);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  logger.info(`indexed ${papers.length} papers in ${seconds} s`);
}

/**
 * The index is made from the archive, not from the pages, so it is made while Astro renders
 * them: started with the build, into a folder of its own (Astro may empty its output folder
 * as it starts), and moved into the site when Astro is done. On the full archive Pagefind takes
 * 15–20 s, about as long as Astro renders every page, and longer than a nightly's rendering.
 */
export function pagefindIndex(): AstroIntegration {
  let staging: { dir: string; done: Promise<void> } | null = null;
  return {
    name: 'papers-pagefind',
    hooks: {
      'astro:build:start': async ({ logger }) => {
        const dir = await mkdtemp(path.join(os.tmpdir(), 'papers-index-'));
        const done = buildSearchIndex({ site: dir, contentDir: siteOptions().contentDir, logger });
        // Awaited in astro:build:done; a failure meanwhile must not end the process unhandled.
        done.catch(() => {});
        staging = { dir, done };
      },
      'astro:build:done': async ({ dir }) => {
        if (!staging) throw new Error('the search index was not started with the build');
        const { dir: staged, done } = staging;
        staging = null;
        try {
          await done;
          await cp(staged, fileURLToPath(dir), { recursive: true });
        } finally {
          await rm(staged, { recursive: true, force: true });
        }
      },
    },
  };
}
