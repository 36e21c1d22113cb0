// Which browser a CI job drives (scripts/ci/chromium-env.ts): the one PAPERS_CHROMIUM names, else
// the Chrome a GitHub runner names in CHROME_BIN, else the scraper's own finder; never a download.
import { describe, expect, test } from 'vitest';
import type { findChromium } from '../../../../scraper/fetch/chromium.ts';
import { chooseChromium } from '../../../../scripts/ci/chromium-env.ts';

const finder =
  (found: string): typeof findChromium =>
  () => ({ executablePath: found, source: 'system' });
const noBrowser: typeof findChromium = () => {
  throw new Error('no Chromium found: install one');
};
const only =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

describe('the browser chosen', () => {
  test('PAPERS_CHROMIUM first, when it is there', () => {
    expect(
      chooseChromium(
        { PAPERS_CHROMIUM: '/opt/chrome/chrome', CHROME_BIN: '/usr/bin/google-chrome' },
        { executable: only('/opt/chrome/chrome', '/usr/bin/google-chrome'), find: noBrowser },
      ),
    ).toEqual({ path: '/opt/chrome/chrome', why: 'PAPERS_CHROMIUM' });
    expect(() => chooseChromium({ PAPERS_CHROMIUM: '/nowhere' }, { executable: only(), find: noBrowser })).toThrow(
      'PAPERS_CHROMIUM: no executable browser at /nowhere',
    );
  });

  test('then the runner’s Chrome (CHROME_BIN on GitHub’s Ubuntu images)', () => {
    expect(
      chooseChromium(
        { CHROME_BIN: '/usr/bin/google-chrome' },
        { executable: only('/usr/bin/google-chrome'), find: finder('/usr/bin/chromium') },
      ),
    ).toEqual({ path: '/usr/bin/google-chrome', why: "the runner's CHROME_BIN" });
  });

  test('then the scraper’s finder, whose error stands when there is none', () => {
    expect(
      chooseChromium(
        { CHROME_BIN: '/usr/bin/google-chrome' },
        { executable: only(), find: finder('/usr/bin/chromium') },
      ),
    ).toEqual({ path: '/usr/bin/chromium', why: "the scraper's finder (system)" });
    expect(() => chooseChromium({}, { executable: only(), find: noBrowser })).toThrow('no Chromium found');
  });
});
