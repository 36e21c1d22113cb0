// Shared by the site's browser tests: serve the fixture site that the e2e project's global
// setup built for this run (tests/e2e/setup/fixture-site.ts) with the project's static server
// on a free port, start the tests' Chromium (tests/helpers/browser.ts), and watch a page for
// anything the data could make it do (dialogs, requests elsewhere).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { parseDayFile } from '../../../scraper/archive/day-file.ts';
import type { Day } from '../../../scraper/archive/schema.ts';
import { REPO_ROOT } from '../../../scraper/repo.ts';
import { type StaticServer, serveStatic } from '../../../scripts/site/serve.ts';
import { launchTestChromium } from '../../helpers/browser.ts';
import { SITE_FIXTURE } from './fixture.ts';

export function fixtureDay(date: string, content = SITE_FIXTURE): Day {
  const file = path.join(content, 'days', date.slice(0, 4), `${date}.md`);
  return parseDayFile(readFileSync(file, 'utf8'), file);
}

export type ServedSite = {
  dist: string;
  /** The base path the site was built for, "/dpa/". */
  base: string;
  server: StaticServer;
  browser: Browser;
  /** Absolute URL of a path under the base: at('days/2026-07-29/'). */
  at: (p?: string) => string;
  close: () => Promise<void>;
};

/** The run's fixture site, served on 127.0.0.1 port 0, and a Chromium to drive it. */
export async function serveFixtureSite(): Promise<ServedSite> {
  const { dist, base } = inject('fixtureSite');
  const server = await serveStatic({ root: dist, base, port: 0, host: '127.0.0.1' });
  const browser = await launchTestChromium().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  const origin = `http://127.0.0.1:${server.port}`;
  return {
    dist,
    base,
    server,
    browser,
    at: (p = '') => `${origin}${base}${p}`,
    close: async () => {
      await browser.close();
      await server.close();
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

/** A real `astro build` of another archive than the fixture's, for the few tests that need one. */
export function astroBuild(content: string, outDir: string): Promise<{ code: number | null; output: string }> {
  const astro = path.join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs');
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PAPERS_CONTENT: content,
      PAPERS_BASE: '/',
      NO_COLOR: '1',
      CI: '1',
    };
    delete env['BASE_URL'];
    const child = spawn(process.execPath, [astro, 'build', '--outDir', outDir], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
