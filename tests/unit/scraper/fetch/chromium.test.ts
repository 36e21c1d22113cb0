import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../../scraper/fetch/chromium.ts';

describe('finding Chromium', () => {
  it('takes an explicit path first, and names where a wrong one came from', () => {
    expect(findChromium({ explicit: process.execPath, env: {} })).toEqual({
      executablePath: process.execPath,
      source: 'explicit',
    });
    expect(findChromium({ env: { PAPERS_CHROMIUM: process.execPath } }).source).toBe('explicit');
    expect(() => findChromium({ explicit: '/no/such/chrome', env: {} })).toThrow(
      'no browser at /no/such/chrome (given by --chromium)',
    );
  });

  it("prefers Playwright's own browser, else the system's, else says how to install one", () => {
    const own = chromium.executablePath();
    if (existsSync(own)) {
      expect(findChromium({ env: { PATH: '' }, platform: 'plan9' })).toEqual({
        executablePath: own,
        source: 'playwright',
      });
    } else {
      expect(() => findChromium({ env: { PATH: '' }, platform: 'plan9' })).toThrow(
        /no Chromium found: install Chromium or Chrome, or run `npx playwright install chromium`/,
      );
      expect(() => findChromium({ env: { PATH: '' }, platform: 'darwin' })).toThrow(/brew install --cask chromium/);
      if (existsSync('/usr/bin/chromium')) {
        expect(findChromium({ env: { PATH: '' }, platform: 'linux' })).toEqual({
          executablePath: '/usr/bin/chromium',
          source: 'system',
        });
      }
    }
  });
});
