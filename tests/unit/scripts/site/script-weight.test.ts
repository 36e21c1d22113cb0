// The benchmark's count of a page's client script (scripts/site/script-weight.ts): what the page
// names and everything that imports statically, once each, as it opens; what a dynamic import
// adds, apart; JSON in script tags is not script; a script named out of the site, or on another
// host, is refused, not read.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { scriptWeight } from '../../../../scripts/site/script-weight.ts';
import { tempDir } from '../../../helpers/temp.ts';

const gz = (text: string) => gzipSync(text, { level: 9 }).length;

test('static imports count as the page opens, dynamic ones apart, each file once', () => {
  const dist = tempDir('script-weight-');
  const files: Record<string, string> = {
    'a.js': 'import{x}from"./b.js";import"./shared.js";const f=()=>import(`./c.js`);console.log(x,f);',
    'b.js': 'import"./shared.js";export const x=1;',
    'shared.js': 'export const shared=2;',
    'c.js': 'import{x}from"./b.js";import{d}from"./d.js";export const c=x+d;',
    'd.js': 'export const d=3;',
    'unused.js': 'export const never=4;',
  };
  mkdirSync(path.join(dist, '_astro'));
  mkdirSync(path.join(dist, 'list'));
  for (const [name, code] of Object.entries(files)) writeFileSync(path.join(dist, '_astro', name), code);
  const inline = 'document.documentElement.dataset.theme="dark"';
  writeFileSync(
    path.join(dist, 'list', 'index.html'),
    `<html><head><script>${inline}</script><script type="application/ld+json">{"@type":"WebPage"}</script>` +
      '<script type="module" src="/_astro/a.js"></script></head><body></body></html>',
  );
  const w = scriptWeight(dist, 'list/');
  expect(w.open).toBe(gz(inline) + gz(files['a.js']!) + gz(files['b.js']!) + gz(files['shared.js']!));
  expect(w.onDemand).toBe(gz(files['c.js']!) + gz(files['d.js']!));
  expect(w.openFiles).toEqual(['_astro/a.js', '_astro/b.js', '_astro/shared.js']);
  expect(w.onDemandFiles).toEqual(['_astro/c.js', '_astro/d.js']);
});

test('a script named out of the site or on another host is refused, with the name', () => {
  const dist = tempDir('script-weight-');
  const outside = tempDir('script-weight-outside-');
  writeFileSync(path.join(outside, 'secret.js'), 'export const secret=1;');
  mkdirSync(path.join(dist, '_astro'));
  writeFileSync(path.join(dist, '_astro', 'a.js'), `import"../../${path.basename(outside)}/secret.js";`);
  const page = (name: string, src: string) => {
    mkdirSync(path.join(dist, name));
    writeFileSync(path.join(dist, name, 'index.html'), `<script type="module" src="${src}"></script>`);
  };
  page('up', '/../../etc/passwd.js');
  page('cdn', 'https://cdn.example/x.js');
  page('escape', '/dpa/_astro/a.js');
  expect(() => scriptWeight(dist, 'up/')).toThrow(/"\/\.\.\/\.\.\/etc\/passwd\.js" is not a file of the site/);
  expect(() => scriptWeight(dist, 'cdn/')).toThrow(
    /"https:\/\/cdn\.example\/x\.js" is not a file of the site under \//,
  );
  expect(() => scriptWeight(dist, 'escape/', '/dpa/')).toThrow(/secret\.js" is not a file of the site under \/dpa\//);
});
