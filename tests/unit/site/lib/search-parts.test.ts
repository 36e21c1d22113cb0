// Where the search index splits into its main and recent parts (site/lib/search-parts.ts), and
// the recent part's page of the main part's words. Pure functions over hand-made records.
import { describe, expect, test } from 'vitest';
import type { Paper } from '../../../../scraper/archive/schema.ts';
import { dayRecord, paperRecord as paper } from '../../../../scripts/fixtures/records.ts';
import { buildArchiveIndex } from '../../../../site/lib/archive-index.ts';
import { nameWord } from '../../../../site/lib/search-keys.ts';
import {
  mainPartWords,
  recentFrom,
  splitIndex,
  VOCABULARY_URL,
  vocabularyRecord,
} from '../../../../site/lib/search-parts.ts';
import { indexOrder, paperRecord } from '../../../../site/lib/search-records.ts';

const ordered = (...days: [string, Paper[]][]) =>
  indexOrder(buildArchiveIndex(days.map(([date, papers]) => dayRecord(date, papers))).papers.values());

describe('recentFrom', () => {
  test.each([
    ['2026-08-05', '2026-07-01'],
    ['2026-08-31', '2026-07-01'],
    ['2026-01-01', '2025-12-01'],
    ['2026-02-14', '2026-01-01'],
    ['2024-03-31', '2024-02-01'],
  ])('the recent part of an archive whose newest day is %s begins on %s', (newest, from) => {
    expect(recentFrom(newest)).toBe(from);
  });
});

describe('splitIndex', () => {
  test('papers first featured before the month before the newest day’s are the main part, in order', () => {
    const papers = ordered(
      ['2026-08-05', [paper('2608.00003'), paper('2606.00001')]],
      ['2026-07-01', [paper('2607.00002')]],
      ['2026-06-30', [paper('2606.00001')]],
      ['2026-05-04', [paper('2605.00001')]],
    );
    const { main, recent, from } = splitIndex(papers);
    expect(from).toBe('2026-07-01');
    expect(main.map((e) => e.id)).toEqual(['2605.00001', '2606.00001']);
    // A paper featured again in the recent part stays where it was first featured.
    expect(recent.map((e) => e.id)).toEqual(['2607.00002', '2608.00003']);
    expect([...main, ...recent]).toEqual(papers);
  });

  test('a main part of fewer papers than asked for is no part: one index', () => {
    const papers = ordered(
      ['2026-08-05', [paper('2608.00002')]],
      ['2026-05-04', [paper('2605.00001'), paper('2605.00002')]],
    );
    expect(splitIndex(papers, 2).main).toHaveLength(2);
    expect(splitIndex(papers, 3)).toEqual({ main: papers, recent: [], from: '2026-07-01' });
  });

  test('an archive of the last two months is one index: the main part, no recent part', () => {
    const papers = ordered(['2026-08-05', [paper('2608.00002')]], ['2026-07-01', [paper('2607.00001')]]);
    expect(splitIndex(papers)).toEqual({ main: papers, recent: [], from: '2026-07-01' });
  });

  test('no papers: no parts', () => {
    expect(splitIndex([])).toEqual({ main: [], recent: [], from: '' });
  });
});

describe('mainPartWords and vocabularyRecord', () => {
  test('every word of the main part’s bodies and meta fields, once, without case or end punctuation, on a page no site page has', () => {
    const main = ordered([
      '2026-05-04',
      [
        paper('2605.00001', {
          title: 'Diffusion Models',
          abstract: 'Models diffuse (fast).',
          authors: ['Zi-Han Wang'],
        }),
        paper('2605.00002', { title: 'Diffusion again', abstract: '___PAGEFIND_WEIGHT_9 “text”', authors: [] }),
      ],
    ]).map(paperRecord);
    const record = vocabularyRecord(mainPartWords(main));
    expect(record.url).toBe(VOCABULARY_URL);
    expect(VOCABULARY_URL.startsWith('/papers/')).toBe(false);
    const words = record.content.split(' ');
    expect(new Set(words).size).toBe(words.length);
    for (const word of [
      'diffusion',
      'models',
      'diffuse',
      'fast',
      'zi-han',
      'wang',
      nameWord('Zi-Han Wang'),
      '2605.00001',
      'again',
      'text',
    ]) {
      expect(words).toContain(word);
    }
    expect(words).not.toContain('Diffusion');
    // An instruction to Pagefind in a paper's text stays a word here too.
    expect(words).toContain('\u200B___pagefind_weight_9');
    expect(record.filters).toEqual({});
  });
});
