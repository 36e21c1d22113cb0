// `papers pack` (in process) with file names that cannot name the folder inside (`..zip`,
// `...tar.gz`): the pack is written under the name asked for, its entries all sit in
// the default top folder, and unzip and tar, run in an empty folder, put everything inside that
// one folder and nothing beside it or above it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runMain } from '../../../../helpers/cli.ts';
import { tempDir } from '../../../../helpers/temp.ts';

/** The folder a pack holds when its file's name cannot name one (DEFAULT_TOP_FOLDER in pack.ts). */
const DEFAULT_TOP_FOLDER = 'daily-papers-archive';

const SITE: Record<string, string> = {
  'index.html':
    '<html><head><link rel="canonical" href="https://me.github.io/"><link rel="stylesheet" href="/_astro/site.css"></head>' +
    '<body><a href="/days/2026-08-07/">a day</a></body></html>',
  'days/2026-08-07/index.html': '<html><body><a href="/">home</a></body></html>',
  '_astro/site.css': 'body{color:black}',
  'rss.xml': '<rss></rss>',
};

let site: string;
beforeAll(() => {
  site = tempDir('site-');
  for (const [name, content] of Object.entries(SITE)) {
    mkdirSync(path.dirname(path.join(site, name)), { recursive: true });
    writeFileSync(path.join(site, name), content);
  }
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

/** Every path under `dir`, relative to it, folders with a trailing slash. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)) + (e.isDirectory() ? '/' : ''))
    .sort();
}

test.each([
  ['..zip', (file: string) => execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }), ['unzip', '-q']],
  ['...tar.gz', (file: string) => execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }), ['tar', '-xzf']],
] as const)('--out %s: every entry is inside the default top folder, and unpacks there', async (name, list, unpack) => {
  const dir = tempDir('pack-');
  const out = path.join(dir, name);
  const run = await runMain(['pack', '--site', site, '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`Unpack it and open ${DEFAULT_TOP_FOLDER}/index.html in a browser.`);
  expect(readdirSync(dir)).toEqual([name]);

  const entries = list(out).trim().split('\n');
  expect(entries.length).toBeGreaterThan(Object.keys(SITE).length);
  for (const entry of entries) expect(entry).toMatch(new RegExp(`^${DEFAULT_TOP_FOLDER}/[^/]`));

  // Unpacked as a person would, in the folder they are in: one new folder, nothing else.
  const here = path.join(dir, 'here');
  mkdirSync(here);
  execFileSync(unpack[0], [...unpack.slice(1), out], { cwd: here });
  expect(readdirSync(dir).sort()).toEqual([name, 'here'].sort());
  expect(readdirSync(here)).toEqual([DEFAULT_TOP_FOLDER]);
  expect(tree(here)).toContain(`${DEFAULT_TOP_FOLDER}/days/2026-08-07/index.html`);
  expect(tree(here)).toContain(`${DEFAULT_TOP_FOLDER}/README.txt`);
});
