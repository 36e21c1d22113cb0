// The search index as the engine reads it (its files: site/lib/search-index-format.ts): the
// manifest first (carried by the search page itself, else fetched), then the paper table
// alongside only the shards a search's keys fall in, then the records of the results shown, each
// fetched once per page and site. It runs in the page and, for
// `papers search`, in Node over files read from disk (scraper/offline/search/), given a `fetch`.
// Every file after the manifest is in its build's folder (site/lib/search-files.ts), so that no
// cache mixes two builds' files.

import { SEARCH_FILES } from '../lib/search-files.ts';
import type { PaperDoc } from '../lib/search-index-build.ts';
import {
  decodePostings,
  decodeShard,
  INDEX_FORMAT,
  isWordKey,
  type Manifest,
  type PartInfo,
  type Posting,
  type ShardKeys,
  shardOf,
  shardsOfPrefix,
} from '../lib/search-index-format.ts';
import type { OrganizationList } from '../lib/search-organizations.ts';
import { decodeTable, type PaperTable } from '../lib/search-table.ts';

export type SearchIndex = {
  manifest: Manifest;
  table: PaperTable;
  /** A key's postings (papers ascending), or null when no paper holds it. */
  postings: (key: string) => Promise<Posting[] | null>;
  /** The word keys beginning with `prefix`, at most `most` of them, each with its postings. */
  prefixed: (prefix: string, most: number) => Promise<Map<string, Posting[]>>;
  /** What a result shows of the paper at place `i`. */
  paper: (i: number) => Promise<PaperDoc>;
  organizations: () => Promise<OrganizationList>;
};

/** What a search can ask before the paper table has arrived: the shards, the records, the organizations. */
export type IndexLookups = Omit<SearchIndex, 'table'>;

/**
 * The index as soon as its manifest is read: its lookups, and the whole index once the paper
 * table is in. A search asks for its shards while the table is still on its way, so the two
 * arrive together instead of one after the other.
 */
export type OpenedIndex = { lookups: IndexLookups; index: Promise<SearchIndex> };

/** A file the manifest names that is not there: the manifest is older than the site (a deploy since). */
export class StaleIndexError extends Error {
  override name = 'StaleIndexError';
}

async function fetchOk(url: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  if (response.status === 404) throw new StaleIndexError(`${url}: not there`);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

async function gunzip(response: Response): Promise<Uint8Array> {
  const stream = response.body!.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const NAME = /^[0-9a-f]{16}$/;

function checkManifest(data: unknown): Manifest {
  const m = data as Partial<Manifest> | null;
  const partOk = (p: Manifest['parts'][number], k: number, parts: Manifest['parts']) =>
    NAME.test(p.name) &&
    p.from === (parts[k - 1]?.to ?? 0) &&
    p.to >= p.from &&
    Array.isArray(p.shards) &&
    p.shards.every((f) => typeof f === 'string');
  if (
    m?.format !== INDEX_FORMAT ||
    typeof m.build !== 'string' ||
    !NAME.test(m.build) ||
    typeof m.papers !== 'number' ||
    typeof m.meanLength !== 'number' ||
    typeof m.newest !== 'string' ||
    !Array.isArray(m.parts) ||
    !m.parts.every(partOk) ||
    (m.parts.at(-1)?.to ?? 0) !== m.papers
  )
    throw new Error('the search index manifest is not one this search reads');
  return m as Manifest;
}

/**
 * The manifest the search page carries (site/integrations/search-manifest-inline.ts), or null: in
 * the terminal, on a page without one, or one this search does not read.
 */
function carriedManifest(): Manifest | null {
  if (typeof document === 'undefined') return null;
  const text = document.getElementById('search-manifest')?.textContent;
  if (!text) return null;
  try {
    return checkManifest(JSON.parse(text));
  } catch {
    return null;
  }
}

async function open(base: string, fresh: boolean): Promise<OpenedIndex> {
  // The files it names are in folders named after their contents: a manifest from the cache
  // (or a cached page's) that is older than the site names files no longer there
  // (StaleIndexError), and is then asked of the server.
  const manifest =
    (fresh ? null : carriedManifest()) ??
    checkManifest(
      await (await fetchOk(`${base}${SEARCH_FILES.manifest}`, fresh ? { cache: 'reload' } : undefined)).json(),
    );
  const at = (file: string) => `${base}${file}`;
  const table = fetchOk(at(SEARCH_FILES.table(manifest.build)))
    .then(gunzip)
    .then((bytes) => {
      const decoded = decodeTable(bytes);
      if (decoded.size !== manifest.papers)
        throw new Error(`the paper table has ${decoded.size} papers, the index ${manifest.papers}`);
      return decoded;
    });
  const shards = new Map<string, Promise<ShardKeys>>();
  const shard = (part: PartInfo, n: number): Promise<ShardKeys> => {
    const file = SEARCH_FILES.shard(part.name, n);
    let held = shards.get(file);
    if (!held) {
      held = fetchOk(at(file)).then(gunzip).then(decodeShard);
      shards.set(file, held);
      held.catch(() => shards.delete(file));
    }
    return held;
  };
  /** A key's postings in each part, joined: the parts' papers are runs of the order, in order. */
  const parts = manifest.parts.filter((p) => p.shards.length > 0);
  const papers = new Map<number, Promise<PaperDoc>>();
  let organizations: Promise<OrganizationList> | null = null;
  const lookups: IndexLookups = {
    manifest,
    async postings(key) {
      const found = await Promise.all(
        parts.map(async (part) => {
          const encoded = (await shard(part, shardOf(part.shards, key))).get(key);
          return encoded ? decodePostings(key, encoded) : [];
        }),
      );
      const all = found.flat();
      return all.length > 0 ? all : null;
    },
    async prefixed(prefix, most) {
      const out = new Map<string, Posting[]>();
      for (const part of parts) {
        for (const n of shardsOfPrefix(part.shards, prefix).slice(0, 4)) {
          for (const [key, encoded] of (await shard(part, n)).withPrefix(prefix)) {
            if (!isWordKey(key)) continue;
            const held = out.get(key);
            if (held) held.push(...decodePostings(key, encoded));
            else if (out.size < most) out.set(key, decodePostings(key, encoded));
          }
        }
      }
      return out;
    },
    paper(i) {
      let held = papers.get(i);
      if (!held) {
        const part = manifest.parts.find((p) => i >= p.from && i < p.to);
        if (!part) return Promise.reject(new Error(`no paper ${i} in the search index`));
        held = fetchOk(at(SEARCH_FILES.paper(part.name, i))).then((r) => r.json() as Promise<PaperDoc>);
        papers.set(i, held);
        held.catch(() => papers.delete(i));
      }
      return held;
    },
    organizations() {
      organizations ??= fetchOk(at(SEARCH_FILES.organizations(manifest.build))).then(
        (r) => r.json() as Promise<OrganizationList>,
      );
      organizations.catch(() => {
        organizations = null;
      });
      return organizations;
    },
  };
  const index = table.then((t): SearchIndex => ({ ...lookups, table: t }));
  // A search that needs no table (an arXiv id) may never await it: its failure is not unhandled.
  index.catch(() => {});
  return { lookups, index };
}

/** By the site's base: a page has one, the terminal's search one a site it searches. */
const opened = new Map<string, Promise<OpenedIndex>>();

/**
 * The index of the site at `base`, opened once; a failure may be tried again. `fresh`: the one
 * held is stale, read the manifest from the server. Resolves once the manifest is read.
 */
export function openParts(base: string, fresh = false): Promise<OpenedIndex> {
  let held = fresh ? undefined : opened.get(base);
  if (!held) {
    held = open(base, fresh);
    const mine = held;
    opened.set(base, mine);
    const forget = () => {
      if (opened.get(base) === mine) opened.delete(base);
    };
    mine.then((o) => o.index.catch(forget), forget);
  }
  return held;
}

/** The whole index of the site at `base`, the paper table in. */
export async function openIndex(base: string, fresh = false): Promise<SearchIndex> {
  return (await openParts(base, fresh)).index;
}
