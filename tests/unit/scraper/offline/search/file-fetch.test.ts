// The `fetch` that `papers search` gives the site's search code: files of the site's folder,
// with their media types; a missing file is a 404; anything outside the folder or off the disk
// is refused, so a search can never reach a network.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { fileFetch } from '../../../../../scraper/offline/search/file-fetch.ts';
import { tempDir } from '../../../../helpers/temp.ts';

test('answers from the folder, and from nowhere else', async () => {
  const root = tempDir('site-');
  mkdirSync(path.join(root, 'pagefind'));
  writeFileSync(path.join(root, 'pagefind', 'pagefind-entry.json'), '{"version":"1.6.0"}');
  writeFileSync(path.join(root, 'pagefind', 'wasm.en.pagefind'), Buffer.from([0, 97, 115, 109]));
  const fetch = fileFetch(root);
  const base = pathToFileURL(`${root}/`).href;

  const entry = await fetch(`${base}pagefind/pagefind-entry.json?ts=1`);
  expect(entry.status).toBe(200);
  expect(entry.headers.get('content-type')).toContain('application/json');
  expect(await entry.json()).toEqual({ version: '1.6.0' });
  expect(new Uint8Array(await (await fetch(new URL(`${base}pagefind/wasm.en.pagefind`))).arrayBuffer())).toEqual(
    new Uint8Array([0, 97, 115, 109]),
  );
  expect((await fetch(`${base}pagefind/missing.pf_index`)).status).toBe(404);
  await expect(fetch('https://example.org/pagefind/pagefind-entry.json')).rejects.toThrow('from disk only');
  await expect(fetch(`${base}../outside.json`)).rejects.toThrow("outside the site's folder");
});
