// Words the pages show (site/lib/format.ts): dates, weeks and months in words, author lists,
// abstract paragraphs and excerpts.
import { describe, expect, test } from 'vitest';
import { excerpt, longDate, monthName, paragraphs, shownAuthors, weekName } from '../../../../site/lib/format.ts';

describe('words', () => {
  test('dates, weeks and months in words, in UTC', () => {
    expect(longDate('2026-08-07')).toBe('Friday, 7 August 2026');
    expect(monthName('2026-01')).toBe('January 2026');
    expect(weekName('2026-W32')).toBe('Week 32, 2026 (3–9 August)');
    expect(weekName('2026-W01')).toBe('Week 1, 2026 (29 December – 4 January)');
  });

  test('authors: three shown, the rest one click away; never "et al." for one more', () => {
    expect(shownAuthors(['a', 'b', 'c', 'd'])).toEqual({ shown: ['a', 'b', 'c', 'd'], more: 0 });
    expect(shownAuthors(['a', 'b', 'c', 'd', 'e'])).toEqual({ shown: ['a', 'b', 'c'], more: 2 });
  });

  test('abstract paragraphs and excerpts; a cut never splits a character', () => {
    expect(paragraphs('one\n\ntwo\n\n\nthree')).toEqual(['one', 'two', 'three']);
    const cut = excerpt('🚀'.repeat(300), 10);
    expect([...cut.slice(0, -1)].every((c) => c === '🚀')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
  });
});
