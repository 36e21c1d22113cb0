// The search-index step of the build (site/integrations/pagefind.ts) without a build: the papers
// it reads from the archive folder, the records it hands Pagefind and in what order, where the
// index and the search files go, and how Pagefind's errors reach the build. Pagefind is a
// stand-in here (its Node API drives a native binary, which a unit test does not start); the
// real one indexes the fixture archive in every e2e run (tests/e2e/site/search-*.test.ts).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { CustomRecord, WriteOptions } from 'pagefind';
import { describe, expect, test, vi } from 'vitest';
import { dayFilePath, renderDayFile } from '../../../../scraper/archive/index.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';
import {
  buildSearchIndex,
  INDEX_CHUNK_SIZE,
  type PagefindApi,
  RECENT_CHUNK_SIZE,
  readPapers,
  writeSearchIndex,
} from '../../../../site/integrations/pagefind.ts';
import { indexCache } from '../../../../site/integrations/search-index-cache.ts';
import { SEARCH_FILES } from '../../../../site/lib/search-files.ts';
import { RECENT_PART, VOCABULARY_URL } from '../../../../site/lib/search-parts.ts';
import { decodeTable } from '../../../../site/lib/search-table.ts';
import { tempDir } from '../../../helpers/temp.ts';

type Outcome = { start?: string[]; add?: string[]; write?: string[]; kept?: number };

/** A Pagefind that answers as told, and writes an entry file and a fragment per page as the real one does. */
function fakePagefind({ start = [], add = [], write = [], kept }: Outcome = {}) {
  const added: CustomRecord[] = [];
  const chunkSizes: (string | undefined)[] = [];
  let thisIndex: CustomRecord[] = [];
  const addCustomRecord = vi.fn(async (record: CustomRecord) => {
    added.push(record);
    thisIndex.push(record);
    return { errors: add, file: { uniqueWords: 1, url: record.url, meta: record.meta ?? {} } };
  });
  const writeFiles = vi.fn(async (options?: WriteOptions) => {
    const outputPath = options!.outputPath;
    if (write.length === 0) {
      mkdirSync(path.join(outputPath, 'fragment'), { recursive: true });
      const pages = kept ?? thisIndex.length;
      writeFileSync(
        path.join(outputPath, 'pagefind-entry.json'),
        JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_1', page_count: pages } } }),
      );
      writeFileSync(path.join(outputPath, 'pagefind.js'), 'export const pagefind = 1;');
      writeFileSync(path.join(outputPath, 'pagefind-ui.css'), '');
      for (const [i, record] of thisIndex.entries()) {
        const fragment = `pagefind_dcd${JSON.stringify({ url: record.url, content: record.content })}`;
        writeFileSync(path.join(outputPath, 'fragment', `en_${i}${thisIndex.length}.pf_fragment`), gzipSync(fragment));
      }
    }
    return { errors: write, outputPath };
  });
  const api = {
    createIndex: vi.fn(async () => {
      chunkSizes.push(process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE']);
      thisIndex = [];
      return start.length > 0 ? { errors: start } : { errors: [], index: { addCustomRecord, writeFiles } };
    }),
    close: vi.fn(async () => null),
  } satisfies PagefindApi;
  return { api, added, addCustomRecord, writeFiles, chunkSizes };
}

/** An archive folder of two days, the second repeating a paper of the first with new counts. */
function archive(): string {
  const dir = tempDir('archive-');
  const days = [
    dayRecord('2026-08-04', [paperRecord('2608.00002', { upvotes: 3 }), paperRecord('2608.00001')]),
    dayRecord('2026-08-03', [paperRecord('2608.00001', { upvotes: 9, githubRepo: 'https://github.com/a/b' })]),
  ];
  for (const day of days) {
    const file = dayFilePath(dir, day.date);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, renderDayFile(day));
  }
  return dir;
}

const logger = () => ({ info: vi.fn() });

describe('buildSearchIndex', () => {
  test('indexes every paper of the archive once, oldest first, and writes the table, suggestions and words', async () => {
    const site = tempDir('dist-');
    const { api, added, writeFiles, chunkSizes } = fakePagefind();
    const log = logger();
    await buildSearchIndex({ site, contentDir: archive(), logger: log, pagefind: api });
    expect(api.createIndex).toHaveBeenCalledWith({ forceLanguage: 'en' });
    expect(chunkSizes).toEqual([INDEX_CHUNK_SIZE]);
    expect(process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE']).toBeUndefined();
    expect(added.map((r) => r.url)).toEqual(['/papers/2608.00001/', '/papers/2608.00002/']);
    expect(added[0]!.filters).toEqual({ day: ['2026-08-03'], upvotes: ['0'] });
    expect(writeFiles).toHaveBeenCalledWith({ outputPath: path.join(site, 'pagefind') });

    const table = decodeTable(gunzipSync(readFileSync(path.join(site, SEARCH_FILES.table))));
    expect([0, 1].map((i) => [table.day(i), table.upvotes(i), table.hasCode(i)])).toEqual([
      ['2026-08-03', 0, false],
      ['2026-08-04', 3, false],
    ]);
    expect(JSON.parse(readFileSync(path.join(site, SEARCH_FILES.suggestions), 'utf8'))).toEqual({
      organization: [],
      keyword: [],
    });
    // Two papers: no word is shared by the three a word needs to be offered.
    expect(readFileSync(path.join(site, SEARCH_FILES.words), 'utf8')).toBe('');
    expect(log.info).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/^indexed 2 papers in \d+\.\d s$/));
    expect(api.close).toHaveBeenCalledOnce();
  });

  test('a chunk size set in the environment is left to Pagefind', async () => {
    const { api, chunkSizes } = fakePagefind();
    vi.stubEnv('PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE', '777');
    try {
      await writeSearchIndex([], path.join(tempDir('dist-'), 'pagefind'), api);
      expect(chunkSizes).toEqual(['777']);
      expect(process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE']).toBe('777');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  test.each<[string, Outcome, string, string]>([
    ['cannot start', { start: ['no binary', 'bad platform'] }, 'start indexing for', 'no binary; bad platform'],
    ['cannot read a record', { add: ['bad meta'] }, 'index /papers/2608.00001/ into', 'bad meta'],
    ['cannot write the index', { write: ['disk full'] }, 'write', 'disk full'],
    ['drops a record', { kept: 1 }, 'keep every record in', '1 pages for 2 records'],
  ])(
    'Pagefind that %s fails the build with one error naming the folder, and is closed',
    async (_, outcome, what, errors) => {
      const site = tempDir('dist-');
      const { api } = fakePagefind(outcome);
      const log = logger();
      await expect(buildSearchIndex({ site, contentDir: archive(), logger: log, pagefind: api })).rejects.toThrow(
        new Error(`Pagefind could not ${what} ${path.join(site, 'pagefind')}: ${errors}`),
      );
      expect(log.info).not.toHaveBeenCalled();
      expect(api.close).toHaveBeenCalledOnce();
    },
  );

  test('Pagefind is closed even when it throws', async () => {
    const { api } = fakePagefind();
    api.createIndex.mockRejectedValueOnce(new Error('pagefind binary exited'));
    await expect(writeSearchIndex([], tempDir('dist-'), api)).rejects.toThrow('pagefind binary exited');
    expect(api.close).toHaveBeenCalledOnce();
  });

  test('an archive folder with a broken day file fails before Pagefind starts', async () => {
    const dir = archive();
    writeFileSync(dayFilePath(dir, '2026-08-05'), '---\nformat: 1\n---\n');
    await expect(readPapers(dir)).rejects.toThrow(/2026-08-05\.md/);
  });
});

/** An archive of three months: papers of May in the main part, of July and August in the recent one. */
function threeMonths(may = 'A paper of May'): string {
  const dir = tempDir('archive-');
  const days = [
    dayRecord('2026-05-04', [paperRecord('2605.00001', { title: may })]),
    dayRecord('2026-07-01', [paperRecord('2607.00001')]),
    dayRecord('2026-08-04', [paperRecord('2608.00001')]),
  ];
  for (const day of days) {
    const file = dayFilePath(dir, day.date);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, renderDayFile(day));
  }
  return dir;
}

const partsExport = (site: string): unknown =>
  JSON.parse(
    /export const papersRecentIndex = (.*);\n$/.exec(
      readFileSync(path.join(site, 'pagefind', 'pagefind.js'), 'utf8'),
    )![1]!,
  );

describe('the index in two parts', () => {
  test('one archive of two months or less is one index, and Pagefind’s script says so', async () => {
    const site = tempDir('dist-');
    await buildSearchIndex({ site, contentDir: archive(), logger: logger(), pagefind: fakePagefind().api });
    expect(partsExport(site)).toBeNull();
    expect(existsSync(path.join(site, 'pagefind', 'recent'))).toBe(false);
  });

  test('older papers make the main index, newer ones the recent part with a page of the main part’s words', async () => {
    const site = tempDir('dist-');
    const { api, added, writeFiles, chunkSizes } = fakePagefind();
    await buildSearchIndex({ site, contentDir: threeMonths(), logger: logger(), pagefind: api });
    expect(chunkSizes).toEqual([INDEX_CHUNK_SIZE, RECENT_CHUNK_SIZE]);
    expect(writeFiles.mock.calls.map(([o]) => o!.outputPath)).toEqual([
      path.join(site, 'pagefind'),
      path.join(site, 'pagefind', RECENT_PART),
    ]);
    expect(added.map((r) => r.url)).toEqual([
      '/papers/2605.00001/',
      '/papers/2607.00001/',
      '/papers/2608.00001/',
      VOCABULARY_URL,
    ]);
    expect(added.at(-1)!.content.split(' ')).toContain('may');
    // The recent part keeps only what a merged index is read from.
    expect(readdirSync(path.join(site, 'pagefind', 'recent')).sort()).toEqual(['fragment', 'pagefind-entry.json']);
    expect(partsExport(site)).toEqual({ path: 'recent/', vocabulary: 'en_23' });
    // The paper table covers both parts, in their order.
    const table = decodeTable(gunzipSync(readFileSync(path.join(site, SEARCH_FILES.table))));
    expect([0, 1, 2].map((i) => table.day(i))).toEqual(['2026-05-04', '2026-07-01', '2026-08-04']);
    expect(api.close).toHaveBeenCalledTimes(2);
  });

  test('the main part is copied from the cache while its papers are unchanged, and made again when they change', async () => {
    const cacheDir = path.join(tempDir('cache-'), 'search-index');
    const cache = { store: indexCache(cacheDir), shapedBy: { pagefind: '1.6.0' } };
    const build = async (contentDir: string) => {
      const site = tempDir('dist-');
      const fake = fakePagefind();
      const log = logger();
      await buildSearchIndex({ site, contentDir, logger: log, pagefind: fake.api, cache });
      return { site, urls: fake.added.map((r) => r.url), said: log.info.mock.calls[0]![0] as string };
    };
    const first = await build(threeMonths());
    expect(first.urls[0]).toBe('/papers/2605.00001/');
    expect(first.said).toMatch(/^indexed 3 papers in \d+\.\d s$/);

    const again = await build(threeMonths());
    expect(again.urls).toEqual(['/papers/2607.00001/', '/papers/2608.00001/', VOCABULARY_URL]);
    expect(again.said).toMatch(/^indexed 3 papers in \d+\.\d s \(1 from the cache\)$/);
    expect(readFileSync(path.join(again.site, 'pagefind', 'pagefind-entry.json'), 'utf8')).toBe(
      readFileSync(path.join(first.site, 'pagefind', 'pagefind-entry.json'), 'utf8'),
    );
    // Pagefind's script says where the parts are in the site, never in the cache.
    expect(partsExport(again.site)).toEqual(partsExport(first.site));

    const changed = await build(threeMonths('A paper of May, renamed'));
    expect(changed.urls[0]).toBe('/papers/2605.00001/');
    expect(readdirSync(cacheDir)).toHaveLength(1);
  });
});
