// Where the site reads from and publishes to (site/lib/options.ts): the environment's values,
// their defaults, and an error that names the variable when one is wrong.
import { describe, expect, test } from 'vitest';
import { normalizeBase, siteOptions } from '../../../../site/lib/options.ts';
import { SPLIT_AT } from '../../../../site/lib/search-index-build.ts';

describe('site options', () => {
  test('site options from the environment; a bad value names its variable', () => {
    expect(siteOptions({}, '/repo')).toEqual({
      contentDir: '/repo/content',
      siteUrl: 'https://daily-papers-archive.github.io',
      base: '/',
      searchSplitAt: SPLIT_AT,
    });
    expect(
      siteOptions({ PAPERS_CONTENT: '/data/a', PAPERS_SITE_URL: 'https://x.org/', PAPERS_BASE: 'dpa' }, '/repo'),
    ).toEqual({
      contentDir: '/data/a',
      siteUrl: 'https://x.org',
      base: '/dpa/',
      searchSplitAt: SPLIT_AT,
    });
    expect(siteOptions({ PAPERS_SEARCH_SPLIT_AT: '1' }, '/repo').searchSplitAt).toBe(1);
    for (const bad of ['0', '-5', '1.5', 'many', '9999999999']) {
      expect(() => siteOptions({ PAPERS_SEARCH_SPLIT_AT: bad })).toThrow(
        new RegExp(`^PAPERS_SEARCH_SPLIT_AT: "${bad.replace('.', '\\.')}" is not a number of papers \\(1 or more\\)$`),
      );
    }
    expect(normalizeBase('/a/b//')).toBe('/a/b/');
    expect(() => normalizeBase('/../x/')).toThrow(/^PAPERS_BASE: "\/..\/x\/" is not a URL path/);
    expect(() => siteOptions({ PAPERS_SITE_URL: 'ftp://x.org' })).toThrow(
      /^PAPERS_SITE_URL: .* is not an http\(s\) URL/,
    );
    expect(() => siteOptions({ PAPERS_SITE_URL: 'https://x.org/sub/' })).toThrow(
      /give the origin here and the path in PAPERS_BASE/,
    );
  });
});
