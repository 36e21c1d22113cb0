// The search engine (site/client/search-engine.ts) over an index the build's own writer made
// (site/integrations/search-index-files.ts) from real days (half the fixture's) and a few papers made for the
// cases below, read from disk as the terminal reads it. What it finds is checked against the
// plain way, every paper's text scanned for the words; its order against the fixed keys; the
// index in two parts against the index in one, on a table of every kind of query; and the same
// search, its files arriving in any order, under concurrency, answers the same every time.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { papersFromItems } from '../../../../scraper/archive/index.ts';
import { fileFetch } from '../../../../scraper/offline/search/file-fetch.ts';
import { fixtureDates, fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';
import { type ResultData, runSearch } from '../../../../site/client/search-engine.ts';
import { type IndexLookups, openParts } from '../../../../site/client/search-index.ts';
import { MOST_RANK_PAIRS, matchWords } from '../../../../site/client/search-match.ts';
import { removeOtherBuilds, writeSearchFiles } from '../../../../site/integrations/search-index-files.ts';
import { buildArchiveIndex, type PaperEntry } from '../../../../site/lib/archive-index.ts';
import { indexOrder } from '../../../../site/lib/search-index-build.ts';
import { bodyOf } from '../../../../site/lib/search-index-part.ts';
import { sameName } from '../../../../site/lib/search-keys.ts';
import { readRequest } from '../../../../site/lib/search-request.ts';
import { queryParts, STOP_STEMS, stemOf, wordsOf } from '../../../../site/lib/search-text.ts';
import { tempDir } from '../../../helpers/temp.ts';

const MADE_DAY = '2026-08-10';
const made = [
  paperRecord('2608.90001', {
    title: 'Spectral Zebra Alignment',
    organization: { handle: 'meta', name: 'AI at Meta' },
    upvotes: 5,
  }),
  paperRecord('2608.90002', {
    title: 'Spectral Zebra Alignment Again',
    organization: { handle: 'metar', name: 'Meta Research' },
    upvotes: 5,
  }),
  paperRecord('2608.90003', {
    title: 'Zebra spectral methods',
    organization: { handle: 'mv', name: 'Metaverse Lab' },
    upvotes: 5,
  }),
  paperRecord('2608.90004', { title: 'Quokka', authors: ['Ziwei Liu', 'Matthias Nießner'], upvotes: 40 }),
  paperRecord('2608.90005', { title: 'Quokka two', authors: ['Zi-Han Wang'], upvotes: 0 }),
];

let root: string;
/** The same papers' index in two parts: those before July 2026, and the rest. */
let twoParts: string;
let entries: PaperEntry[];
let saved: typeof fetch;

beforeAll(async () => {
  // Every other day of the fixture, and every day of 2025 (the date range below): both sides of
  // the split, half the index's time.
  const days = fixtureDates()
    .filter((date, i) => i % 2 === 0 || date.startsWith('2025'))
    .map((date) => dayRecord(date, papersFromItems(fixtureItems(date)).papers));
  days.push(
    dayRecord(
      MADE_DAY,
      made.map((p, i) => ({ ...p, rank: i + 1 })),
    ),
  );
  entries = indexOrder(buildArchiveIndex(days).papers.values());
  root = tempDir('index-');
  await writeSearchFiles(root, entries);
  twoParts = tempDir('index-');
  await writeSearchFiles(twoParts, entries, { splitAt: 1 });
  saved = globalThis.fetch;
  // The index written to disk twice: 4 s on a quiet machine, over the unit tier's 10 s bound on
  // a busy one.
}, 60_000);
afterAll(() => {
  globalThis.fetch = saved;
});

type Found = { ids: string[]; data: ResultData[] };

/**
 * A search as the URL gives it: every result's id (by its place in the index), and the first
 * `shown` results' data; `shuffle`: files arrive late, at random.
 */
async function search(params: Record<string, string>, shuffle = false, shown = 50, at = root): Promise<Found> {
  const disk = fileFetch({ root: at, base: '/' });
  globalThis.fetch = (async (input: string | URL | Request) => {
    if (shuffle) await new Promise((r) => setTimeout(r, Math.random() * 15));
    return disk(input);
  }) as typeof fetch;
  const outcome = await runSearch(pathToFileURL(`${at}${path.sep}`).href, readRequest(new URLSearchParams(params)));
  const hits = outcome.kind === 'list' ? outcome.hits : outcome.kind === 'paper' && outcome.hit ? [outcome.hit] : [];
  const data = await Promise.all(hits.slice(0, shown).map((h) => h.data()));
  const ids = hits.map((h) => entries[Number(h.id)]!.id);
  expect(data.map((d) => d.meta['id'])).toEqual(ids.slice(0, shown));
  return { ids, data };
}

/** The plain way: every paper's text, scanned (once: each query of the table scans them all). */
const stemsHeld = new Map<PaperEntry, Set<string>>();
function stemsOf(entry: PaperEntry): Set<string> {
  let held = stemsHeld.get(entry);
  if (!held) {
    held = scanStems(entry);
    stemsHeld.set(entry, held);
  }
  return held;
}
function scanStems(entry: PaperEntry): Set<string> {
  const p = entry.paper;
  const text = [
    p.title,
    p.aiKeywords.join(' '),
    bodyOf(entry),
    p.authors.join(' '),
    p.organization?.name ?? '',
    p.submitter ? `${p.submitter.name} ${p.submitter.handle}` : '',
  ];
  return new Set(text.flatMap(wordsOf).map(stemOf));
}
/**
 * A phrase as the index holds phrases: each pair of its neighbouring words (stop words left out)
 * next to each other in the title or in the body. Exact for two words; for three or more, each
 * pair is found, not always in one place.
 */
function hasPhrase(entry: PaperEntry, words: string): boolean {
  const want = wordsOf(words)
    .map(stemOf)
    .filter((s) => !STOP_STEMS.has(s));
  const pairs = pairsOf(entry);
  return want.slice(1).every((w, k) => pairs.has(`${want[k]} ${w}`));
}
const pairsHeld = new Map<PaperEntry, Set<string>>();
function pairsOf(entry: PaperEntry): Set<string> {
  let pairs = pairsHeld.get(entry);
  if (pairs) return pairs;
  pairs = new Set<string>();
  for (const text of [entry.paper.title, bodyOf(entry)]) {
    const got = wordsOf(text)
      .map(stemOf)
      .filter((s) => !STOP_STEMS.has(s));
    for (const [k, w] of got.entries()) pairs.add(`${w} ${got[k + 1]}`);
  }
  pairsHeld.set(entry, pairs);
  return pairs;
}
const plain = (keep: (e: PaperEntry) => boolean): string[] =>
  entries
    .filter(keep)
    .map((e) => e.id)
    .sort();

describe('what a search finds is what scanning every paper finds', () => {
  test.each([
    ['agent'],
    ['video generation'],
    ['reinforcement learning reward'],
    ['large language models'],
    ['diffusion transformer'],
  ])('words: %s', async (q) => {
    const stems = wordsOf(q).map(stemOf);
    const expected = plain((e) => {
      const held = stemsOf(e);
      return stems.every((s) => held.has(s));
    });
    expect(expected.length).toBeGreaterThan(0);
    expect((await search({ q })).ids.sort()).toEqual(expected);
  });

  test.each([
    ['"video generation"'],
    ['"large language model"'],
    ['"mixture of experts"'],
    ['"reinforcement learning"'],
  ])('a phrase: %s, in the title or the body, as written', async (q) => {
    const expected = plain((e) => hasPhrase(e, q));
    expect(expected.length).toBeGreaterThan(0);
    expect((await search({ q })).ids.sort()).toEqual(expected);
  });

  test('a phrase with a month, and sorted by upvotes', async () => {
    const month = entries.find((e) => hasPhrase(e, 'language model'))!.firstDate.slice(0, 7);
    const inMonth = await search({ q: '"language model"', month });
    expect(inMonth.ids.sort()).toEqual(plain((e) => hasPhrase(e, 'language model') && e.firstDate.startsWith(month)));
    const byVotes = await search({ q: '"language model"', sort: 'upvotes' });
    const votes = byVotes.data.map((d) => Number(d.filters['upvotes']![0]));
    expect(votes).toEqual([...votes].sort((a, b) => b - a));
  });

  test('a word the index lacks finds the words it begins', async () => {
    const expected = plain((e) => [...stemsOf(e)].some((s) => s.startsWith('diffus')));
    expect((await search({ q: 'diffus' })).ids.sort()).toEqual(expected);
  });
});

describe('the index in two parts answers what one index answers: the same papers, in the same order', () => {
  test('two parts, each with papers', () => {
    const manifest = JSON.parse(readFileSync(path.join(twoParts, 'search', 'index.json'), 'utf8'));
    expect(manifest.parts).toHaveLength(2);
    expect(manifest.parts[0].to).toBe(entries.findIndex((e) => e.firstDate >= '2026-07-01'));
    expect(manifest.parts[0].to).toBeGreaterThan(100);
    expect(manifest.parts[1].to - manifest.parts[1].from).toBeGreaterThan(100);
  });

  const oldest = () => entries.find((e) => e.paper.aiKeywords.length > 0)!;
  test.each<[string, () => Record<string, string>]>([
    ['words', () => ({ q: 'agent' })],
    ['two words', () => ({ q: 'video generation' })],
    ['three words', () => ({ q: 'large language models' })],
    ['a phrase whose papers sit in both parts', () => ({ q: '"language model"' })],
    ['a phrase of three words', () => ({ q: '"large language model"' })],
    ['a phrase with a month', () => ({ q: '"language model"', month: '2026-07' })],
    ['a phrase sorted by upvotes', () => ({ q: '"reinforcement learning"', sort: 'upvotes' })],
    ['a phrase and a word', () => ({ q: '"world model" video' })],
    ['a word the index lacks, by the words it begins', () => ({ q: 'diffus' })],
    ['a word with a hyphen', () => ({ q: 'pre-training' })],
    ['an exact title', () => ({ q: oldest().paper.title })],
    ['an arXiv id', () => ({ q: `${oldest().id}v2` })],
    ['an arXiv link', () => ({ q: `https://arxiv.org/pdf/${entries.at(-1)!.id}` })],
    ['an author, surname first', () => ({ author: 'Liu Ziwei' })],
    ['an organization by a word', () => ({ organization: 'meta' })],
    ['a keyword', () => ({ keyword: oldest().paper.aiKeywords[0]! })],
    [
      'a date range across the parts, and a least number of upvotes',
      () => ({ q: 'model', from: '2026-06-15', to: '2026-07-15', upvotes: '10' }),
    ],
    ['a year with code, newest first', () => ({ year: '2026', code: 'yes', sort: 'newest' })],
    ['every paper, oldest first', () => ({ sort: 'oldest' })],
    ['words by upvotes', () => ({ q: 'benchmark', sort: 'upvotes' })],
  ])('%s', async (_label, params) => {
    const one = await search(params(), false, 0);
    const two = await search(params(), false, 0, twoParts);
    expect(one.ids.length).toBeGreaterThan(0);
    expect(two.ids).toEqual(one.ids);
  });
});

describe('filters', () => {
  test('an organization by its words, case ignored', async () => {
    const found = (await search({ organization: 'meta' })).ids;
    expect(found).toEqual(expect.arrayContaining(['2608.90001', '2608.90002']));
    expect(found).not.toContain('2608.90003');
    expect(found.sort()).toEqual(plain((e) => wordsOf(e.paper.organization?.name ?? '').includes('meta')));
    expect((await search({ organization: 'Metaverse lab' })).ids).toEqual(['2608.90003']);
  });

  test('an author in any order, with or without ß, accents or hyphens', async () => {
    const byLiu = plain((e) => e.paper.authors.some((a) => sameName(a, 'Ziwei Liu')));
    expect(byLiu.length).toBeGreaterThan(1);
    expect((await search({ author: 'liu ziwei' })).ids.sort()).toEqual(byLiu);
    expect((await search({ author: 'Ziwei Liu' })).ids.sort()).toEqual(byLiu);
    const byNiessner = plain((e) => e.paper.authors.includes('Matthias Nießner'));
    expect(byNiessner).toContain('2608.90004');
    expect((await search({ author: 'Matthias Niessner' })).ids.sort()).toEqual(byNiessner);
    const byWang = plain((e) => e.paper.authors.some((a) => sameName(a, 'Zi-Han Wang')));
    expect(byWang).toContain('2608.90005');
    expect((await search({ author: 'Wang Zihan' })).ids.sort()).toEqual(byWang);
    expect((await search({ q: 'niessner' })).ids.sort()).toEqual(byNiessner);
  });

  test('a word with a hyphen finds it written either way', async () => {
    const hyphened = plain((e) => /\bpre-train/i.test(`${e.paper.title} ${bodyOf(e)}`));
    const joined = plain((e) => /\bpretrain/i.test(`${e.paper.title} ${bodyOf(e)}`));
    expect(hyphened.length).toBeGreaterThan(0);
    expect(joined.length).toBeGreaterThan(0);
    const found = (await search({ q: 'pre-training' })).ids;
    expect(found).toEqual(expect.arrayContaining([...hyphened.slice(0, 5), ...joined.slice(0, 5)]));
  });

  test('an author or a keyword no paper has finds nothing, not everything', async () => {
    expect((await search({ author: 'Nobody Atall' })).ids).toEqual([]);
    expect((await search({ keyword: 'no such keyword at all' })).ids).toEqual([]);
    expect((await search({ q: 'agent', author: 'Nobody Atall' })).ids).toEqual([]);
  });

  test('a date range and a least number of upvotes', async () => {
    const found = await search({ q: 'agent', from: '2025-01-01', to: '2025-06-30', upvotes: '20' });
    expect(found.ids.sort()).toEqual(
      plain(
        (e) =>
          stemsOf(e).has(stemOf('agent')) &&
          e.firstDate >= '2025-01-01' &&
          e.firstDate <= '2025-06-30' &&
          e.paper.upvotes >= 20,
      ),
    );
    expect(found.ids.length).toBeGreaterThan(0);
  });
});

describe('order', () => {
  test('an exact title comes first, then Best match; ties by upvotes, then date, then id', async () => {
    expect((await search({ q: 'Spectral Zebra Alignment' })).ids).toEqual(['2608.90001', '2608.90002']);
    // Three papers alike for "quokka" but their votes: more votes first.
    expect((await search({ q: 'quokka' })).ids).toEqual(['2608.90004', '2608.90005']);
  });

  test('with no words: newest first; sorts by upvotes, newest and oldest end on date and id', async () => {
    const newest = await search({ year: '2025' });
    const days = newest.data.map((d) => d.filters['day']![0]!);
    expect(days).toEqual([...days].sort().reverse());
    const oldest = await search({ year: '2025', sort: 'oldest' });
    expect(oldest.ids).toEqual(entries.filter((e) => e.firstDate.startsWith('2025')).map((e) => e.id));
  });

  test('a page holding the manifest of an older build reads the new one, and finds what it holds', async () => {
    const site = tempDir('index-');
    const few = entries.filter((e) => e.firstDate === MADE_DAY);
    await writeSearchFiles(site, few);
    const old = readFileSync(path.join(site, 'search', 'index.json'), 'utf8');
    // A new build: one paper more, every file in a folder of the new build's name.
    const added = buildArchiveIndex([dayRecord('2026-08-11', [paperRecord('2608.90006', { title: 'Quokka three' })])]);
    await writeSearchFiles(site, [...few, ...added.papers.values()]);
    await removeOtherBuilds(path.join(site, 'search'));
    // The old manifest, as a browser's cache keeps it, until the server is asked again.
    const disk = fileFetch({ root: site, base: '/' });
    globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) =>
      String(input).endsWith('search/index.json') && init?.cache !== 'reload'
        ? new Response(old, { status: 200 })
        : disk(input)) as typeof fetch;
    const request = readRequest(new URLSearchParams({ q: 'quokka' }));
    const outcome = await runSearch(pathToFileURL(`${site}${path.sep}`).href, request);
    expect(outcome.kind === 'list' && outcome.hits.length).toBe(3);
  });

  test('the same every time, whatever order its files arrive in, under concurrency', async () => {
    const queries: Record<string, string>[] = [
      { q: 'video generation' },
      { q: 'agent' },
      { q: '"language model"', sort: 'upvotes' },
      { q: 'model' },
    ];
    const first = await Promise.all(queries.map((q) => search(q, false, 10)));
    for (let run = 0; run < 5; run++) {
      const again = await Promise.all(queries.map((q) => search(q, true, 10)));
      expect(again.map((f) => f.ids)).toEqual(first.map((f) => f.ids));
    }
  });
});

describe('what a search fetches', () => {
  test('the shards it needs are asked for while the paper table is still arriving', async () => {
    // A site of its own, so that no index opened before is reused.
    const site = tempDir('index-');
    await writeSearchFiles(site, entries.slice(0, 300));
    const disk = fileFetch({ root: site, base: '/' });
    const events: string[] = [];
    globalThis.fetch = (async (input: string | URL | Request) => {
      const url = String(input);
      const what = url.endsWith('papers.bin') ? 'table' : url.includes('/index/') ? 'shard' : 'other';
      events.push(`ask ${what}`);
      // The table arrives late: every shard must have been asked for before it has.
      if (what === 'table') await new Promise((r) => setTimeout(r, 50));
      const response = await disk(input);
      events.push(`got ${what}`);
      return response;
    }) as typeof fetch;
    const outcome = await runSearch(
      pathToFileURL(`${site}${path.sep}`).href,
      readRequest(new URLSearchParams({ q: 'video generation model' })),
    );
    expect(outcome.kind).toBe('list');
    expect(events.indexOf('got table')).toBeGreaterThan(events.lastIndexOf('ask shard'));
    expect(events.filter((e) => e === 'ask table')).toHaveLength(1);
  });

  test("pairs of words are looked up for Best match only, and a long query's first few only", async () => {
    // The lookups of the index on disk, each key asked for written down.
    globalThis.fetch = fileFetch({ root, base: '/' }) as typeof fetch;
    const { lookups } = await openParts(pathToFileURL(`${root}${path.sep}`).href);
    const asked: string[] = [];
    const watched: IndexLookups = {
      ...lookups,
      postings: (key) => {
        asked.push(key);
        return lookups.postings(key);
      },
    };
    const pairs = () => asked.filter((k) => k.startsWith('~'));
    const long = queryParts('sparse zebra quokka alignment spectral methods reward model video generation agent');
    await matchWords(watched, long);
    expect(pairs()).toHaveLength(MOST_RANK_PAIRS);
    asked.length = 0;
    await matchWords(watched, long, { rank: false });
    expect(pairs()).toEqual([]);
    // A phrase's pairs are what it matches: always asked for, and it still finds its papers.
    asked.length = 0;
    const phrase = await matchWords(watched, queryParts('"video generation" agent'), { rank: false });
    expect(pairs()).toEqual([`~${stemOf('video')} ${stemOf('generation')}`]);
    expect(phrase.papers.length).toBeGreaterThan(0);
    // Sorted by upvotes, a long query finds the same papers in the same order as before.
    const q = 'large language models reward model agent';
    expect((await search({ q, sort: 'upvotes' }, false, 0)).ids).toEqual(
      (await search({ q, sort: 'upvotes' }, false, 0, twoParts)).ids,
    );
  });
});
