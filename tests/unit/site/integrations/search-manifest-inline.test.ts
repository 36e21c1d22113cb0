// The search page carries the index's manifest (site/integrations/search-manifest-inline.ts):
// put into its slot escaped, so that no key of the index (paper text) can end the element, and
// the page replaced whole. A page built with it is searched without asking for the manifest:
// tests/e2e/site/search-history.test.ts.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { inlineSearchManifest, withManifest } from '../../../../site/integrations/search-manifest-inline.ts';
import { tempDir } from '../../../helpers/temp.ts';

const SLOT = '<script type="application/json" id="search-manifest"></script>';
const page = (slot: string) => `<html><head></head><body>${slot}<main>search</main></body></html>`;

test('the manifest goes into the slot, escaped; a page without the slot is left alone', () => {
  const manifest = { format: 2, parts: [{ shards: ['</script><script>alert(1)</script>', 'a&b', '\u2028'] }] };
  const html = withManifest(page(SLOT), manifest)!;
  expect(html).not.toContain('</script><script>');
  const json = /id="search-manifest">(.*?)<\/script>/.exec(html)![1]!;
  expect(JSON.parse(json)).toEqual(manifest);
  expect(json).not.toMatch(/[<>&\u2028]/);
  expect(withManifest(page(''), manifest)).toBeNull();
  // A replacement is text, never a pattern.
  const pattern = withManifest(page(SLOT), { k: "$&$'" })!;
  expect(JSON.parse(/id="search-manifest">(.*?)<\/script>/.exec(pattern)![1]!)).toEqual({ k: "$&$'" });
});

test("a built site's search page gets its manifest, as a new file", async () => {
  const out = tempDir('inline-');
  mkdirSync(path.join(out, 'search'), { recursive: true });
  writeFileSync(path.join(out, 'search', 'index.json'), JSON.stringify({ format: 2, build: 'x' }));
  writeFileSync(path.join(out, 'search', 'index.html'), page(SLOT));
  const before = statSync(path.join(out, 'search', 'index.html')).ino;
  expect(await inlineSearchManifest(out)).toBe(true);
  expect(readFileSync(path.join(out, 'search', 'index.html'), 'utf8')).toContain('{"format":2,"build":"x"}');
  expect(statSync(path.join(out, 'search', 'index.html')).ino).not.toBe(before);
  const none = tempDir('inline-');
  mkdirSync(path.join(none, 'search'), { recursive: true });
  writeFileSync(path.join(none, 'search', 'index.json'), '{}');
  expect(await inlineSearchManifest(none)).toBe(false);
});
