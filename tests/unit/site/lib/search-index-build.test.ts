// The search index the build writes (site/lib/search-index-build.ts, search-index-part.ts):
// every paper's words with where they are, its phrases, its exact keys; papers in the table's
// order; where the index splits in two; the same papers give the same files, byte for byte.
import { describe, expect, test } from 'vitest';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';
import { buildArchiveIndex } from '../../../../site/lib/archive-index.ts';
import { assemble, indexOrder, recentFrom, splitPoint } from '../../../../site/lib/search-index-build.ts';
import {
  decodePostings,
  decodeShard,
  FIELD,
  idKey,
  phraseKey,
  shardOf,
} from '../../../../site/lib/search-index-format.ts';
import { buildPart } from '../../../../site/lib/search-index-part.ts';
import { keywordKey, nameKeys, titleKey } from '../../../../site/lib/search-keys.ts';
import { stemOf } from '../../../../site/lib/search-text.ts';

const days = [
  dayRecord('2026-08-03', [
    paperRecord('2608.00002', {
      rank: 1,
      title: 'Video Generation at Scale',
      abstract: 'We generate videos. Mixture of experts helps.',
      aiKeywords: ['Video Generation'],
      authors: ['Zi-Han Wang'],
      organization: { handle: 'meta', name: 'AI at Meta' },
      upvotes: 12,
    }),
    paperRecord('2608.00001', {
      rank: 2,
      title: 'Agents',
      abstract: 'Agents act.',
      githubRepo: 'https://github.com/x/y',
    }),
  ]),
  dayRecord('2026-08-04', [paperRecord('2608.00003', { title: 'Video again', abstract: 'A video.' })]),
];
const ordered = indexOrder(buildArchiveIndex(days).papers.values());
const part = buildPart(ordered, 0, ordered.length);
const built = assemble(ordered, [part]);

function postings(key: string) {
  const shard = decodeShard(part.shards[shardOf(part.firsts, key)]!);
  const found = shard.get(key);
  return found ? decodePostings(key, found) : null;
}

describe('the index', () => {
  test('papers in order of first day, then id; the table and records in that order', () => {
    expect(ordered.map((e) => e.id)).toEqual(['2608.00001', '2608.00002', '2608.00003']);
    expect(built.table.map((r) => [r.day, r.upvotes, r.code, r.organization])).toEqual([
      ['2026-08-03', 0, true, 0],
      ['2026-08-03', 12, false, 1],
      ['2026-08-04', 0, false, 0],
    ]);
    expect(built.organizations).toEqual([['AI at Meta', 1]]);
    expect(built.manifest).toMatchObject({ format: 2, papers: 3, newest: '2026-08-04' });
    expect(built.manifest.parts).toEqual([{ name: '', from: 0, to: 3, shards: part.firsts }]);
  });

  test('a word’s papers with where each holds it and how often the body does', () => {
    expect(postings(stemOf('video'))).toEqual([
      { paper: 1, fields: FIELD.title | FIELD.keywords | FIELD.body, count: 1 },
      { paper: 2, fields: FIELD.title | FIELD.body, count: 1 },
    ]);
    expect(postings(stemOf('wang'))).toEqual([{ paper: 1, fields: FIELD.authors, count: 0 }]);
    expect(postings(stemOf('meta'))).toEqual([{ paper: 1, fields: FIELD.organization, count: 0 }]);
  });

  test('phrases within the title and within the body, over stop words, never across the two', () => {
    const pairs = (a: string, b: string) => postings(phraseKey(stemOf(a), stemOf(b)))?.map((p) => p.paper) ?? [];
    expect(pairs('video', 'generation')).toEqual([1]);
    expect(pairs('mixture', 'experts')).toEqual([1]);
    // "… at Scale" then "We generate …": no pair across.
    expect(pairs('scale', 'we')).toEqual([]);
  });

  test('exact keys: the id, the title, each name in both orders, each keyword', () => {
    const one = (key: string) => postings(key)?.map((p) => p.paper);
    expect(one(idKey('2608.00002'))).toEqual([1]);
    expect(one(titleKey('video generation at scale'))).toEqual([1]);
    for (const key of nameKeys('Wang Zihan')) expect(one(key)).toEqual([1]);
    expect(one(keywordKey('VIDEO generation'))).toEqual([1]);
  });

  test('the same papers give the same files', () => {
    const again = buildPart(indexOrder(buildArchiveIndex(days).papers.values()), 0, 3);
    expect(again).toEqual(part);
  });

  test('a part holds its own papers, numbered in the whole order; parts must cover every paper in order', () => {
    const second = buildPart(ordered, 2, 3);
    const shard = decodeShard(second.shards[shardOf(second.firsts, stemOf('video'))]!);
    expect(decodePostings(stemOf('video'), shard.get(stemOf('video'))!).map((p) => p.paper)).toEqual([2]);
    expect(assemble(ordered, [buildPart(ordered, 0, 2), second]).manifest.parts.map((p) => [p.from, p.to])).toEqual([
      [0, 2],
      [2, 3],
    ]);
    expect(() => assemble(ordered, [second])).toThrow('do not cover every paper');
  });
});

describe('where the index splits in two', () => {
  const on = (day: string, n: number) => Array.from({ length: n }, () => ({ firstDate: day }));
  test('before the month before the newest day’s month, when the main part holds enough papers', () => {
    expect(recentFrom('2026-08-07')).toBe('2026-07-01');
    expect(recentFrom('2026-01-31')).toBe('2025-12-01');
    const papers = [...on('2026-05-02', 3), ...on('2026-07-03', 2), ...on('2026-08-07', 1)] as never[];
    expect(splitPoint(papers, 3)).toBe(3);
    expect(splitPoint(papers, 4)).toBe(0);
    expect(splitPoint(on('2026-08-07', 5) as never[], 1)).toBe(0);
    expect(splitPoint([], 1)).toBe(0);
  });
});
