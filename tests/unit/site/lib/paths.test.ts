// Links between pages (site/lib/paths.ts): every site path under the base the site is
// published at, and the absolute URLs of feeds and canonical links.
import { describe, expect, test } from 'vitest';
import { indexPaths } from '../../../../site/lib/index-paths.ts';
import { absoluteUrl, sitePaths } from '../../../../site/lib/paths.ts';

describe('paths', () => {
  test('site paths under a base, and absolute URLs', () => {
    const p = sitePaths('/dpa/');
    expect([p.home, p.day('2026-08-07'), p.dayJson('2026-08-07'), p.paper('2608.05987'), p.week('2026-W32')]).toEqual([
      '/dpa/',
      '/dpa/days/2026-08-07/',
      '/dpa/days/2026-08-07.json',
      '/dpa/papers/2608.05987/',
      '/dpa/weeks/2026-W32/',
    ]);
    expect(p.searchFor({ organization: 'A & B, "C"' })).toBe('/dpa/search/?organization=A+%26+B%2C+%22C%22');
    expect([p.rising, p.stats, p.statsCsv('papers-per-week')]).toEqual([
      '/dpa/rising/',
      '/dpa/stats/',
      '/dpa/stats/papers-per-week.csv',
    ]);
    expect(absoluteUrl('https://example.org', '/dpa/papers/1/')).toBe('https://example.org/dpa/papers/1/');
  });

  test('the index pages, the organizations among them', () => {
    const i = indexPaths(sitePaths('/dpa/'));
    expect([i.days, i.organizations, i.organization('tencent-hunyuan'), i.topYear('2026')]).toEqual([
      '/dpa/days/',
      '/dpa/organizations/',
      '/dpa/organizations/tencent-hunyuan/',
      '/dpa/top/2026/',
    ]);
  });
});
