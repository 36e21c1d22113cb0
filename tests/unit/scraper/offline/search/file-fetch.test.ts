// The `fetch` that `papers search` gives the search engine: data files of the site's search/
// folder, with their media types, or of a packed copy's data scripts, read as text and never
// run; no script or page of the site; a missing file is a 404; anything outside the folder or
// off the disk is refused, so a search can never reach a network.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { fileFetch } from '../../../../../scraper/offline/search/file-fetch.ts';
import { tempDir } from '../../../../helpers/temp.ts';

function site(): { root: string; base: string } {
  const root = tempDir('site-');
  mkdirSync(path.join(root, 'search'));
  return { root, base: pathToFileURL(`${root}/`).href };
}

test('answers data from the folder, and from nowhere else', async () => {
  const { root, base } = site();
  writeFileSync(path.join(root, 'search', 'index.json'), '{"format":1}');
  const fetch = fileFetch({ root, base: '/' });

  const entry = await fetch(`${base}search/index.json?v=1`);
  expect(entry.status).toBe(200);
  expect(entry.headers.get('content-type')).toContain('application/json');
  expect(await entry.json()).toEqual({ format: 1 });
  expect((await fetch(`${base}search/index/7.bin`)).status).toBe(404);
  await expect(fetch('https://example.org/search/index.json')).rejects.toThrow('from disk only');
  await expect(fetch(`${base}../outside.json`)).rejects.toThrow("outside the site's folder");
});

test("the site's scripts and pages are never handed out, nor anything outside search/", async () => {
  const { root, base } = site();
  writeFileSync(path.join(root, 'search', 'engine.mjs'), 'planted()');
  writeFileSync(path.join(root, 'search', 'index.html'), '<script>planted()</script>');
  writeFileSync(path.join(root, 'index.html'), '<p>home</p>');
  const fetch = fileFetch({ root, base: '/' });
  for (const at of ['search/engine.mjs', 'search/index.html', 'index.html']) {
    expect((await fetch(`${base}${at}`)).status, at).toBe(404);
  }
});

test("a packed copy's data scripts give their bytes, read as text of one shape and never run", async () => {
  const { root, base } = site();
  const data = path.join(root, '_disk', 'data', 'search');
  mkdirSync(data, { recursive: true });
  writeFileSync(path.join(data, 'papers.bin.js'), `papersDiskPut("search/papers.bin","${btoa('\u0001\u0002')}");\n`);
  writeFileSync(path.join(data, 'words.txt.js'), 'require("fs").writeFileSync("/tmp/x","ran");\n');
  writeFileSync(path.join(data, 'other.txt.js'), 'papersDiskPut("search/papers.bin","AAAA");\n');
  const fetch = fileFetch({ root, base: '/' });
  expect(new Uint8Array(await (await fetch(`${base}search/papers.bin`)).arrayBuffer())).toEqual(new Uint8Array([1, 2]));
  await expect(fetch(`${base}search/words.txt`)).rejects.toThrow('is not a data file of a packed copy');
  await expect(fetch(`${base}search/other.txt`)).rejects.toThrow('is not a data file of a packed copy');
});

test('a link out of the folder is refused, naming where it leads', async () => {
  const { root, base } = site();
  const secret = path.join(tempDir('outside-'), 'secret.json');
  writeFileSync(secret, '{"password":"x"}');
  symlinkSync(secret, path.join(root, 'search', 'index.json'));
  await expect(fileFetch({ root, base: '/' })(`${base}search/index.json`)).rejects.toThrow(`leads out of ${root}`);
});
