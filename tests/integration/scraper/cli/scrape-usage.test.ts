// `papers scrape` refuses bad requests before touching the network or the archive.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPapers } from '../../../helpers/cli.ts';
import { tempDir } from '../../../helpers/temp.ts';

describe('papers scrape: usage', () => {
  const cases: [string[], RegExp][] = [
    [['--date', '2999-01-01'], /2999-01-01 is in the future/],
    [['--date', '2026-02-30'], /--date must be a date YYYY-MM-DD/],
    [['--date', '2026-08-07', '--last', '3'], /give one of --date, --from\/--to and --last/],
    [['--to', '2026-08-07'], /--to needs --from/],
    [['--from', '2026-08-07', '--to', '2026-08-01'], /--from 2026-08-07 is after --to 2026-08-01/],
    [['--last', '0'], /--last must be a whole number ≥ 1/],
    [['--source', 'rss'], /--source must be page or api/],
    [['--base-url', 'ftp://example.org'], /--base-url must be an http\(s\) URL/],
    [['--rate', 'fast'], /--rate must be a whole number ≥ 1/],
    [['--date'], /argument missing|requires a value|--date/],
  ];
  for (const [args, message] of cases) {
    it(`exits 2 for ${args.join(' ')}`, async () => {
      const content = tempDir();
      const result = await runPapers(['scrape', '--content', content, ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(readdirSync(content)).toEqual([]);
    });
  }

  it('says how to get a browser when none is found, and exits 1', async () => {
    const content = tempDir();
    const result = await runPapers(
      ['scrape', '--content', content, '--date', '2026-08-07', '--base-url', 'http://127.0.0.1:9'],
      {
        env: { PAPERS_CHROMIUM: '/nonexistent/chromium' },
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('papers scrape: no browser at /nonexistent/chromium (given by $PAPERS_CHROMIUM)');
    expect(readdirSync(content)).toEqual([]);
  });
});
