// The Chromium that the site's and the offline copy's browser tests drive: Chromium's headless
// shell where it is installed (Debian's chromium-headless-shell; Playwright's own default for
// headless runs). It is the same engine, renderer and JavaScript as the full browser, without the
// desktop browser's processes around them: measured here, the e2e tier took 95 s with
// /usr/bin/chromium and 56 s with the shell, one run after the other, all tests passing both
// ways. Without it, the browser the scraper would use ($PAPERS_CHROMIUM, Playwright's own, the
// system's); $PAPERS_TEST_CHROMIUM names another. The scraper's own browser tests do not come
// here: what they prove is that the scraper works with the browser it finds.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium, onPath } from '../../scraper/fetch/chromium.ts';

/** The executable the browser tests launch, or undefined for the scraper's own choice. */
export function testChromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env['PAPERS_TEST_CHROMIUM'];
  if (given) {
    if (!existsSync(given)) throw new Error(`PAPERS_TEST_CHROMIUM: no browser at ${given}`);
    return given;
  }
  return onPath(['chromium-headless-shell'], env['PATH']) ?? undefined;
}

/** A headless Chromium for a browser test: the headless shell when there is one. */
export function launchTestChromium(): Promise<Browser> {
  return launchChromium({ explicit: testChromiumPath() });
}
