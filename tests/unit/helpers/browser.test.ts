// Which Chromium the browser tests drive (tests/helpers/browser.ts): the one named, the headless
// shell on PATH, or the scraper's own choice.
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { testChromiumPath } from '../../helpers/browser.ts';
import { tempDir } from '../../helpers/temp.ts';

describe('testChromiumPath', () => {
  test('$PAPERS_TEST_CHROMIUM first; one that names no file stops the run, naming it', () => {
    expect(testChromiumPath({ PAPERS_TEST_CHROMIUM: process.execPath, PATH: '' })).toBe(process.execPath);
    expect(() => testChromiumPath({ PAPERS_TEST_CHROMIUM: '/nonexistent/shell' })).toThrow(
      'PAPERS_TEST_CHROMIUM: no browser at /nonexistent/shell',
    );
  });

  test('else the headless shell on PATH, else none (the scraper then chooses)', () => {
    const dir = tempDir('shell-');
    const shell = path.join(dir, 'chromium-headless-shell');
    writeFileSync(shell, '#!/bin/sh\n');
    chmodSync(shell, 0o755);
    expect(testChromiumPath({ PATH: ['/nonexistent', dir].join(path.delimiter) })).toBe(shell);
    expect(testChromiumPath({ PATH: '/nonexistent' })).toBeUndefined();
  });
});
