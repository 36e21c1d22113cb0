// The Pagefind script and WebAssembly `papers search` runs are the installed Pagefind's, taken
// from its binary once and kept; where nothing can be kept they are held in memory. Never a
// site's own copy.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { installedPagefindVersion, pagefindRuntime } from '../../../../../scraper/offline/search/pagefind-runtime.ts';
import { tempDir } from '../../../../helpers/temp.ts';

test('made from the installed Pagefind, kept, and read back', async () => {
  const cache = tempDir('cache-');
  const runtime = await pagefindRuntime(cache);
  const version = installedPagefindVersion();
  expect(version).toMatch(/^\d+\.\d+\.\d+/);
  expect(runtime.version).toBe(version);
  const dir = path.join(cache, 'daily-papers-archive', `pagefind-${version}`);
  expect(runtime.scriptUrl).toBe(`file://${dir}/pagefind.js`);
  const script = readFileSync(fileURLToPath(runtime.scriptUrl), 'utf8');
  expect(script).toContain(`pagefind_version="${version}"`);
  expect(script).toContain('export{');
  for (const language of ['en', 'unknown']) {
    const wasm = runtime.wasm.get(language)!;
    expect(readFileSync(path.join(dir, `wasm.${language}.pagefind`))).toEqual(Buffer.from(wasm));
    expect(wasm.length).toBeGreaterThan(10_000);
  }
  const module = (await import(runtime.scriptUrl)) as Record<string, unknown>;
  expect(typeof module['search']).toBe('function');
});

test('where nothing can be kept, held in memory', async () => {
  const file = path.join(tempDir('cache-'), 'a-file');
  writeFileSync(file, '');
  const runtime = await pagefindRuntime(file);
  expect(runtime.scriptUrl).toMatch(/^data:text\/javascript;base64,/);
  expect(existsSync(path.join(file, 'daily-papers-archive'))).toBe(false);
  const module = (await import(runtime.scriptUrl)) as Record<string, unknown>;
  expect(typeof module['mergeIndex']).toBe('function');
});
