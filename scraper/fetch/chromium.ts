// Finding and starting the Chromium that Playwright drives. Order: an explicit path (flag, or
// $PAPERS_CHROMIUM), Playwright's own downloaded browser, then the system's. No browser found is
// an error that says how to get one on this platform.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type LaunchOptions } from 'playwright-core';
import { InputError } from '../errors.ts';

/**
 * Flags for headless Chromium on servers and CI: no sandbox (CI runs as root), no GPU, and none
 * of the background traffic (updates, sync, safe browsing) that a closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
] as const;

export type ChromiumFound = { executablePath: string; source: 'explicit' | 'playwright' | 'system' };

export class ChromiumNotFoundError extends InputError {}

const SYSTEM_CANDIDATES: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

const INSTALL_HINTS: Record<string, string> = {
  linux: 'install one with `apt-get install chromium` (Debian, Ubuntu) or `dnf install chromium` (Fedora)',
  darwin: 'install one with `brew install --cask chromium`',
  win32: 'install Google Chrome',
};

function playwrightChromium(): string | null {
  try {
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/** The first of these executables on $PATH (outside node_modules), or null. */
export function onPath(names: readonly string[], envPath: string | undefined): string | null {
  for (const dir of (envPath ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate) && !candidate.includes(`${path.sep}node_modules${path.sep}`)) return candidate;
    }
  }
  return null;
}

export function findChromium({
  explicit,
  env = process.env,
  platform = process.platform,
}: {
  explicit?: string | undefined;
  env?: NodeJS.ProcessEnv;
  platform?: string;
} = {}): ChromiumFound {
  const given = explicit || env['PAPERS_CHROMIUM'];
  if (given) {
    if (!existsSync(given)) {
      throw new ChromiumNotFoundError(
        `no browser at ${given} (given by ${explicit ? '--chromium' : '$PAPERS_CHROMIUM'})`,
      );
    }
    return { executablePath: given, source: 'explicit' };
  }
  const own = playwrightChromium();
  if (own) return { executablePath: own, source: 'playwright' };
  const system =
    (SYSTEM_CANDIDATES[platform] ?? []).find((p) => existsSync(p)) ??
    onPath(['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'], env['PATH']);
  if (system) return { executablePath: system, source: 'system' };
  throw new ChromiumNotFoundError(
    `no Chromium found: ${INSTALL_HINTS[platform] ?? 'install Chromium or Chrome'}, ` +
      'or run `npx playwright install chromium` where the internet is reachable, ' +
      'or point $PAPERS_CHROMIUM (or --chromium) at a Chromium or Chrome executable',
  );
}

/** A headless Chromium for the scraper and the browser tests. */
export async function launchChromium(
  options: { explicit?: string | undefined; env?: NodeJS.ProcessEnv } & LaunchOptions = {},
): Promise<Browser> {
  const { explicit, env, ...launch } = options;
  const found = findChromium({ explicit, ...(env ? { env } : {}) });
  return chromium.launch({
    headless: true,
    // The caller owns shutdown: Playwright's own Ctrl-C handler would exit(130) mid-write.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    ...launch,
    executablePath: found.executablePath,
    args: [...CHROMIUM_ARGS, ...(launch.args ?? [])],
  });
}
