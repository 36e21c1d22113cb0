// The main search index kept between builds and the file moves the build makes
// (site/integrations/search-index-cache.ts), on real folders.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  copyTree,
  indexCache,
  indexKey,
  moveInto,
  ownFolder,
} from '../../../../site/integrations/search-index-cache.ts';
import { tempDir } from '../../../helpers/temp.ts';

/** A folder shaped like an index: files at the top and in subfolders. */
function tree(files: Record<string, string>): string {
  const dir = tempDir('tree-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function read(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile())
      out[path.relative(dir, path.join(e.parentPath, e.name))] = readFileSync(path.join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

const INDEX = {
  'pagefind.js': 'js',
  'index/a.pf_index': 'a',
  'fragment/f1.pf_fragment': '1',
  'fragment/f2.pf_fragment': '2',
};

describe('copyTree and moveInto', () => {
  test('copyTree copies every file and folder, many files at once', () => {
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`fragment/f${i}`, `${i}`]));
    const from = tree({ ...INDEX, ...many });
    const to = path.join(tempDir('to-'), 'copy');
    return copyTree(from, to).then(() => expect(read(to)).toEqual(read(from)));
  });

  test('moveInto renames what the target lacks and merges into folders it has', async () => {
    const from = tree({ 'pagefind/pagefind.js': 'js', 'search/papers.bin': 'table' });
    const to = tree({ 'search/engine.mjs': 'engine', 'index.html': 'page' });
    await moveInto(from, to);
    expect(read(to)).toEqual({
      'index.html': 'page',
      'pagefind/pagefind.js': 'js',
      'search/engine.mjs': 'engine',
      'search/papers.bin': 'table',
    });
    expect(existsSync(path.join(from, 'pagefind'))).toBe(false);
  });
});

describe('indexKey', () => {
  test('changes with any record, their order, or what else shapes the index', () => {
    const key = indexKey([{ url: '/a/' }, { url: '/b/' }], { pagefind: '1.6.0' });
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(indexKey([{ url: '/a/' }, { url: '/b/' }], { pagefind: '1.6.0' })).toBe(key);
    expect(indexKey([{ url: '/b/' }, { url: '/a/' }], { pagefind: '1.6.0' })).not.toBe(key);
    expect(indexKey([{ url: '/a/' }, { url: '/c/' }], { pagefind: '1.6.0' })).not.toBe(key);
    expect(indexKey([{ url: '/a/' }, { url: '/b/' }], { pagefind: '1.7.0' })).not.toBe(key);
  });
});

describe('indexCache', () => {
  test('restores nothing it has not stored, and what it stored under its key alone', async () => {
    const cache = indexCache(path.join(tempDir('cache-'), 'search-index'));
    const to = path.join(tempDir('site-'), 'pagefind');
    expect(await cache.restore('k1', to)).toBeNull();
    expect(existsSync(to)).toBe(false);

    await cache.store('k1', tree(INDEX), 'diffusion models');
    expect(await cache.restore('k2', to)).toBeNull();
    expect(await cache.restore('k1', to)).toBe('diffusion models');
    expect(read(to)).toEqual(INDEX);
  });

  test('keeps one index: storing another removes the last, and a half-written copy is never restored', async () => {
    const dir = path.join(tempDir('cache-'), 'search-index');
    const cache = indexCache(dir);
    await cache.store('k1', tree(INDEX), 'a');
    await cache.store('k2', tree({ 'pagefind.js': 'new' }), 'b');
    expect(readdirSync(dir)).toEqual(['k2']);
    // A killed build's copy in progress: under a name no key has.
    mkdirSync(path.join(dir, '.k3-abc'));
    // A folder under a key in another layout (no words kept with it): no index.
    mkdirSync(path.join(dir, 'k4', 'index'), { recursive: true });
    expect(await cache.restore('k4', path.join(tempDir('site-'), 'pagefind'))).toBeNull();
    expect(await cache.restore('k3', path.join(tempDir('site-'), 'pagefind'))).toBeNull();
    await cache.store('k3', tree(INDEX), 'c');
    expect(readdirSync(dir)).toEqual(['k3']);
  });

  test('the site’s copy shares the cache’s files (hard links): a file replaced in the site leaves the cache as stored', async () => {
    const cache = indexCache(path.join(tempDir('cache-'), 'search-index'));
    await cache.store('k1', tree(INDEX), 'a');
    const to = path.join(tempDir('site-'), 'pagefind');
    await cache.restore('k1', to);
    expect(statSync(path.join(to, 'index', 'a.pf_index')).nlink).toBeGreaterThan(1);
    writeFileSync(path.join(to, 'pagefind.js.part'), 'js and more');
    renameSync(path.join(to, 'pagefind.js.part'), path.join(to, 'pagefind.js'));
    const again = path.join(tempDir('site-'), 'pagefind');
    await cache.restore('k1', again);
    expect(readFileSync(path.join(again, 'pagefind.js'), 'utf8')).toBe('js');
  });
});

describe('ownFolder', () => {
  test('a killed build’s folder is removed, a running one’s is kept, and this process gets its own', async () => {
    const dir = tempDir('cache-');
    const dead = path.join(dir, 'search-staging-2147483000-abc');
    const alive = path.join(dir, `search-staging-${process.ppid}-abc`);
    const other = path.join(dir, 'search-index');
    for (const d of [dead, alive, other]) mkdirSync(d);
    const own = await ownFolder(dir, 'search-staging-');
    expect(path.basename(own)).toMatch(new RegExp(`^search-staging-${process.pid}-`));
    expect(readdirSync(dir).sort()).toEqual([path.basename(alive), path.basename(own), 'search-index'].sort());
  });
});
