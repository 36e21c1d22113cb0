// /llms.txt (site/lib/llms-txt.ts) in llmstxt.org's format: one H1, a blockquote summary, then
// sections of "- [name](url): note" links, every URL absolute under the site's base. (That every
// link is a file of the build: tests/e2e/site/bulk-files.test.ts.)
import { expect, test } from 'vitest';
import { llmsTxt } from '../../../../site/lib/llms-txt.ts';
import { absoluteUrl, sitePaths } from '../../../../site/lib/paths.ts';

const text = llmsTxt(
  {
    papers: 11894,
    days: 815,
    first: '2023-05-04',
    newest: '2026-01-01',
    years: ['2025', '2026'],
    statsFiles: ['papers-per-week'],
  },
  sitePaths('/dpa/'),
  (p) => absoluteUrl('https://example.org', p),
);

test("llmstxt.org's shape: a title, a summary, sections of links", () => {
  const lines = text.split('\n');
  expect(lines[0]).toBe('# Daily Papers Archive');
  expect(lines.filter((l) => l.startsWith('# '))).toHaveLength(1);
  expect(lines.find((l) => l.startsWith('> '))).toContain(
    '11,894 papers featured on 815 days, from 2023-05-04 to 2026-01-01',
  );
  expect(lines.filter((l) => l.startsWith('## '))).toEqual(['## Pages', '## Feeds', '## Data']);
  const items = lines.filter((l) => l.startsWith('- '));
  for (const item of items) expect(item).toMatch(/^- \[[^\]]+\]\(https:\/\/example\.org\/dpa\/[^)\s]*\): \S/);
});

test('the feeds, the years, and the newest day, week and month stand for their kind', () => {
  const urls = [...text.matchAll(/\]\((\S+?)\)/g)].map((m) => m[1]);
  expect(urls).toEqual(
    expect.arrayContaining([
      'https://example.org/dpa/rss.xml',
      'https://example.org/dpa/days.xml',
      'https://example.org/dpa/feeds/',
      'https://example.org/dpa/feeds.opml',
      'https://example.org/dpa/data/papers-2025.jsonl',
      'https://example.org/dpa/data/papers-2026.jsonl',
      'https://example.org/dpa/days/2026-01-01.json',
      'https://example.org/dpa/days/2026-01-01.csl.json',
      // 1 January 2026 is a Thursday of ISO week 1 of 2026.
      'https://example.org/dpa/weeks/2026-W01.ris',
      'https://example.org/dpa/months/2026-01.bib',
      'https://example.org/dpa/stats/papers-per-week.csv',
    ]),
  );
});
