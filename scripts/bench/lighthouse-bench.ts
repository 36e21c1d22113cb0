// Lighthouse (the npm package, pinned in package.json) over a served build, for the search
// issue: the search page with its results, in all four categories (with CLS and TBT), and
// accessibility and best practices on every type of page, each in Lighthouse's own mobile form
// factor (its default config: a Moto G Power) and its desktop one (desktop-config.js), as medians
// of several runs. It drives the Chromium CHROME_PATH names (else the one the scraper finds),
// started once by chrome-launcher with the flags a closed machine needs (chromeFlags): no audit
// reaches the network, every host but 127.0.0.1 is unresolvable, but for Hugging Face's two image
// hosts, which lead to a local stand-in (thumbnail-host.ts) serving one generated PNG of a social
// thumbnail's size (1200×648) for every card's thumbnail. Without it each card's image fails as
// it does for a reader offline, an error in the console that costs the pages with cards their
// best-practices score (96, not 100) for what is the machine's doing, not the page's; online the
// images load. The browser's profile and the certificate's files live under .cache/bench/, and
// are removed, so no run leaves anything in /tmp.
import { existsSync, readdirSync } from 'node:fs';
import { access, constants, mkdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { findChromium } from '../../scraper/fetch/chromium.ts';
import { REPO_ROOT } from '../../scraper/repo.ts';
import { chromeFlags } from './lighthouse-flags.ts';
import {
  CATEGORIES,
  formFactorLine,
  type LhRun,
  type Lhr,
  type LhSummary,
  readRun,
  summarizeRuns,
} from './lighthouse-summary.ts';
import { startThumbnailHost, type ThumbnailHost } from './thumbnail-host.ts';

export const FORM_FACTORS = ['mobile', 'desktop'] as const;
export type FormFactor = (typeof FORM_FACTORS)[number];

// chromeFlags lives in a module of its own, pure and cheap to import for the unit tests.
export { chromeFlags } from './lighthouse-flags.ts';

/** A type of page and its path under the site's base; `full` audits every category, else accessibility and best practices. */
export type LhPage = { type: string; path: string; full?: boolean };

/** The search the search page is audited with: a common topic, many results. */
export const SEARCH_PATH = 'search/?q=video+generation';

const newest = (dir: string, pattern: RegExp): string | null =>
  readdirSync(dir)
    .filter((n) => pattern.test(n))
    .sort()
    .at(-1) ?? null;

/** One page of every type the site has, the newest of each, from the build and its archive. */
export function lighthousePages(dist: string, newestDay: string, paperId: string): LhPage[] {
  const week = newest(path.join(dist, 'weeks'), /^\d{4}-W\d{2}$/);
  const month = newest(path.join(dist, 'months'), /^\d{4}-\d{2}$/);
  return [
    { type: 'search, with results', path: SEARCH_PATH, full: true },
    { type: 'home', path: '' },
    { type: 'day', path: `days/${newestDay}/` },
    ...(week ? [{ type: 'week', path: `weeks/${week}/` }] : []),
    ...(month ? [{ type: 'month', path: `months/${month}/` }] : []),
    { type: 'paper', path: `papers/${paperId}/` },
    { type: 'top', path: 'top/' },
    { type: 'archive', path: 'archive/' },
    { type: 'days index', path: 'days/' },
    { type: 'weeks index', path: 'weeks/' },
    { type: 'months index', path: 'months/' },
    { type: 'papers index', path: 'papers/' },
    { type: 'rising', path: 'rising/' },
    ...(existsSync(path.join(dist, 'stats', 'index.html')) ? [{ type: 'stats', path: 'stats/' }] : []),
    ...(existsSync(path.join(dist, 'feeds', 'index.html')) ? [{ type: 'feeds', path: 'feeds/' }] : []),
    ...(existsSync(path.join(dist, 'list', 'index.html'))
      ? [
          { type: 'reading list', path: 'list/' },
          // Opened from a shared link: the papers offered, each filled in from its page.
          { type: 'reading list, shared', path: `list/#ids=${paperId}` },
        ]
      : []),
    // The 404 page as its own file: Lighthouse refuses to audit a document answered 404.
    { type: '404', path: '404.html' },
  ];
}

export type LhPageResult = { page: LhPage; url: string; byFormFactor: Record<FormFactor, LhSummary> };

export type LighthouseReport = {
  version: string;
  chrome: string;
  flags: string[];
  /** The stand-in of Hugging Face's image hosts: its hosts, the PNG it served, and how often. */
  thumbnails: Pick<ThumbnailHost, 'hosts' | 'image' | 'served'>;
  formFactors: Record<FormFactor, string>;
  benchmarkIndex: number[];
  runs: number;
  seconds: number;
  pages: LhPageResult[];
};

/** Kills the browser and waits for it to be gone, so that its profile can be removed. */
async function stopChrome(chrome: chromeLauncher.LaunchedChrome): Promise<void> {
  const gone =
    chrome.process.exitCode === null && chrome.process.signalCode === null
      ? new Promise((resolve) => chrome.process.once('exit', resolve))
      : Promise.resolve();
  chrome.kill();
  await gone;
}

export async function benchLighthouse(options: {
  siteUrl: string;
  pages: readonly LhPage[];
  runs: number;
  log: (line: string) => void;
}): Promise<LighthouseReport> {
  const started = performance.now();
  const chromePath = process.env['CHROME_PATH'] || findChromium().executablePath;
  const work = path.join(REPO_ROOT, '.cache/bench/lighthouse', String(process.pid));
  let standIn: ThumbnailHost | null = null;
  let chrome: chromeLauncher.LaunchedChrome | null = null;
  const formFactors = {} as Record<FormFactor, string>;
  const benchmarkIndex: number[] = [];
  let version = '';
  try {
    // chrome-launcher lets a browser that cannot be started crash the process (an unhandled
    // 'error' event), which would skip the clean-up below: so it is found first.
    await access(chromePath, constants.X_OK).catch(() => {
      throw new Error(`no Chromium to run at ${chromePath} (CHROME_PATH, else the scraper's)`);
    });
    await mkdir(path.join(work, 'profile'), { recursive: true });
    standIn = await startThumbnailHost(path.join(work, 'tls'));
    const flags = chromeFlags(standIn);
    chrome = await chromeLauncher
      .launch({
        chromePath,
        chromeFlags: flags,
        userDataDir: path.join(work, 'profile'),
        envVars: { ...process.env, TMPDIR: work } as Record<string, string>,
        logLevel: 'silent',
      })
      .catch((e: Error) => {
        // A browser that started but never answered is still running: only ours are in its list.
        chromeLauncher.killAll();
        throw e;
      });
    const pages: LhPageResult[] = [];
    for (const page of options.pages) {
      const url = `${options.siteUrl}${page.path}`;
      const byFormFactor = {} as Record<FormFactor, LhSummary>;
      for (const formFactor of FORM_FACTORS) {
        const runs: LhRun[] = [];
        for (let i = 0; i < options.runs; i++) {
          const result = await lighthouse(
            url,
            {
              port: chrome.port,
              logLevel: 'error',
              output: 'json',
              onlyCategories: page.full ? [...CATEGORIES] : ['accessibility', 'best-practices'],
            },
            formFactor === 'desktop' ? desktopConfig : undefined,
          );
          if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
          const lhr = result.lhr as unknown as Lhr;
          version = lhr.lighthouseVersion;
          formFactors[formFactor] = formFactorLine(lhr);
          benchmarkIndex.push(lhr.environment.benchmarkIndex);
          runs.push(readRun(lhr));
        }
        byFormFactor[formFactor] = summarizeRuns(runs);
        const s = byFormFactor[formFactor];
        options.log(
          `lighthouse ${page.type} (${formFactor}): ${Object.entries(s.scores)
            .map(([c, v]) => `${c} ${v ?? '?'}`)
            .join(
              ', ',
            )}${page.full ? `, CLS ${s.cls?.toFixed(3)}, TBT ${s.tbtMs?.toFixed(0)} ms` : ''}; failing: ${[...s.failing, ...s.failingPractices].map((f) => f.id).join(', ') || 'none'}`,
        );
      }
      pages.push({ page, url, byFormFactor });
    }
    return {
      version,
      chrome: chromePath,
      flags,
      thumbnails: { hosts: standIn.hosts, image: standIn.image, served: { ...standIn.served } },
      formFactors,
      benchmarkIndex,
      runs: options.runs,
      seconds: (performance.now() - started) / 1000,
      pages,
    };
  } finally {
    if (chrome) await stopChrome(chrome);
    await standIn?.close();
    await rm(work, { recursive: true, force: true, maxRetries: 5 });
    // The shared parent goes too once no other run uses it.
    await rmdir(path.dirname(work)).catch(() => undefined);
  }
}
