// Carried-over pages linked into place before Astro generates the site
// (site/integrations/carry-over.ts): only paths whose key the last build recorded unchanged, only
// files inside the folders, and nothing that is not Astro's to decide (a missing cached copy, a
// file already there). The whole build with it equals a full build: tests/e2e/site/incremental.test.ts.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import {
  CACHE_MANIFEST,
  CACHED_PAGES,
  carryOver,
  carryPlan,
  insidePath,
} from '../../../../site/integrations/carry-over.ts';
import { tempDir } from '../../../helpers/temp.ts';

const DAY = 'site/pages/days/[date].astro';
const manifest = (paths: Record<string, { cacheKey: string; outputFile: string }>) => ({
  version: 1,
  configHash: 'c',
  lockfileHash: 'l',
  keyDigest: 'k',
  routes: { [DAY]: { dependencyHash: 'd', paths } },
});

test('insidePath: plain relative segments only', () => {
  for (const ok of ['days/2026-08-06/index.html', 'index.html', 'days/x.json']) expect(insidePath(ok)).toBe(true);
  for (const bad of ['', '/etc/passwd', '../x', 'days/../../x', 'days//x', './x', 'days\\x', 'a\0b', 'days/.'])
    expect(insidePath(bad)).toBe(false);
});

test('carryPlan: a path whose key is unchanged, with the file the last build wrote', () => {
  const m = manifest({
    '/days/a': { cacheKey: 'K1', outputFile: 'days/a/index.html' },
    '/days/b': { cacheKey: 'K2', outputFile: 'days/b/index.html' },
    '/days/c': { cacheKey: 'K3', outputFile: '../../outside.html' },
  });
  const paths = [
    { component: DAY, pathname: '/days/a', cacheKey: 'K1' },
    { component: DAY, pathname: '/days/b', cacheKey: 'changed' },
    { component: DAY, pathname: '/days/c', cacheKey: 'K3' },
    { component: DAY, pathname: '/days/new', cacheKey: 'K4' },
    { component: DAY, pathname: '/days/a', cacheKey: undefined },
    { component: 'site/pages/other.astro', pathname: '/days/a', cacheKey: 'K1' },
  ];
  expect(carryPlan(m, paths)).toEqual(['days/a/index.html']);
  for (const unusable of [null, 'text', { version: 2, routes: m.routes }, { version: 1 }, { version: 1, routes: null }])
    expect(carryPlan(unusable, paths)).toEqual([]);
});

test('carryOver links the cached copy into place; leaves a missing copy or an existing file to Astro', () => {
  const root = tempDir('carry-over-');
  const [cache, out] = [path.join(root, 'cache'), path.join(root, 'dist')];
  const cached = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(cache, CACHED_PAGES, file)), { recursive: true });
    writeFileSync(path.join(cache, CACHED_PAGES, file), text);
  };
  cached('days/a/index.html', 'A');
  cached('days/c/index.html', 'C');
  writeFileSync(
    path.join(cache, CACHE_MANIFEST),
    JSON.stringify(
      manifest({
        '/days/a': { cacheKey: 'K', outputFile: 'days/a/index.html' },
        '/days/b': { cacheKey: 'K', outputFile: 'days/b/index.html' },
        '/days/c': { cacheKey: 'K', outputFile: 'days/c/index.html' },
      }),
    ),
  );
  mkdirSync(path.join(out, 'days', 'c'), { recursive: true });
  writeFileSync(path.join(out, 'days', 'c', 'index.html'), 'already there');
  const paths = ['a', 'b', 'c'].map((d) => ({ component: DAY, pathname: `/days/${d}`, cacheKey: 'K' }));
  expect(carryOver(cache, out, paths)).toBe(1);
  const linked = path.join(out, 'days', 'a', 'index.html');
  expect(readFileSync(linked, 'utf8')).toBe('A');
  expect(statSync(linked).ino).toBe(statSync(path.join(cache, CACHED_PAGES, 'days/a/index.html')).ino);
  expect(() => statSync(path.join(out, 'days', 'b', 'index.html'))).toThrow();
  expect(readFileSync(path.join(out, 'days', 'c', 'index.html'), 'utf8')).toBe('already there');
  // No cache at all, or a manifest that is not JSON: nothing linked, nothing thrown.
  expect(carryOver(path.join(root, 'none'), out, paths)).toBe(0);
  writeFileSync(path.join(cache, CACHE_MANIFEST), '{not json');
  expect(carryOver(cache, path.join(root, 'dist2'), paths)).toBe(0);
});
