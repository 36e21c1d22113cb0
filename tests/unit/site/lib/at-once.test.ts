// Work on many items a few at a time (site/lib/at-once.ts): every item once, never more at once
// than asked, and a failure fails the whole.
import { expect, test } from 'vitest';
import { eachAtOnce } from '../../../../site/lib/at-once.ts';

test('every item is worked on once, at most `atOnce` at a time', async () => {
  let running = 0;
  let most = 0;
  const seen: number[] = [];
  await eachAtOnce(
    Array.from({ length: 40 }, (_, i) => i),
    3,
    async (i) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, i % 4));
      seen.push(i);
      running--;
    },
  );
  expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  expect(most).toBe(3);
  await eachAtOnce([], 16, async () => {
    throw new Error('never called');
  });
});

test('a failure rejects', async () => {
  await expect(
    eachAtOnce([1, 2, 3], 2, async (i) => {
      if (i === 2) throw new Error('disk full');
    }),
  ).rejects.toThrow('disk full');
});
