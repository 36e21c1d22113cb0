// The search index's main part kept between builds (site/integrations/search-index-cache.ts):
// its key moves with any paper's data and only then; a part kept comes back, file for file, as
// the build would write it; one part is kept at a time.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';
import { partCache, partKey } from '../../../../site/integrations/search-index-cache.ts';
import { buildArchiveIndex } from '../../../../site/lib/archive-index.ts';
import { indexOrder } from '../../../../site/lib/search-index-build.ts';
import { tempDir } from '../../../helpers/temp.ts';

const papers = (upvotes: number) =>
  indexOrder(
    buildArchiveIndex([
      dayRecord('2026-06-01', [paperRecord('2606.00001', { upvotes }), paperRecord('2606.00002', { rank: 2 })]),
      dayRecord('2026-08-01', [paperRecord('2608.00001')]),
    ]).papers.values(),
  );

describe('the main part kept between builds', () => {
  test('its key is its papers’ data: the same papers the same key, a vote more another', async () => {
    const key = await partKey(papers(3), 0, 2);
    expect(await partKey(papers(3), 0, 2)).toBe(key);
    expect(await partKey(papers(4), 0, 2)).not.toBe(key);
    expect(await partKey(papers(3), 0, 1)).not.toBe(key);
    // The recent paper's votes are not the main part's.
    expect(await partKey(papers(3), 0, 2)).toMatch(/^[0-9a-f]{32}$/);
  });

  test('kept, then given back into a site’s search folder; a new one replaces it', async () => {
    const dir = path.join(tempDir('cache-'), 'search-index');
    const cache = partCache(dir);
    const files = path.join(tempDir('part-'), 'aaaa');
    mkdirSync(path.join(files, 'index'), { recursive: true });
    writeFileSync(path.join(files, 'index', '0.bin'), 'shard');
    const part = { name: '0123456789abcdef', from: 0, to: 2, firsts: ['a'], lengths: [3, 4] };
    expect(await cache.restore('k1', tempDir('site-'))).toBeNull();
    await cache.store('k1', part, files);
    const site = tempDir('site-');
    expect(await cache.restore('k1', site)).toEqual(part);
    expect(readFileSync(path.join(site, part.name, 'index', '0.bin'), 'utf8')).toBe('shard');
    await cache.store('k2', { ...part, name: 'fedcba9876543210' }, files);
    expect(readdirSync(dir)).toEqual(['k2']);
    expect(await cache.restore('k1', tempDir('site-'))).toBeNull();
  });
});
