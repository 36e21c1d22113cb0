// The footer's "Updated" element (site/lib/updated-stamp.ts): always as many bytes, so that the
// restamp after a build overwrites it in place; text escaped; found by the restamp's pattern.
import { expect, test } from 'vitest';
import { STAMP, STAMP_BYTES, updatedStamp } from '../../../../site/lib/updated-stamp.ts';

test('every time gives an element of STAMP_BYTES bytes, which the restamp pattern finds whole', () => {
  for (const time of [
    '2026-08-07T06:10:00.000Z',
    '2026-12-31T23:59:59Z',
    '2023-05-04T00:00:00.123456Z',
    'not a time',
  ]) {
    const stamp = updatedStamp(time);
    expect(new TextEncoder().encode(stamp).length).toBe(STAMP_BYTES);
    expect(STAMP.exec(`<footer>${stamp}<p>next</p></footer>`)?.[0]).toBe(stamp);
  }
  expect(updatedStamp('2026-08-07T06:10:00.000Z')).toMatch(
    /^<p class="updated">Updated <time datetime="2026-08-07T06:10:00.000Z">Fri 7 Aug 2026, 06:10 UTC<\/time> +<\/p>$/,
  );
});

test('what the ledger holds is text in the element', () => {
  expect(updatedStamp('"><script>')).toContain('datetime="&quot;&gt;&lt;script&gt;"');
});
