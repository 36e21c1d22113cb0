// What `papers search` prints: the site's excerpt as text (matches highlighted only on a
// terminal), JSON lines for --json (a result a line, then a summary), and a count that says
// when --limit hid more.
import { expect, test } from 'vitest';
import {
  excerptText,
  formatJsonLines,
  formatResults,
  resultRecord,
} from '../../../../../scraper/offline/search/format.ts';
import type { ResultData } from '../../../../../scraper/offline/search/site-search.ts';

const data: ResultData = {
  url: '/dpa/papers/2608.05987/',
  excerpt: 'a <mark>video</mark> model &amp; its <mark>videos</mark>,\n  rendered &lt;fast&gt;',
  meta: { id: '2608.05987', title: 'PhiZero', authors: 'A One, B Two, C Three, D Four, E Five', organization: 'Org' },
  filters: { day: ['2026-07-31'], upvotes: ['145'] },
};

test('an excerpt as plain text, or with its matches marked', () => {
  expect(excerptText(data.excerpt)).toBe('a video model & its videos, rendered <fast>');
  expect(excerptText(data.excerpt, '[', ']')).toBe('a [video] model & its [videos], rendered <fast>');
});

test('a record per result', () => {
  expect(resultRecord(data, 1)).toEqual({
    rank: 1,
    id: '2608.05987',
    title: 'PhiZero',
    date: '2026-07-31',
    upvotes: 145,
    authors: ['A One', 'B Two', 'C Three', 'D Four', 'E Five'],
    organization: 'Org',
    page: 'papers/2608.05987/',
    excerpt: 'a video model & its videos, rendered <fast>',
  });
});

test('lines for a pipe: no escape codes; the count says what --limit left out', () => {
  const text = formatResults({ total: 3, results: [data] }, false);
  expect(text).toBe(
    [
      '  1. PhiZero',
      '     2026-07-31 · 145 upvotes · 2608.05987',
      '     A One, B Two, C Three et al.',
      '     a video model & its videos, rendered <fast>',
      '',
      '1 of 3 papers (--limit shows more)',
      '',
    ].join('\n'),
  );
  expect(formatResults({ total: 0, results: [] }, false)).toBe('No papers found.\n');
});

test('on a terminal the title is bold and the matches highlighted', () => {
  const text = formatResults({ total: 1, results: [data] }, true);
  expect(text).toContain('\u001b[1mPhiZero\u001b[0m');
  expect(text).toContain('a \u001b[1;33mvideo\u001b[0m model');
});

test('one upvote is one; the organizations a filter found are named, or said to be none', () => {
  const one = { ...data, filters: { day: ['2026-07-31'], upvotes: ['1'] } };
  expect(formatResults({ total: 1, results: [one] }, false)).toContain('2026-07-31 · 1 upvote · 2608.05987');
  const orgs = formatResults(
    { total: 1, results: [one], organizations: { found: ['AI at Meta', 'Meta Research'], near: [] } },
    false,
  );
  expect(orgs.trim().split('\n').at(-1)).toBe('Organizations: AI at Meta; Meta Research');
  expect(formatResults({ total: 0, results: [], organizations: { found: [], near: ['AI at Meta'] } }, false)).toBe(
    "No organization's name holds those words; the nearest: AI at Meta.\nNo papers found.\n",
  );
});

test('--json: a line a result, then a summary, each with its type', () => {
  const lines = formatJsonLines({ total: 3, results: [data] })
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(lines).toEqual([
    { type: 'result', ...resultRecord(data, 1) },
    { type: 'summary', total: 3, shown: 1 },
  ]);
});
