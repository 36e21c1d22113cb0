// A search as its URL says it (site/lib/search-request.ts): read, written back in one order,
// and the filters a "no results" page offers to drop.
import { describe, expect, test } from 'vitest';
import {
  isEmptyRequest,
  narrowings,
  readRequest,
  requestParams,
  sameRequest,
} from '../../../../site/lib/search-request.ts';

describe('search requests', () => {
  test('read from a URL: trimmed, unknown keys and sorts ignored, written back in one order', () => {
    const request = readRequest(
      new URLSearchParams(
        'sort=upvotes&keyword=%20Video%20%20Generation%20&q=agents&utm=x&code=yes&author=Zi-Han+Wang',
      ),
    );
    expect(request).toEqual({
      q: 'agents',
      author: 'Zi-Han Wang',
      filters: { keyword: 'Video Generation', code: 'yes' },
      sort: 'upvotes',
    });
    expect(requestParams(request).toString()).toBe(
      'q=agents&author=Zi-Han+Wang&keyword=Video+Generation&code=yes&sort=upvotes',
    );
    expect(readRequest(new URLSearchParams('sort=random')).sort).toBe('');
    expect(isEmptyRequest(readRequest(new URLSearchParams('q=%20&year=')))).toBe(true);
    expect(sameRequest(request, readRequest(requestParams(request)))).toBe(true);
  });

  test('narrowings: the request without each of its author and filters', () => {
    const request = readRequest(new URLSearchParams('q=agents&author=Ada&year=2026&code=yes&sort=newest'));
    expect(narrowings(request).map((n) => [n.label, requestParams(n.without).toString()])).toEqual([
      ['by Ada', 'q=agents&year=2026&code=yes&sort=newest'],
      ['year 2026', 'q=agents&author=Ada&code=yes&sort=newest'],
      ['with code', 'q=agents&author=Ada&year=2026&sort=newest'],
    ]);
  });
});
