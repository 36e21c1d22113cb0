// Which browser the scraper and the browser tests drive on a CI runner, decided once, up front,
// so that a runner without one fails here with one clear line rather than halfway through a
// scrape. GitHub's Ubuntu runners come with Google Chrome (its path in $CHROME_BIN,
// /usr/bin/google-chrome) and a Chromium snapshot (/usr/bin/chromium): Chrome is preferred, as
// the browser the runner image names and keeps current. Elsewhere the scraper's own finder
// decides (scraper/fetch/chromium.ts: $PAPERS_CHROMIUM, Playwright's, the system's). Nothing is
// ever downloaded. The choice goes to $GITHUB_ENV as PAPERS_CHROMIUM, which every later step's
// launchChromium() uses.
//   node scripts/ci/chromium-env.ts
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { findChromium } from '../../scraper/fetch/chromium.ts';
import { appendToGitHubFile } from './github-env.ts';

export type ChromiumChoice = { path: string; why: string };

const isExecutable = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export function chooseChromium(
  env: NodeJS.ProcessEnv,
  {
    executable = isExecutable,
    find = findChromium,
  }: { executable?: (file: string) => boolean; find?: typeof findChromium } = {},
): ChromiumChoice {
  const explicit = env['PAPERS_CHROMIUM'];
  if (explicit) {
    if (!executable(explicit)) throw new Error(`PAPERS_CHROMIUM: no executable browser at ${explicit}`);
    return { path: explicit, why: 'PAPERS_CHROMIUM' };
  }
  const runnerChrome = env['CHROME_BIN'];
  if (runnerChrome && executable(runnerChrome)) return { path: runnerChrome, why: "the runner's CHROME_BIN" };
  const found = find({ env });
  return { path: found.executablePath, why: `the scraper's finder (${found.source})` };
}

export function main(env: NodeJS.ProcessEnv = process.env, out: (line: string) => void = console.log): void {
  const choice = chooseChromium(env);
  appendToGitHubFile('GITHUB_ENV', { PAPERS_CHROMIUM: choice.path }, env);
  out(`PAPERS_CHROMIUM=${choice.path} (${choice.why})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`chromium-env: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
