// The search-index step of the build (site/integrations/pagefind.ts) without a build: what it
// asks Pagefind for, where the index goes, and how Pagefind's errors reach the build. Pagefind
// is a stand-in here (its Node API drives a native binary, which a unit test does not start);
// the real one indexes the fixture site in every e2e run (tests/e2e/site/site.test.ts, search).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WriteOptions } from 'pagefind';
import { describe, expect, test, vi } from 'vitest';
import { buildSearchIndex, PAPER_PAGES, type PagefindApi } from '../../../../site/integrations/pagefind.ts';
import { tempDir } from '../../../helpers/temp.ts';

type Outcome = { start?: string[]; add?: string[]; write?: string[]; pages?: Record<string, number> };

/** A Pagefind that answers as told, and writes an entry file as the real one does. */
function fakePagefind({ start = [], add = [], write = [], pages = { en: 3 } }: Outcome = {}) {
  const addDirectory = vi.fn(async () => ({ errors: add, page_count: 40 }));
  const writeFiles = vi.fn(async (options?: WriteOptions) => {
    const outputPath = options!.outputPath;
    if (write.length === 0) {
      mkdirSync(outputPath, { recursive: true });
      const languages = Object.fromEntries(Object.entries(pages).map(([l, n]) => [l, { hash: l, page_count: n }]));
      writeFileSync(path.join(outputPath, 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages }));
    }
    return { errors: write, outputPath };
  });
  const api = {
    createIndex: vi.fn(async () =>
      start.length > 0 ? { errors: start } : { errors: [], index: { addDirectory, writeFiles } },
    ),
    close: vi.fn(async () => null),
  } satisfies PagefindApi;
  return { api, addDirectory, writeFiles };
}

const logger = () => ({ info: vi.fn() });

describe('buildSearchIndex', () => {
  test('indexes the paper pages only, into <dist>/pagefind, and reports the pages the index holds', async () => {
    const site = tempDir('dist-');
    const { api, addDirectory, writeFiles } = fakePagefind({ pages: { en: 3, fr: 2 } });
    const log = logger();
    await buildSearchIndex({ site, logger: log, pagefind: api });
    expect(api.createIndex).toHaveBeenCalledWith({ forceLanguage: 'en' });
    expect(PAPER_PAGES).toBe('papers/*/index.html');
    expect(addDirectory).toHaveBeenCalledWith({ path: site, glob: PAPER_PAGES });
    expect(writeFiles).toHaveBeenCalledWith({ outputPath: path.join(site, 'pagefind') });
    // The count is the entry file's (5), not the files addDirectory read (40).
    expect(log.info).toHaveBeenCalledExactlyOnceWith(
      expect.stringMatching(new RegExp(`^indexed 5 paper pages in \\d+\\.\\d s into ${path.join(site, 'pagefind')}$`)),
    );
    expect(api.close).toHaveBeenCalledOnce();
  });

  test.each<[string, Outcome, string, string]>([
    ['cannot start', { start: ['no binary', 'bad platform'] }, 'start indexing', 'no binary; bad platform'],
    ['cannot read the pages', { add: ['bad html', 'bad meta'] }, 'index', 'bad html; bad meta'],
    ['cannot write the index', { write: ['disk full'] }, 'write the index of', 'disk full'],
  ])(
    'Pagefind that %s fails the build with one error naming the folder, and is closed',
    async (_, outcome, what, errors) => {
      const site = tempDir('dist-');
      const { api, writeFiles } = fakePagefind(outcome);
      const log = logger();
      await expect(buildSearchIndex({ site, logger: log, pagefind: api })).rejects.toThrow(
        new Error(`Pagefind could not ${what} ${site}: ${errors}`),
      );
      if ('add' in outcome) expect(writeFiles).not.toHaveBeenCalled();
      expect(log.info).not.toHaveBeenCalled();
      expect(api.close).toHaveBeenCalledOnce();
    },
  );

  test('Pagefind is closed even when it throws', async () => {
    const { api } = fakePagefind();
    api.createIndex.mockRejectedValueOnce(new Error('pagefind binary exited'));
    await expect(buildSearchIndex({ site: tempDir('dist-'), logger: logger(), pagefind: api })).rejects.toThrow(
      'pagefind binary exited',
    );
    expect(api.close).toHaveBeenCalledOnce();
  });
});
