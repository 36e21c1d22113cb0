// The `fetch` that `papers search` gives the search engine: data files of the site's folder, with
// their media types, or of a packed copy's data scripts, read as text and never run; Pagefind's
// WebAssembly from the installed Pagefind, never the site's; no script of the site; a missing
// file is a 404; anything outside the folder or off the disk is refused, so a search can never
// reach a network.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { fileFetch } from '../../../../../scraper/offline/search/file-fetch.ts';
import type { PagefindRuntime } from '../../../../../scraper/offline/search/pagefind-runtime.ts';
import { tempDir } from '../../../../helpers/temp.ts';

const RUNTIME: PagefindRuntime = {
  version: '1.6.0',
  scriptUrl: 'file:///nowhere/pagefind.js',
  wasm: new Map([['en', new Uint8Array([0, 97, 115, 109, 1])]]),
};

function site(): { root: string; base: string } {
  const root = tempDir('site-');
  mkdirSync(path.join(root, 'pagefind'));
  return { root, base: pathToFileURL(`${root}/`).href };
}

test('answers data from the folder, and from nowhere else', async () => {
  const { root, base } = site();
  writeFileSync(path.join(root, 'pagefind', 'pagefind-entry.json'), '{"version":"1.6.0"}');
  const fetch = fileFetch({ root, base: '/' }, RUNTIME);

  const entry = await fetch(`${base}pagefind/pagefind-entry.json?ts=1`);
  expect(entry.status).toBe(200);
  expect(entry.headers.get('content-type')).toContain('application/json');
  expect(await entry.json()).toEqual({ version: '1.6.0' });
  expect((await fetch(`${base}pagefind/missing.pf_index`)).status).toBe(404);
  await expect(fetch('https://example.org/pagefind/pagefind-entry.json')).rejects.toThrow('from disk only');
  await expect(fetch(`${base}../outside.json`)).rejects.toThrow("outside the site's folder");
});

test("Pagefind's WebAssembly is the installed Pagefind's; the site's scripts are never handed out", async () => {
  const { root, base } = site();
  writeFileSync(path.join(root, 'pagefind', 'wasm.en.pagefind'), 'planted');
  writeFileSync(path.join(root, 'pagefind', 'pagefind.js'), 'planted()');
  mkdirSync(path.join(root, 'search'));
  writeFileSync(path.join(root, 'search', 'engine.mjs'), 'planted()');
  const fetch = fileFetch({ root, base: '/' }, RUNTIME);
  for (const at of ['pagefind/wasm.en.pagefind', 'pagefind/recent/wasm.en.pagefind']) {
    expect(new Uint8Array(await (await fetch(`${base}${at}`)).arrayBuffer())).toEqual(RUNTIME.wasm.get('en'));
  }
  expect((await fetch(`${base}pagefind/wasm.xx.pagefind`)).status).toBe(404);
  expect((await fetch(`${base}pagefind/pagefind.js`)).status).toBe(404);
  expect((await fetch(`${base}search/engine.mjs`)).status).toBe(404);
});

test("a packed copy's data scripts give their bytes, read as text of one shape and never run", async () => {
  const { root, base } = site();
  const data = path.join(root, '_disk', 'data', 'search');
  mkdirSync(data, { recursive: true });
  writeFileSync(path.join(data, 'papers.bin.js'), `papersDiskPut("search/papers.bin","${btoa('\u0001\u0002')}");\n`);
  writeFileSync(path.join(data, 'words.txt.js'), 'require("fs").writeFileSync("/tmp/x","ran");\n');
  writeFileSync(path.join(data, 'other.txt.js'), 'papersDiskPut("search/papers.bin","AAAA");\n');
  const fetch = fileFetch({ root, base: '/' }, RUNTIME);
  expect(new Uint8Array(await (await fetch(`${base}search/papers.bin`)).arrayBuffer())).toEqual(new Uint8Array([1, 2]));
  await expect(fetch(`${base}search/words.txt`)).rejects.toThrow('is not a data file of a packed copy');
  await expect(fetch(`${base}search/other.txt`)).rejects.toThrow('is not a data file of a packed copy');
});

test('a link out of the folder is refused, naming where it leads', async () => {
  const { root, base } = site();
  const secret = path.join(tempDir('outside-'), 'secret.json');
  writeFileSync(secret, '{"password":"x"}');
  symlinkSync(secret, path.join(root, 'pagefind', 'pagefind-entry.json'));
  await expect(fileFetch({ root, base: '/' }, RUNTIME)(`${base}pagefind/pagefind-entry.json`)).rejects.toThrow(
    `leads out of ${root}`,
  );
});
