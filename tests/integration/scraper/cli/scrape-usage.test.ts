// `papers scrape` as a child process: that a usage error and a missing browser reach the user as
// one line and the right exit status, through bin/papers.js. Every other usage case runs in
// process, in tests/unit/scraper/cli/main.test.ts.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPapers } from '../../../helpers/cli.ts';
import { tempDir } from '../../../helpers/temp.ts';

describe('papers scrape: usage, as a child process', () => {
  const cases: [string[], string][] = [
    // A timer this long would overflow Node's 32-bit milliseconds and fire after 1 ms.
    [['--timeout', '2147484'], '--timeout must be a number of seconds from 1 to 600, not "2147484"'],
    [['--last', '100000'], '--last must be a whole number from 1 to 3650, not "100000"'],
    [['--dates', '2026-08-07'], 'unknown option --dates; did you mean --date?'],
  ];
  for (const [args, message] of cases) {
    it(`exits 2 for ${args.join(' ')}, before touching the archive`, async () => {
      const content = tempDir();
      const result = await runPapers(['scrape', '--content', content, ...args]);
      expect(result).toEqual({
        code: 2,
        signal: null,
        stdout: '',
        stderr: `papers scrape: ${message}\nRun 'papers scrape --help' for usage.\n`,
      });
      expect(readdirSync(content)).toEqual([]);
    });
  }

  it('says how to get a browser when none is found, and exits 1', async () => {
    const content = tempDir();
    const result = await runPapers(
      ['scrape', '--content', content, '--date', '2026-08-07', '--base-url', 'http://127.0.0.1:9'],
      { env: { PAPERS_CHROMIUM: '/nonexistent/chromium' } },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('papers scrape: no browser at /nonexistent/chromium (given by $PAPERS_CHROMIUM)');
    expect(readdirSync(content)).toEqual([]);
  });
});
