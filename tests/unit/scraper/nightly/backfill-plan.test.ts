// The backfill's plan: a range split into calendar months, the first and last partial, as the
// job matrix the workflow reads; a reversed range or one over the bound is refused.
import { describe, expect, it } from 'vitest';
import { MAX_SHARDS, monthEnd, monthShards, shardMatrix } from '../../../../scraper/nightly/backfill-plan.ts';

describe('monthShards', () => {
  it('splits a range into months, the first and last partial', () => {
    expect(monthShards('2026-06-15', '2026-08-07')).toEqual([
      { name: '2026-06', from: '2026-06-15', to: '2026-06-30' },
      { name: '2026-07', from: '2026-07-01', to: '2026-07-31' },
      { name: '2026-08', from: '2026-08-01', to: '2026-08-07' },
    ]);
  });

  it('gives one shard for a range within a month, and for one day', () => {
    expect(monthShards('2026-02-03', '2026-02-20')).toEqual([
      { name: '2026-02', from: '2026-02-03', to: '2026-02-20' },
    ]);
    expect(monthShards('2026-02-28', '2026-02-28')).toEqual([
      { name: '2026-02', from: '2026-02-28', to: '2026-02-28' },
    ]);
  });

  it('crosses years and knows February and leap years', () => {
    const shards = monthShards('2023-12-30', '2024-03-01');
    expect(shards.map((s) => [s.name, s.from, s.to])).toEqual([
      ['2023-12', '2023-12-30', '2023-12-31'],
      ['2024-01', '2024-01-01', '2024-01-31'],
      ['2024-02', '2024-02-01', '2024-02-29'],
      ['2024-03', '2024-03-01', '2024-03-01'],
    ]);
    expect(monthEnd('2025-02-10')).toBe('2025-02-28');
    expect(monthEnd('2024-12-01')).toBe('2024-12-31');
  });

  it('covers every day of the range exactly once', () => {
    const shards = monthShards('2023-05-04', '2026-08-07');
    expect(shards).toHaveLength(40);
    for (const [i, s] of shards.entries()) {
      expect(s.from <= s.to).toBe(true);
      expect(s.name).toBe(s.from.slice(0, 7));
      expect(s.to.slice(0, 7)).toBe(s.name);
      if (i > 0) expect(Date.parse(s.from) - Date.parse(shards[i - 1]!.to)).toBe(86_400_000);
    }
    expect([shards[0]!.from, shards.at(-1)!.to]).toEqual(['2023-05-04', '2026-08-07']);
  });

  it(`refuses a reversed range, a bad date, and more than ${MAX_SHARDS} months`, () => {
    expect(() => monthShards('2026-08-07', '2026-08-01')).toThrow('--from 2026-08-07 is after --to 2026-08-01');
    expect(() => monthShards('2026-02-30', '2026-03-01')).toThrow('--from must be a date YYYY-MM-DD');
    expect(() => monthShards('2022-01-01', '2022-03-01')).toThrow('from 2023-05-01 on');
    expect(monthShards('2023-06-01', '2028-05-31')).toHaveLength(60);
    expect(() => monthShards('2023-06-01', '2028-06-01')).toThrow(
      '2023-06-01 … 2028-06-01 spans 61 months; a backfill takes at most 60 (split it)',
    );
  });

  it('is written as the job matrix GitHub Actions takes', () => {
    expect(shardMatrix(monthShards('2026-06-15', '2026-07-02'))).toBe(
      '{"include":[{"name":"2026-06","from":"2026-06-15","to":"2026-06-30"},{"name":"2026-07","from":"2026-07-01","to":"2026-07-02"}]}',
    );
  });
});
