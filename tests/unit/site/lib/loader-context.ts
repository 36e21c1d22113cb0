// A stand-in for the context Astro's content layer hands a loader, so that the site's loaders
// (site/lib/loaders.ts) run in a unit test. Astro makes the real one only inside a build, from
// its settings, Vite and its data store (astro/dist/content/content-layer.js), none of which is
// public; this mock has what our loaders and Astro's own glob() loader use, done as Astro does
// it: parseData runs the collection's zod schema and throws Astro's "does not match collection
// schema" error, and the `.md` entry type reads front matter with the parser Astro's markdown
// entry type uses (a YAML error carries the file as Astro's location). The wiring to the real
// context is proved by a real build of a broken archive (tests/e2e/site/bad-content.test.ts).
import { createHash } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import type { DataStore, LoaderContext, MetaStore } from 'astro/loaders';
import { vi } from 'vitest';
import type { z } from 'zod';
import { REPO_ROOT } from '../../../../scraper/repo.ts';

type DataEntry = Parameters<DataStore['set']>[0];

function memoryStore(): DataStore {
  const entries = new Map<string, DataEntry>();
  return {
    get: ((key: string) => entries.get(key)) as DataStore['get'],
    entries: () => [...entries],
    set: (entry) => {
      entries.set(entry.id, entry as DataEntry);
      return true;
    },
    values: () => [...entries.values()],
    keys: () => [...entries.keys()],
    delete: (key) => void entries.delete(key),
    clear: () => entries.clear(),
    has: (key) => entries.has(key),
    addModuleImport: () => {},
  };
}

function memoryMeta(): MetaStore {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, value),
    has: (key) => values.has(key),
    delete: (key) => void values.delete(key),
  };
}

/** Astro's markdown entry type, as far as reading an entry goes; rendering is a spy that must not run. */
function markdownEntryType() {
  return {
    extensions: ['.md'],
    getEntryInfo: async ({ contents, fileUrl }: { contents: string; fileUrl: URL }) => {
      try {
        const parsed = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
        return {
          data: parsed.frontmatter,
          body: parsed.content.trim(),
          slug: parsed.frontmatter['slug'],
          rawData: parsed.rawFrontmatter,
        };
      } catch (e) {
        // As Astro's MarkdownError: the YAML reason as the message, the file as its location.
        const yamlError = e as Error & { reason?: string; mark?: { line: number; column: number } };
        throw Object.assign(new Error(yamlError.reason ?? yamlError.message), {
          name: 'MarkdownError',
          location: { file: fileURLToPath(fileUrl), line: yamlError.mark?.line, column: yamlError.mark?.column },
        });
      }
    },
    getRenderFunction: vi.fn(async () => async () => ({ html: '' })),
  };
}

export type FakeLoaderContext = LoaderContext & {
  entryTypes: Map<string, ReturnType<typeof markdownEntryType>>;
  logger: { info: ReturnType<typeof vi.fn>; warn: ReturnType<typeof vi.fn>; error: ReturnType<typeof vi.fn> };
};

/** A loader context for `collection`, whose entries must pass `schema`. */
export function loaderContext(collection: string, schema: z.ZodType): FakeLoaderContext {
  const root = pathToFileURL(`${REPO_ROOT}/`);
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn(), label: collection };
  const context = {
    collection,
    store: memoryStore(),
    meta: memoryMeta(),
    logger: { ...logger, fork: () => logger },
    config: { root, srcDir: new URL('site/', root), prerenderConflictBehavior: 'warn' },
    parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
      const parsed = await schema.safeParseAsync(data);
      if (parsed.success) return parsed.data;
      throw new Error(`**${collection} → ${id}** data does not match collection schema.`);
    },
    renderMarkdown: () => Promise.reject(new Error('the archive renders no markdown')),
    generateDigest: (data: Record<string, unknown> | string) =>
      createHash('sha256')
        .update(typeof data === 'string' ? data : JSON.stringify(data))
        .digest('hex'),
    entryTypes: new Map([['.md', markdownEntryType()]]),
  };
  return context as unknown as FakeLoaderContext;
}
