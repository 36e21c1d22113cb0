// The footer's "Updated …" stamped after the build (site/integrations/restamp.ts): a page carried
// over from the last build gets this build's time, a page that has it already is not rewritten,
// and a page without the element is left as it was.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { footerOf, restamp, restampSite } from '../../../../site/integrations/restamp.ts';
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
