// A search as its URL says it (site/lib/search-request.ts): read, written back in one order,
// a date range's ends and a least number of upvotes read as days and a number, and the filters a
// "no results" page offers to drop.
import { describe, expect, test } from 'vitest';
import {
  isEmptyRequest,
  narrowings,
  rangeDay,
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

  test('a date range: a day, or a month or year from its first day to its last; a least number of upvotes', () => {
    const request = readRequest(new URLSearchParams('from=2025-02&to=2025-02&upvotes=050'));
    expect(request.filters).toEqual({ from: '2025-02-01', to: '2025-02-28', upvotes: '50' });
    expect(rangeDay('2024', false)).toBe('2024-01-01');
    expect(rangeDay('2024', true)).toBe('2024-12-31');
    expect(rangeDay('2024-02', true)).toBe('2024-02-29');
    expect(rangeDay('2024-02-30', false)).toBeNull();
    expect(rangeDay('2024-13', false)).toBeNull();
    // Values it cannot read are left out, never guessed at.
    expect(readRequest(new URLSearchParams('from=yesterday&upvotes=-3&to=2025/01/01')).filters).toEqual({});
    expect(narrowings(readRequest(new URLSearchParams('q=x&upvotes=1&from=2025-01-01'))).map((n) => n.label)).toEqual([
      'from 2025-01-01',
      'at least 1 upvote',
    ]);
  });
});
