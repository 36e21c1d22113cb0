// `papers search` against the fixture site this run built (tests/e2e/setup/fixture-site.ts):
// for words, ids, links, names, filters and sorts, the terminal gives the papers the site's
// search page gives in Chromium, in the same order; an index older than the archive, or none,
// is one line that says how to build it. The comparisons run the command in this process
// (runMain, as the CLI's own tests do); the printed form and the errors through a real `papers`
// process.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { runMain, runPapers } from '../../../helpers/cli.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { SITE_FIXTURE } from '../../site/fixture.ts';
import { fixturePapers, resultIds, showSearch } from '../../site/search-helpers.ts';
import { type ServedSite, serveFixtureSite } from '../../site/site-helpers.ts';

let site: ServedSite;
let page: Page;
beforeAll(async () => {
  site = await serveFixtureSite();
  page = await (await site.browser.newContext()).newPage();
});
afterAll(async () => {
  await site?.close();
});

/** What the site's search page lists for a search URL, as paper ids in order (one page for all). */
async function browserIds(params: URLSearchParams): Promise<string[]> {
  await showSearch(page, site.at(`search/?${params}`));
  return resultIds(page);
}

const jsonLines = (text: string): Record<string, unknown>[] =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** The same search from the terminal, as ids in order (--json). */
async function terminalIds(params: URLSearchParams, limit: number): Promise<string[]> {
  const args = ['search', '--site', inject('fixtureSite').dist, '--content', SITE_FIXTURE, '--json'];
  args.push('--limit', String(Math.max(limit, 1)));
  for (const [key, value] of params) {
    if (key === 'q') args.push(value);
    else if (key === 'sort') args.push('--sort', value);
    else args.push('--filter', `${key}=${value}`);
  }
  const run = await runMain(args);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return jsonLines(run.stdout)
    .filter((l) => l['type'] === 'result')
    .map((l) => l['id'] as string);
}

const papers = fixturePapers();
const some = papers.find((p) => p.paper.authors.length > 1 && p.paper.aiKeywords.length > 0)!.paper;
const withOrg = papers.find((p) => p.paper.organization)!.paper;
const QUERIES: [label: string, params: Record<string, string>][] = [
  ['a common word', { q: 'model' }],
  ['two words', { q: 'video generation' }],
  ['a title', { q: some.title }],
  ['an arXiv id with its version', { q: `${some.id}v2` }],
  ['an arXiv PDF link', { q: `https://arxiv.org/pdf/${some.id}` }],
  ['a Hugging Face paper link', { q: `https://huggingface.co/papers/${some.id}` }],
  ["an author's name", { q: some.authors[1]! }],
  ['an author filter', { author: some.authors[0]! }],
  ['a keyword filter in other case', { keyword: some.aiKeywords[0]!.toUpperCase() }],
  ['an organization filter and a sort', { organization: withOrg.organization!.name, sort: 'upvotes' }],
  ['a sort alone', { sort: 'upvotes' }],
  ['a year and newest first', { year: '2026', sort: 'newest' }],
  ['words and a month', { q: 'learning', month: '2026-07' }],
  ['words with code, oldest first', { q: 'model', code: 'yes', sort: 'oldest' }],
];

describe('the terminal finds what the search page finds, in the same order', () => {
  const found: number[] = [];
  test.each(QUERIES)('%s', async (_label, given) => {
    const params = new URLSearchParams(given);
    const shown = await browserIds(params);
    expect(await terminalIds(params, shown.length)).toEqual(shown);
    found.push(shown.length);
  });

  // Equal lists prove little when they are empty: nearly every search above finds papers.
  test('most of these searches find something', () => {
    expect(found).toHaveLength(QUERIES.length);
    expect(found.filter((n) => n > 0).length).toBeGreaterThanOrEqual(QUERIES.length - 2);
  });
});

test('prints rank, date, votes, title, authors and excerpt; plain text into a pipe', async () => {
  const site = inject('fixtureSite').dist;
  const run = await runPapers(['search', '--site', site, '--content', SITE_FIXTURE, '--limit', '2', some.id]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`  1. ${some.title}`);
  expect(run.stdout).toContain(some.id);
  expect(run.stdout).not.toContain('\u001b[');
  expect(run.stdout.trim().split('\n').at(-1)).toBe('1 paper');
});

test('a filter it does not know, or one without a value, is a usage error naming it, exit 2', async () => {
  const site = inject('fixtureSite').dist;
  const unknown = await runMain(['search', '--site', site, '--content', SITE_FIXTURE, '--filter', 'venue=ICLR', 'x']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain(
    'papers search: --filter venue=…: no such filter; the filters are author, year, month, from, to, upvotes, organization, keyword, code',
  );
  const bare = await runMain(['search', '--site', site, '--filter', 'year']);
  expect(bare.code).toBe(2);
  expect(bare.stderr).toContain('papers search: --filter takes KEY=VALUE (e.g. year=2025), not "year"');
  const nothing = await runMain(['search', '--site', site]);
  expect(nothing.code).toBe(2);
  expect(nothing.stderr).toContain('give words to search for, a --filter or a --sort');
});

describe('an index it cannot use is one line that says how to build one, exit 1', () => {
  test('an archive named with --content that the index was not built from', async () => {
    const content = path.join(tempDir('search-'), 'archive');
    cpSync(SITE_FIXTURE, content, { recursive: true });
    writeFileSync(path.join(content, 'days', '2026', '2026-08-05.md'), '\n', { flag: 'a' });
    const run = await runPapers(['search', '--site', inject('fixtureSite').dist, '--content', content, 'video']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`the search index was built from another archive folder than ${content}`);
    expect(run.stderr).toContain('search it without --content, or rebuild it from that folder with');
    // Without --content, ./content (the repository's) is not what it was built from: searched as it is.
    const plain = await runPapers(['search', '--site', inject('fixtureSite').dist, 'video']);
    expect(plain.stderr).toBe('');
    expect(plain.code).toBe(0);
  });

  test('a folder with no site', async () => {
    const run = await runPapers(['search', '--site', tempDir('search-'), 'video']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('holds no built archive (no index.html): build one with `npm run build`');
  });

  test('an index of another format', async () => {
    const copy = path.join(tempDir('search-'), 'site');
    cpSync(inject('fixtureSite').dist, copy, { recursive: true });
    const manifest = path.join(copy, 'search', 'index.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/"format":2/, '"format":1'));
    const run = await runPapers(['search', '--site', copy, 'video']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^papers search: .*: its search index is of format 1, and papers search reads format 2/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('a site from elsewhere is data: searching it runs none of its code', () => {
  test('a copy whose scripts were replaced gives the same papers, and the planted code never runs', async () => {
    const copy = path.join(tempDir('search-'), 'site');
    cpSync(inject('fixtureSite').dist, copy, { recursive: true });
    const marker = path.join(tempDir('search-'), 'ran');
    const payload = `import('node:fs').then((fs) => fs.writeFileSync(${JSON.stringify(marker)}, 'ran'));\n`;
    // Scripts where a site's search would keep them, and every script its pages load.
    writeFileSync(path.join(copy, 'search', 'engine.mjs'), `${payload}export const runSearch = () => null;\n`);
    writeFileSync(path.join(copy, 'search', 'index.js'), payload);
    for (const file of readdirSync(path.join(copy, '_astro')).filter((f) => f.endsWith('.js'))) {
      writeFileSync(path.join(copy, '_astro', file), payload);
    }
    const args = ['--json', '--limit', '20', 'model'];
    const planted = await runMain(['search', '--site', copy, ...args]);
    const plain = await runMain(['search', '--site', inject('fixtureSite').dist, ...args]);
    expect(planted.stderr).toBe('');
    expect(planted.code).toBe(0);
    expect(planted.stdout).toBe(plain.stdout);
    expect(jsonLines(plain.stdout).filter((l) => l['type'] === 'result').length).toBeGreaterThan(5);
    expect(existsSync(marker)).toBe(false);
  });

  test('an unpacked packed copy is searched from its data files, as the site it was packed from; it says it is a snapshot', async () => {
    const dir = tempDir('search-');
    const packed = path.join(dir, 'copy.tar.gz');
    const pack = await runMain(['pack', '--site', inject('fixtureSite').dist, '--out', packed]);
    expect(pack.code).toBe(0);
    execFileSync('tar', ['-xzf', packed, '-C', dir]);
    // A copy says what it is, and never that the archive may have stopped updating.
    const home = readFileSync(path.join(dir, 'copy', 'index.html'), 'utf8');
    expect(home).toContain('<p class="updated">Snapshot of the archive as of <time');
    expect(home).not.toContain('data-stale-notice');
    for (const args of [['model'], ['--sort', 'upvotes', '--filter', 'year=2026'], [some.id]]) {
      const fromCopy = await runMain(['search', '--site', path.join(dir, 'copy'), '--json', '--limit', '50', ...args]);
      const fromSite = await runMain([
        'search',
        '--site',
        inject('fixtureSite').dist,
        '--json',
        '--limit',
        '50',
        ...args,
      ]);
      expect(fromCopy.stderr).toBe('');
      expect(fromCopy.code).toBe(0);
      expect(fromCopy.stdout).toBe(fromSite.stdout);
    }
  });
});
