// The nearest terms a search that found nothing offers (site/lib/search-vocabulary.ts): the word
// list the build writes (words several papers share, most shared first) and the words of it
// nearest a typed one. Pure functions over hand-made records.
import { describe, expect, test } from 'vitest';
import { dayRecord, paperRecord as paper } from '../../../../scripts/fixtures/records.ts';
import { buildArchiveIndex } from '../../../../site/lib/archive-index.ts';
import { distance, MIN_PAPERS, nearestWords, vocabulary, wordsOf } from '../../../../site/lib/search-vocabulary.ts';

describe('vocabulary', () => {
  test('words of titles, keywords, summaries and abstracts that several papers share, most shared first', () => {
    expect(MIN_PAPERS).toBe(3);
    const papers = [
      paper('2608.00001', { title: 'Diffusion Transformers', abstract: 'Diffusion for video.', aiKeywords: ['Video'] }),
      paper('2608.00002', { title: 'Video diffusion', abstract: 'Transformers at scale.', aiSummary: 'Scale.' }),
      paper('2608.00003', { title: 'Diffusion again', abstract: 'Once: rarewordonce.', aiKeywords: ['Transformers'] }),
      paper('2608.00004', { title: 'Video models', abstract: 'Diffusion, diffusion, diffusion.' }),
    ];
    const index = buildArchiveIndex([dayRecord('2026-08-05', papers)]);
    // "diffusion" is in 4 papers (counted once each), "video" and "transformers" in 3.
    expect(vocabulary(index.papers.values())).toEqual(['diffusion', 'transformers', 'video']);
  });

  test('wordsOf: lower case, accents dropped, words of three letters or more, split at hyphens', () => {
    expect(wordsOf('Zoë’s Self-Distillation of an LLM, v2')).toEqual(['zoe', 'self', 'distillation', 'llm']);
  });
});

describe('nearestWords', () => {
  const words = ['model', 'diffusion', 'agent', 'agents', 'transformer', 'transformers', 'video', 'vision'];

  test('edit distance counts a swap of two letters as one edit, and stops early past its limit', () => {
    expect(distance('agnet', 'agent', 2)).toBe(1);
    expect(distance('difusion', 'diffusion', 2)).toBe(1);
    expect(distance('kitten', 'sitting', 3)).toBe(3);
    expect(distance('abc', 'xyzuvw', 2)).toBe(3);
    expect(distance('transformer', 'video', 2)).toBe(3);
  });

  test('the closest words first, then the most shared; none for a word the archive has', () => {
    expect(nearestWords('agnet', words)).toEqual(['agent']);
    expect(nearestWords('Difusion', words)).toEqual(['diffusion']);
    expect(nearestWords('transfromers', words)).toEqual(['transformers', 'transformer']);
    expect(nearestWords('vidoe', words)).toEqual(['video']);
    expect(nearestWords('agent', words)).toEqual([]);
    expect(nearestWords('zzzzzz', words)).toEqual([]);
  });

  test('short words allow one edit, words of seven letters or more two; three letters or less none', () => {
    expect(nearestWords('modle', words)).toEqual(['model']);
    expect(nearestWords('mdoel', words)).toEqual(['model']);
    expect(nearestWords('mdle', words)).toEqual([]);
    expect(nearestWords('dffusin', words)).toEqual(['diffusion']);
    expect(nearestWords('vid', words)).toEqual([]);
    expect(nearestWords('agnets', words, 1)).toEqual(['agents']);
  });
});
