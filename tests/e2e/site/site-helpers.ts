// Shared by the site's browser tests: build an archive folder with Astro's own build(), serve
// the result with the project's static server on a free port, and watch a page for anything
// the data could make it do (dialogs, requests elsewhere).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'astro';
import type { Browser, Page } from 'playwright-core';
import { parseDayFile } from '../../../scraper/archive/day-file.ts';
import type { Day } from '../../../scraper/archive/schema.ts';
import { launchChromium } from '../../../scraper/fetch/chromium.ts';
import { REPO_ROOT } from '../../../scraper/repo.ts';
import { type StaticServer, serveStatic } from '../../../scripts/site/serve.ts';

export const SITE_FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/site/archive');
export const TEST_SITE_URL = 'https://archive.example.org';

export function fixtureDay(date: string, content = SITE_FIXTURE): Day {
  const file = path.join(content, 'days', date.slice(0, 4), `${date}.md`);
  return parseDayFile(readFileSync(file, 'utf8'), file);
}

type BuildOptions = { content: string; outDir: string; cacheDir: string; base?: string; siteUrl?: string };

/** `astro build` of the repository's site over another archive folder (env, as a user sets it). */
export async function buildSite(options: BuildOptions): Promise<void> {
  const env: Record<string, string> = {
    PAPERS_CONTENT: options.content,
    PAPERS_BASE: options.base ?? '/',
    PAPERS_SITE_URL: options.siteUrl ?? TEST_SITE_URL,
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    await build({ root: REPO_ROOT, outDir: options.outDir, cacheDir: options.cacheDir, logLevel: 'error' });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

export type BuiltSite = {
  dir: string;
  dist: string;
  server: StaticServer;
  browser: Browser;
  /** Absolute URL of a path under the base: at('days/2026-07-29/'). */
  at: (p?: string) => string;
  close: () => Promise<void>;
};

/**
 * A fresh folder for one build, inside the repository: Astro puts a build's server chunks in
 * `.prerender/` under an outDir within the working folder, else in the shared ./.astro/, where
 * two builds at once would overwrite each other's (and Node would reuse a module by its path).
 */
export function buildDir(): string {
  const parent = path.join(REPO_ROOT, '.cache', 'site-tests');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(path.join(parent, 'build-'));
}

/** Builds `content` once, serves it on 127.0.0.1 port 0 and starts Chromium. */
export async function buildAndServe(content: string, base: string): Promise<BuiltSite> {
  const dir = buildDir();
  const dist = path.join(dir, 'dist');
  await buildSite({ content, outDir: dist, cacheDir: path.join(dir, 'cache'), base });
  const server = await serveStatic({ root: dist, base, port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  const origin = `http://127.0.0.1:${server.port}`;
  return {
    dir,
    dist,
    server,
    browser,
    at: (p = '') => `${origin}${base}${p}`,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Watch = { dialogs: string[]; foreignRequests: string[]; errors: string[] };

/** Records dialogs (alert, confirm…), requests to any other origin, and script errors. */
export function watch(page: Page, origin: string): Watch {
  const w: Watch = { dialogs: [], foreignRequests: [], errors: [] };
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${origin}/`)) w.foreignRequests.push(url);
  });
  page.on('pageerror', (e) => w.errors.push(e.message));
  return w;
}

/** The executable scripts on a page: what runs there. JSON-LD is data, not a script. */
export async function executableScripts(page: Page): Promise<{ src: string; inline: string }[]> {
  return page.$$eval('script', (scripts) =>
    scripts
      .filter((s) => {
        const type = (s.getAttribute('type') ?? '').trim().toLowerCase();
        return type === '' || type === 'module' || type === 'text/javascript';
      })
      .map((s) => ({ src: s.getAttribute('src') ?? '', inline: s.src ? '' : (s.textContent ?? '').slice(0, 200) })),
  );
}
