// How much of each abstract a day page folds (site/lib/abstracts.ts): every abstract whole while
// the day's add up to the budget; past it, one common cap that keeps short ones whole, and a cut
// at a sentence or a word.
import { describe, expect, test } from 'vitest';
import { abstractCap, cutAbstract, DAY_ABSTRACT_BUDGET, dayAbstractBudget } from '../../../../site/lib/abstracts.ts';

describe('abstract budget', () => {
  test('a day within the budget keeps every abstract whole', () => {
    expect(abstractCap([1500, 1500, 1500])).toBe(Number.POSITIVE_INFINITY);
    expect(abstractCap([])).toBe(Number.POSITIVE_INFINITY);
    expect(abstractCap(Array(26).fill(1500))).toBe(Number.POSITIVE_INFINITY); // 39,000
  });

  test('past it, the largest common cap that fits; short abstracts stay whole', () => {
    expect(abstractCap([100, 1000, 1000], 1100)).toBe(500);
    const lengths = [...Array(45).fill(1400), ...Array(5).fill(300)];
    const cap = abstractCap(lengths);
    const total = lengths.reduce((n, l) => n + Math.min(l, cap), 0);
    expect(total).toBeLessThanOrEqual(DAY_ABSTRACT_BUDGET);
    expect(total + lengths.filter((l) => l > cap).length).toBeGreaterThan(DAY_ABSTRACT_BUDGET);
    expect(cap).toBeGreaterThan(300);
  });

  test('a cut ends at a sentence when one ends late enough, else at a word, and says so', () => {
    const text = 'First sentence here. Second sentence is longer than the first one. Third.';
    expect(cutAbstract(text, 1000)).toEqual({ text, cut: false });
    expect(cutAbstract(text, 60)).toEqual({
      text: 'First sentence here. Second sentence is longer than the …',
      cut: true,
    });
    expect(cutAbstract(text, 70)).toEqual({
      text: 'First sentence here. Second sentence is longer than the first one. …',
      cut: true,
    });
    const emoji = cutAbstract('🚀'.repeat(50), 10).text;
    expect([...emoji.replace(/ …$/, '')].every((c) => c === '🚀')).toBe(true);
  });
});

describe('dayAbstractBudget', () => {
  test('the whole budget for an ordinary day, less for a day of many papers, never nothing', () => {
    expect(dayAbstractBudget(20)).toBe(DAY_ABSTRACT_BUDGET);
    expect(dayAbstractBudget(40)).toBe(DAY_ABSTRACT_BUDGET);
    expect(dayAbstractBudget(82)).toBeLessThan(12_000);
    expect(dayAbstractBudget(82)).toBeGreaterThan(8_000);
    expect(dayAbstractBudget(500)).toBe(4_000);
    for (let n = 1; n < 200; n++) expect(dayAbstractBudget(n + 1)).toBeLessThanOrEqual(dayAbstractBudget(n));
  });
});
