// The site's data functions (site/lib), without a build: indexes, calendar, citations, options.
// They sit with the site's browser tests because they are the site's; they run in milliseconds.
import { describe, expect, test } from 'vitest';
import type { Day, Ledger, Paper } from '../../../../scraper/archive/schema.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';
import { adjacent, buildArchiveIndex } from '../../../../site/lib/archive-index.ts';
import { buildCalendar, dayStatus } from '../../../../site/lib/calendar.ts';
import {
  bibtex,
  bibtexKey,
  bibtexText,
  highwireTags,
  jsonForScript,
  scholarlyArticle,
} from '../../../../site/lib/citation.ts';
import { excerpt, longDate, monthName, paragraphs, shownAuthors, weekName } from '../../../../site/lib/format.ts';
import { normalizeBase, siteOptions } from '../../../../site/lib/options.ts';
import { absoluteUrl, sitePaths } from '../../../../site/lib/paths.ts';
import { paperSearchKeys, searchFacets } from '../../../../site/lib/search-facets.ts';

const paper = (id: string, upvotes: number, extra: Partial<Paper> = {}): Paper =>
  paperRecord(id, { upvotes, ...extra });
const day = (date: string, papers: Paper[]): Day => dayRecord(date, papers);

describe('buildArchiveIndex', () => {
  const days = [
    day('2026-08-07', [paper('2608.00003', 5), paper('2608.00001', 30)]),
    day('2026-08-03', [paper('2608.00001', 10), paper('2608.00002', 20)]),
    day('2026-07-31', [paper('2607.00009', 50)]),
  ];
  const index = buildArchiveIndex(days);

  test('orders days and finds their neighbours', () => {
    expect(index.days.map((d) => d.date)).toEqual(['2026-07-31', '2026-08-03', '2026-08-07']);
    expect(index.newest?.date).toBe('2026-08-07');
    expect(index.neighbours('2026-08-03')).toEqual({ previous: '2026-07-31', next: '2026-08-07' });
    expect(index.neighbours('2026-08-07')).toEqual({ previous: '2026-08-03', next: null });
    expect(index.neighbours('1999-01-01')).toEqual({ previous: null, next: null });
  });

  test('a paper listed twice is one entry: every day it was on, and its newest record', () => {
    const entry = index.papers.get('2608.00001')!;
    expect(entry.featured).toEqual([
      { date: '2026-08-03', rank: 1 },
      { date: '2026-08-07', rank: 2 },
    ]);
    expect(entry.paper.upvotes).toBe(30);
    expect([entry.firstDate, entry.lastDate]).toEqual(['2026-08-03', '2026-08-07']);
    expect(index.papers.size).toBe(4);
  });

  test('weeks and months rank their papers by upvotes, each once', () => {
    expect(index.weekKeys).toEqual(['2026-W31', '2026-W32']);
    expect(index.weeks.get('2026-W32')!.map((e) => e.id)).toEqual(['2608.00001', '2608.00002', '2608.00003']);
    expect(index.monthKeys).toEqual(['2026-07', '2026-08']);
    expect(index.months.get('2026-07')!.map((e) => e.id)).toEqual(['2607.00009']);
    expect(adjacent(index.monthKeys, '2026-08')).toEqual({ previous: '2026-07', next: null });
  });

  test('search keys and facets: a paper is filed under the day it was first featured', () => {
    expect(paperSearchKeys(index.papers.get('2608.00001')!)).toEqual({
      filters: { year: '2026', month: '2026-08', code: 'no' },
      sort: { upvotes: '30', date: '2026-08-03' },
    });
    expect(searchFacets(index).months).toEqual([
      { value: '2026-08', count: 3 },
      { value: '2026-07', count: 1 },
    ]);
  });
});

describe('buildCalendar', () => {
  const ledger: Ledger = {
    format: 1,
    days: {
      '2026-07-29': { status: 'ok', papers: 1, at: '2026-08-01T00:00:00.000Z', via: 'page', reason: null },
      '2026-07-30': { status: 'failed', papers: 0, at: '2026-08-01T00:00:00.000Z', via: 'page', reason: 'HTTP 503' },
      '2026-08-01': { status: 'no-listing', papers: 0, at: '2026-08-01T00:00:00.000Z', via: 'page', reason: null },
      '2026-08-04': { status: 'ok', papers: 3, at: '2026-08-05T00:00:00.000Z', via: 'page', reason: null },
    },
  };
  const held = [
    { date: '2026-07-29', status: 'ok' as const, papers: 1 },
    { date: '2026-08-05', status: 'partial' as const, papers: 2 },
  ];

  test('every day from the first known date to the last says what the archive holds, or why not', () => {
    const [year] = buildCalendar(held, ledger);
    expect(year!.year).toBe('2026');
    expect(year!.months.map((m) => m.month)).toEqual(['2026-07', '2026-08']);
    const status = (date: string) =>
      year!.months.flatMap((m) => m.weeks.flatMap((w) => w.days)).find((d) => d?.date === date)?.status;
    expect(status('2026-07-28')).toBe('outside');
    expect(status('2026-07-29')).toBe('held');
    expect(status('2026-07-30')).toBe('failed');
    expect(status('2026-07-31')).toBe('never-tried');
    expect(status('2026-08-01')).toBe('no-listing');
    expect(status('2026-08-02')).toBe('weekend');
    expect(status('2026-08-03')).toBe('never-tried');
    expect(status('2026-08-04')).toBe('file-lost');
    expect(status('2026-08-05')).toBe('partial');
    expect(status('2026-08-06')).toBe('outside');
    const august = year!.months[1]!;
    expect([august.held, august.papers]).toEqual([1, 2]);
    expect(august.gaps.map((g) => [g.date, g.status])).toEqual([
      ['2026-08-01', 'no-listing'],
      ['2026-08-03', 'never-tried'],
      ['2026-08-04', 'file-lost'],
    ]);
    // Weeks run Monday to Sunday: 2026-08-01 is a Saturday.
    expect(august.weeks[0]!.days.map((d) => d?.date ?? null)).toEqual([
      null,
      null,
      null,
      null,
      null,
      '2026-08-01',
      '2026-08-02',
    ]);
  });

  test('an empty archive has no calendar; a failed day keeps its reason', () => {
    expect(buildCalendar([], { format: 1, days: {} })).toEqual([]);
    expect(dayStatus('2026-07-30', undefined, ledger)).toEqual({
      date: '2026-07-30',
      status: 'failed',
      papers: 0,
      reason: 'HTTP 503',
    });
  });
});

describe('citations', () => {
  test('BibTeX escapes each special character once', () => {
    expect(bibtexText('a\\b {c} $d$ & 50% #1 x_y ^ ~')).toBe(
      'a\\textbackslash{}b \\{c\\} \\$d\\$ \\& 50\\% \\#1 x\\_y \\^{} \\~{}',
    );
    expect(bibtexText('two\n  lines')).toBe('two lines');
  });

  test('a BibTeX entry with its key from the first author, the year and the title', () => {
    const p = paper('2608.05987', 1, {
      title: 'AgentOPSD: Recursive Self-Distillation',
      authors: ['Zi-Han Wang', 'Jie Wu'],
    });
    expect(bibtexKey(p)).toBe('wang2026agentopsd');
    expect(bibtex(p)).toBe(
      [
        '@misc{wang2026agentopsd,',
        '  title = {{AgentOPSD: Recursive Self-Distillation}},',
        '  author = {Zi-Han Wang and Jie Wu},',
        '  year = {2026},',
        '  eprint = {2608.05987},',
        '  archivePrefix = {arXiv},',
        '  url = {https://arxiv.org/abs/2608.05987}',
        '}',
      ].join('\n'),
    );
    expect(bibtexKey(paper('2608.00001', 0, { authors: [] }))).toBe('arxiv260800001');
    expect(bibtexKey(paper('2608.00001', 0, { authors: ['Émile Zoë'], title: 'The Über model' }))).toBe('zoe2026uber');
  });

  test('JSON for a script element cannot end it, and parses back to the same value', () => {
    const value = { name: '</script><script>alert(1)</script> <!-- & \u2028\u2029 >' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  test('Highwire tags and JSON-LD carry the paper’s own values', () => {
    const p = paper('2608.05987', 1, { aiKeywords: ['a', 'b'], organization: { handle: 'x', name: 'X Lab' } });
    const tags = highwireTags(p);
    expect(tags.filter((t) => t.name === 'citation_author').map((t) => t.content)).toEqual(p.authors);
    expect(tags.find((t) => t.name === 'citation_publication_date')?.content).toBe('2026/08/06');
    expect(tags.find((t) => t.name === 'citation_keywords')?.content).toBe('a; b');
    const ld = scholarlyArticle(p, 'https://example.org/papers/2608.05987/');
    expect(ld).toMatchObject({
      '@type': 'ScholarlyArticle',
      name: p.title,
      datePublished: p.publishedAt,
      keywords: ['a', 'b'],
    });
  });
});

describe('words and paths', () => {
  test('dates, weeks and months in words, in UTC', () => {
    expect(longDate('2026-08-07')).toBe('Friday, 7 August 2026');
    expect(monthName('2026-01')).toBe('January 2026');
    expect(weekName('2026-W32')).toBe('Week 32, 2026 (3–9 August)');
    expect(weekName('2026-W01')).toBe('Week 1, 2026 (29 December – 4 January)');
  });

  test('authors: three shown, the rest one click away; never "et al." for one more', () => {
    expect(shownAuthors(['a', 'b', 'c', 'd'])).toEqual({ shown: ['a', 'b', 'c', 'd'], more: 0 });
    expect(shownAuthors(['a', 'b', 'c', 'd', 'e'])).toEqual({ shown: ['a', 'b', 'c'], more: 2 });
  });

  test('abstract paragraphs and excerpts; a cut never splits a character', () => {
    expect(paragraphs('one\n\ntwo\n\n\nthree')).toEqual(['one', 'two', 'three']);
    const cut = excerpt('🚀'.repeat(300), 10);
    expect([...cut.slice(0, -1)].every((c) => c === '🚀')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
  });

  test('site paths under a base, and absolute URLs', () => {
    const p = sitePaths('/dpa/');
    expect([p.home, p.day('2026-08-07'), p.dayJson('2026-08-07'), p.paper('2608.05987'), p.week('2026-W32')]).toEqual([
      '/dpa/',
      '/dpa/days/2026-08-07/',
      '/dpa/days/2026-08-07.json',
      '/dpa/papers/2608.05987/',
      '/dpa/weeks/2026-W32/',
    ]);
    expect(p.searchFor({ organization: 'A & B, "C"' })).toBe('/dpa/search/?organization=A+%26+B%2C+%22C%22');
    expect(absoluteUrl('https://example.org', '/dpa/papers/1/')).toBe('https://example.org/dpa/papers/1/');
  });

  test('site options from the environment; a bad value names its variable', () => {
    expect(siteOptions({}, '/repo')).toEqual({
      contentDir: '/repo/content',
      siteUrl: 'https://daily-papers-archive.github.io',
      base: '/',
    });
    expect(
      siteOptions({ PAPERS_CONTENT: '/data/a', PAPERS_SITE_URL: 'https://x.org/', PAPERS_BASE: 'dpa' }, '/repo'),
    ).toEqual({
      contentDir: '/data/a',
      siteUrl: 'https://x.org',
      base: '/dpa/',
    });
    expect(normalizeBase('/a/b//')).toBe('/a/b/');
    expect(() => normalizeBase('/../x/')).toThrow(/^PAPERS_BASE: "\/..\/x\/" is not a URL path/);
    expect(() => siteOptions({ PAPERS_SITE_URL: 'ftp://x.org' })).toThrow(
      /^PAPERS_SITE_URL: .* is not an http\(s\) URL/,
    );
    expect(() => siteOptions({ PAPERS_SITE_URL: 'https://x.org/sub/' })).toThrow(
      /give the origin here and the path in PAPERS_BASE/,
    );
  });
});
