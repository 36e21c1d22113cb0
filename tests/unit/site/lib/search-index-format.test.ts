// The index's shards (site/lib/search-index-format.ts): what the build writes the search reads
// back, postings with their fields and counts for words and without for the other keys; a key
// found in the shard it falls in, a prefix in every shard it may span.
import { describe, expect, test } from 'vitest';
import {
  decodePostings,
  decodeShard,
  FIELD,
  ShardWriter,
  shardOf,
  shardsOfPrefix,
} from '../../../../site/lib/search-index-format.ts';

describe('a shard', () => {
  test('reads back its keys and postings', () => {
    const writer = new ShardWriter();
    writer.add('#i260805987', [4]);
    writer.add('model', [0, FIELD.title | FIELD.body, 3, 200, FIELD.body, 999, 70_000, FIELD.keywords, 0]);
    writer.add('~video generat', [1, 2, 3]);
    const keys = decodeShard(writer.finish());
    expect([...keys.keys()]).toEqual(['#i260805987', 'model', '~video generat']);
    expect(decodePostings('model', keys.get('model')!)).toEqual([
      { paper: 0, fields: FIELD.title | FIELD.body, count: 3 },
      { paper: 200, fields: FIELD.body, count: 255 },
      { paper: 70_000, fields: FIELD.keywords, count: 0 },
    ]);
    expect(decodePostings('~video generat', keys.get('~video generat')!).map((p) => p.paper)).toEqual([1, 2, 3]);
    expect(decodePostings('#i260805987', keys.get('#i260805987')!).map((p) => p.paper)).toEqual([4]);
  });

  test('refuses postings out of order, and bytes that are not a shard or are cut off', () => {
    expect(() => new ShardWriter().add('x', [2, 0, 0, 1, 0, 0])).toThrow('x: papers out of order at 1');
    expect(() => decodeShard(new TextEncoder().encode('<!doctype html>'))).toThrow('not a shard');
    const writer = new ShardWriter();
    writer.add('model', [0, 1, 1]);
    const bytes = writer.finish();
    expect(() => decodeShard(bytes.subarray(0, bytes.length - 2))).toThrow('a cut-off shard');
  });
});

describe('finding shards', () => {
  const firsts = ['#', 'diffus', 'model', 'video', '~agent'];
  test('a key falls in the last shard whose first key is not after it', () => {
    expect(shardOf(firsts, '#i1')).toBe(0);
    expect(shardOf(firsts, 'diffus')).toBe(1);
    expect(shardOf(firsts, 'generat')).toBe(1);
    expect(shardOf(firsts, 'zebra')).toBe(3);
    expect(shardOf(firsts, '~zz')).toBe(4);
  });
  test('a prefix spans the shards from its own to the one after its last key', () => {
    expect(shardsOfPrefix(firsts, 'mo')).toEqual([1, 2]);
    expect(shardsOfPrefix(firsts, 'vid')).toEqual([2, 3]);
    expect(shardsOfPrefix(firsts, 'zz')).toEqual([3]);
  });
});
