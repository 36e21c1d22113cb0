// `papers pack` end to end: the fixture site this run built (tests/e2e/setup/fixture-site.ts),
// packed as .tar.gz and .zip by the real command, unpacked with the system's tar and unzip
// into a temporary folder, and used in a real Chromium with every network request blocked:
// opened from disk (file://) and through the pack's own serve.mjs, it browses (home → day →
// paper → day) and searches (a query, its results as a citation file, a result's page), with no
// script error; and that serve.mjs refuses a link out of the copy, a redirect off it and another
// host name.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchTestChromium } from '../../../helpers/browser.ts';
import { runPapers } from '../../../helpers/cli.ts';
import { rawGet } from '../../../helpers/serve-refusals.ts';
import { tempDir } from '../../../helpers/temp.ts';

let browser: Browser;
let dir: string;
const servers: ChildProcess[] = [];

beforeAll(async () => {
  dir = tempDir('pack-');
  browser = await launchTestChromium();
});
afterAll(async () => {
  await Promise.all(servers.map(stopServer));
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Stops a serve.mjs, and waits until it has. */
function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once('exit', () => resolve());
    server.kill();
  });
}

/** A context where anything but the copy itself (file:// or the pack's server) fails. */
async function offlineContext(allowedOrigin: string | null): Promise<{ context: BrowserContext; blocked: string[] }> {
  const context = await browser.newContext();
  const blocked: string[] = [];
  await context.route(/^(https?|wss?):/, (route) => {
    const url = route.request().url();
    if (allowedOrigin && url.startsWith(`${allowedOrigin}/`)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return { context, blocked };
}

/**
 * Clicks a link and waits for the page it names to load. (Waiting for 'load' alongside the click
 * would end at once, on the page already loaded: a loaded machine then typed into that page.)
 */
async function follow(page: Page, selector: string | Locator): Promise<string> {
  const link = typeof selector === 'string' ? page.locator(selector).first() : selector;
  const href = (await link.getAttribute('href')) ?? '';
  const target = await link.evaluate((a) => (a as HTMLAnchorElement).href);
  await Promise.all([page.waitForURL(target, { waitUntil: 'load' }), link.click()]);
  return href;
}

/** Home → a day → a paper → back to a day, then a search and one of its results. */
async function browseAndSearch(home: string, allowedOrigin: string | null): Promise<string[]> {
  const { context, blocked } = await offlineContext(allowedOrigin);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Thumbnails, blocked, are "Failed to load resource"; anything else (a module or a fetch the
  // browser refused from file://) is a fault of the copy.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  try {
    await page.goto(home);
    expect(await page.title()).toContain('Daily Papers Archive');
    // The stylesheet loaded: the page is laid out, not bare HTML.
    expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);

    await follow(page, 'main a[href*="days/2026-"][href$="index.html"]');
    expect(page.url()).toMatch(/\/days\/2026-\d\d-\d\d\/(index\.html)?$/);
    const paper = await follow(page, 'main a[href*="papers/2"][href$="index.html"]');
    expect(paper).toMatch(/papers\/\d{4}\.\d{4,5}\/index\.html$/);
    expect(page.url()).toMatch(/\/papers\/\d{4}\.\d{4,5}\/(index\.html)?$/);
    await follow(page, 'main a[href*="days/2026-"][href$="index.html"]');
    expect(page.url()).toMatch(/\/days\/2026-\d\d-\d\d\/(index\.html)?$/);

    await follow(page, 'a[href*="search/"]');
    await page.fill('input[name="q"]', 'video');
    await page.press('input[name="q"]', 'Enter');
    // A loaded machine may take a while: the results, not a fixed pause, end the wait.
    await page.waitForURL(/[?&]q=video/);
    const result = page.locator('#search-results li a[href*="papers/"]').first();
    // Should no result come, the failure says what the page said instead.
    await result.waitFor({ timeout: 60_000 }).catch(async (error: Error) => {
      const status = await page.locator('#search-status').textContent();
      throw new Error(`no result at ${page.url()}; the page says "${status}"; errors: ${errors.join(' | ')}`, {
        cause: error,
      });
    });
    expect(await page.locator('#search-results li').count()).toBeGreaterThan(0);
    // Every result as a citation file, made in the page and downloaded (client/search-export.ts).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#search-export button[data-format="bibtex"]').click(),
    ]);
    const found = /^(\d+) papers? found/.exec((await page.locator('#search-status').textContent()) ?? '')?.[1];
    const bib = readFileSync((await download.path())!, 'utf8');
    expect(bib.match(/^@misc\{/gm)?.length).toBe(Number(found));
    const href = await follow(page, result);
    expect(page.url()).toMatch(/\/papers\/\d{4}\.\d{4,5}\/(index\.html)?$/);
    expect(href).toMatch(/papers\/\d{4}\.\d{4,5}\/index\.html$/);
    expect(errors).toEqual([]);
    return blocked;
  } finally {
    await context.close();
  }
}

function unpack(file: string, into: string): void {
  if (file.endsWith('.zip')) execFileSync('unzip', ['-q', file, '-d', into]);
  else execFileSync('tar', ['-xzf', file, '-C', into]);
}

/** Where each format was unpacked, for the tests after its own. */
const unpacked: Record<string, string> = {};

describe.each(['archive.tar.gz', 'archive.zip'])('%s', (name) => {
  let top: string;

  beforeAll(async () => {
    const { dist } = inject('fixtureSite');
    const out = path.join(dir, name);
    const run = await runPapers(['pack', '--site', dist, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Packed ${dist} into ${out}`);
    const into = path.join(dir, `${name}-unpacked`);
    execFileSync('mkdir', ['-p', into]);
    unpack(out, into);
    top = path.join(into, 'archive');
    expect(existsSync(path.join(top, 'index.html'))).toBe(true);
    unpacked[name] = top;
  });

  test('browses and searches opened from disk, with the network blocked', async () => {
    const blocked = await browseAndSearch(pathToFileURL(path.join(top, 'index.html')).href, null);
    // Nothing but the thumbnails (Hugging Face's CDN) is asked of any network.
    for (const url of blocked) expect(url).toMatch(/^https:\/\/[^/]*huggingface\.co\//);
  });

  test('browses and searches through its serve.mjs', async () => {
    const server = spawn(process.execPath, [path.join(top, 'serve.mjs'), '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    servers.push(server);
    const origin = await new Promise<string>((resolve, reject) => {
      server.stdout!.on('data', (chunk: Buffer) => {
        const url = /http:\/\/127\.0\.0\.1:\d+/.exec(chunk.toString())?.[0];
        if (url) resolve(url);
      });
      server.on('exit', (code) => reject(new Error(`serve.mjs exited ${code}`)));
    });
    // The archive's own media types (scraper/offline/media-types.ts), written into serve.mjs.
    for (const [file, type] of [
      ['index.html', 'text/html; charset=utf-8'],
      ['_disk/disk.js', 'text/javascript; charset=utf-8'],
      ['rss.xml', 'application/xml; charset=utf-8'],
      ['favicon.svg', 'image/svg+xml'],
      ['data/papers-2026.jsonl', 'application/jsonl; charset=utf-8'],
      ['days/2026-08-05.csl.json', 'application/vnd.citationstyles.csl+json; charset=utf-8'],
    ]) {
      expect((await fetch(`${origin}/${file}`)).headers.get('content-type'), file).toBe(type);
    }
    const blocked = await browseAndSearch(`${origin}/`, origin);
    for (const url of blocked) expect(url).toMatch(/^https:\/\/[^/]*huggingface\.co\//);
  });

  test('its serve.mjs serves nothing outside the copy, redirects only on it, answers only its own host', async () => {
    const server = spawn(process.execPath, [path.join(top, 'serve.mjs'), '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    servers.push(server);
    const port = await new Promise<number>((resolve, reject) => {
      server.stdout!.on('data', (chunk: Buffer) => {
        const found = /http:\/\/127\.0\.0\.1:(\d+)/.exec(chunk.toString())?.[1];
        if (found) resolve(Number(found));
      });
      server.on('exit', (code) => reject(new Error(`serve.mjs exited ${code}`)));
    });
    const secret = path.join(dir, `${name}-secret.txt`);
    writeFileSync(secret, 'outside the copy');
    symlinkSync(secret, path.join(top, 'passwd.txt'));
    const leak = await rawGet(port, '/passwd.txt');
    expect([leak.status, leak.body.includes('outside the copy')]).toEqual([404, false]);
    const redirect = await rawGet(port, '//evil.example/..%2fdays');
    expect([redirect.status, redirect.headers.location]).toEqual([301, '/days/']);
    expect((await rawGet(port, '/', 'evil.example')).status).toBe(421);
    expect((await rawGet(port, '/', `localhost:${port}`)).status).toBe(200);
  });
});

// The reading list from disk (site/client/stars.ts, list-page.ts): localStorage is the file://
// origin's, pages' scripts are classic, and nothing is fetched: a card's star of 57 authors
// (its card names 50) is completed by opening the paper's page, not by reading it from the list.
test('the reading list works from disk: star, list, complete from the paper page, export', async () => {
  const top = unpacked['archive.tar.gz']!;
  const { context } = await offlineContext(null);
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const file = (p: string) => pathToFileURL(path.join(top, p)).href;
    const many = '2606.30534';
    await page.goto(file('days/2026-07-01/index.html'));
    const star = page.locator(`button[data-star="${many}"]`);
    await star.click();
    expect(await star.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    expect(await star.getAttribute('aria-pressed')).toBe('true');

    await page.goto(file('list/index.html'));
    const item = page.locator('[data-items] li');
    expect(await item.count()).toBe(1);
    expect(await item.locator('a').getAttribute('href')).toBe(`../papers/${many}/index.html`);
    expect(await item.textContent()).toContain('Not every author is listed here yet');
    await item.locator('a').click();
    await page.waitForURL(/papers\/2606\.30534\/index\.html$/);
    await page.goto(file('list/index.html'));
    expect(await item.textContent()).not.toContain('Not every author');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'BibTeX file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('reading-list.bib');
    const bib = readFileSync((await download.path())!, 'utf8');
    expect(bib).toMatch(/^@\w+\{/);
    expect(bib).toContain(many);
    // Every author, the 57th too ("Pengwei Wang", last of the paper's list).
    expect(bib.match(/author = \{([^\n]*)\},?\n/)?.[1]?.split(' and ')).toHaveLength(57);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a file name that is neither .tar.gz nor .zip is a usage error, exit 2', async () => {
  const run = await runPapers(['pack', '--site', inject('fixtureSite').dist, '--out', path.join(dir, 'x.rar')]);
  expect(run.code).toBe(2);
  expect(run.stderr).toBe(
    'papers pack: --out must end with .tar.gz, .tgz or .zip, not "x.rar"\nRun \'papers pack --help\' for usage.\n',
  );
});

test('an output folder that does not exist is one line, exit 1, and nothing is written', async () => {
  const out = path.join(dir, 'missing', 'x.tar.gz');
  const run = await runPapers(['pack', '--site', inject('fixtureSite').dist, '--out', out]);
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(`papers pack: ${out}: its folder ${path.dirname(out)} does not exist\n`);
  expect(existsSync(path.dirname(out))).toBe(false);
});

test('a folder with no built site is refused in one line that says how to build one, exit 1', async () => {
  const run = await runPapers(['pack', '--site', dir, '--out', path.join(dir, 'x.zip')]);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('holds no built archive (no index.html): build one with `npm run build`');
  expect(existsSync(path.join(dir, 'x.zip'))).toBe(false);
});
