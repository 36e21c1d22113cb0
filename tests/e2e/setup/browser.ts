// Global setup of the e2e project: says once which Chromium the browser tests drive
// (tests/helpers/browser.ts), and how to get the faster one where it is missing, and stops the
// run at once on a $PAPERS_TEST_CHROMIUM that names no browser rather than in every file.
import { testChromiumPath } from '../../helpers/browser.ts';

export default function reportTestChromium(): void {
  const shell = testChromiumPath();
  process.stdout.write(
    shell
      ? `browser tests: ${shell}\n`
      : "browser tests: the scraper's Chromium (installing chromium-headless-shell, as scripts/setup.sh does with apt-get, makes them about 40% faster)\n",
  );
}
