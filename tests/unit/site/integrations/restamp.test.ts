// The footer's "Updated …" stamped after the build (site/integrations/restamp.ts): a page carried
// over from the last build gets this build's time, a page that has it already is not rewritten,
// and a page without the element is left as it was.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { footerOf, restamp, restampSite } from '../../../../site/integrations/restamp.ts';
import { updatedStamp } from '../../../../site/lib/updated-stamp.ts';
import { tempDir } from '../../../helpers/temp.ts';

const footer = (time: string) => `<p class="updated">Updated <time datetime="${time}">${time}</time></p>`;
const page = (time: string) => `<html><body><main>x</main><footer>${footer(time)}</footer></body></html>`;

test('footerOf and restamp read and replace the one element', () => {
  expect(footerOf(page('A'))).toBe(footer('A'));
  expect(restamp(page('A'), footer('B'))).toBe(page('B'));
  expect(footerOf('<html></html>')).toBeNull();
  expect(restamp('<html></html>', footer('B'))).toBe('<html></html>');
  // A replacement is text, never a pattern: "$&" stays as written.
  expect(restamp(page('A'), footer('$&'))).toBe(page('$&'));
});

test("every page of a built site gets the home page's footer; pages already right are not written", async () => {
  const dir = tempDir('restamp-');
  mkdirSync(path.join(dir, 'days', 'd'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), page('NEW'));
  writeFileSync(path.join(dir, 'days', 'd', 'index.html'), page('OLD'));
  writeFileSync(path.join(dir, '404.html'), page('NEW'));
  writeFileSync(path.join(dir, 'redirect.html'), '<html>no footer</html>');
  const before = statSync(path.join(dir, '404.html')).mtimeMs;
  expect(await restampSite(dir)).toBe(1);
  expect(readFileSync(path.join(dir, 'days', 'd', 'index.html'), 'utf8')).toBe(page('NEW'));
  expect(readFileSync(path.join(dir, 'redirect.html'), 'utf8')).toBe('<html>no footer</html>');
  expect(statSync(path.join(dir, '404.html')).mtimeMs).toBe(before);
});

test('a padded footer is overwritten in place, wherever the page is long; a footer far from the end is found too', async () => {
  const dir = tempDir('restamp-');
  const body = 'x'.repeat(40_000);
  const at = (stamp: string) => `<html><body><main>${body}</main><footer>${stamp}</footer><p>end</p></body></html>`;
  const early = (stamp: string) => `<html><body><footer>${stamp}</footer><main>${body}</main></body></html>`;
  const oldStamp = updatedStamp('2026-08-07T06:10:00.000Z');
  const newStamp = updatedStamp('2026-08-08T06:10:00.000Z');
  writeFileSync(path.join(dir, 'index.html'), at(newStamp));
  mkdirSync(path.join(dir, 'long'));
  writeFileSync(path.join(dir, 'long', 'index.html'), at(oldStamp));
  writeFileSync(path.join(dir, 'early.html'), early(oldStamp));
  // An element of another length (a page from before the padding): rewritten whole.
  writeFileSync(path.join(dir, 'short.html'), at(footer('OLD')));
  expect(await restampSite(dir)).toBe(3);
  expect(readFileSync(path.join(dir, 'long', 'index.html'), 'utf8')).toBe(at(newStamp));
  expect(readFileSync(path.join(dir, 'early.html'), 'utf8')).toBe(early(newStamp));
  expect(readFileSync(path.join(dir, 'short.html'), 'utf8')).toBe(at(newStamp));
  expect(await restampSite(dir)).toBe(0);
});
