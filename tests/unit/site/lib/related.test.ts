// Related papers (site/lib/related.ts): the inverted index gives the every-pair answer to the
// last bit, on the fixture archive and on random papers made to tie; the lists do not depend on
// the order papers come in; a paper never lists itself; and the nearest are the like.
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../../../scraper/repo.ts';
import { readSiteArchive } from '../../../../site/data/read-archive.ts';
import { buildArchiveIndex } from '../../../../site/lib/archive-index.ts';
import { nearest, nearestPlain, type RelatedInput, relatedPapers, vectors } from '../../../../site/lib/related.ts';
import { SITE_FIXTURE } from '../../../e2e/site/fixture.ts';

const paper = (id: string, title: string, abstract = '', aiKeywords: string[] = []): RelatedInput => ({
  id,
  title,
  abstract,
  aiSummary: null,
  aiKeywords,
});

/** The papers of the test archive, or of the bundled one (1,100 papers: long postings, many ties). */
async function fixturePapers(dir = SITE_FIXTURE): Promise<RelatedInput[]> {
  const { days } = await readSiteArchive(dir);
  return [...buildArchiveIndex(days).papers.values()].map((e) => e.paper);
}

describe('nearest', () => {
  test('the inverted index lists what comparing every pair lists, on the test and bundled archives', async () => {
    const papers = [...(await fixturePapers()), ...(await fixturePapers(path.join(REPO_ROOT, 'content')))];
    expect(papers.length).toBeGreaterThan(500);
    for (const terms of [3, 40]) {
      const vecs = vectors(papers, { terms });
      // Every pair once (most of this test's time): the five nearest are the twelve nearest's first
      // five, as both orders are one total order (score, then id).
      const plain = nearestPlain(vecs, { most: 12 });
      expect(nearest(vecs, { most: 12 })).toEqual(plain);
      expect(nearest(vecs)).toEqual(plain.map((list) => list.slice(0, 5)));
    }
  });

  test('and on random papers over a few words, where scores tie and lists run short', () => {
    const words = ['diffusion', 'agent', 'reasoning', 'video', 'robot', 'kernel', 'sparse', 'token'];
    const arb = fc.array(
      fc.record({
        title: fc.array(fc.constantFrom(...words), { maxLength: 4 }),
        abstract: fc.array(fc.constantFrom(...words), { maxLength: 8 }),
        keywords: fc.array(fc.constantFrom('LLM', 'Video Models', 'llm'), { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 8 }), (docs, most, terms) => {
        const papers = docs.map((d, i) => paper(`p${i}`, d.title.join(' '), d.abstract.join(' '), d.keywords));
        const vecs = vectors(papers, { terms });
        expect(nearest(vecs, { most })).toEqual(nearestPlain(vecs, { most }));
      }),
      { numRuns: 300 },
    );
  });
});

describe('relatedPapers', () => {
  test('the same lists whatever the order the papers come in; never the paper itself; at most five', async () => {
    const papers = await fixturePapers();
    const once = relatedPapers(papers);
    const reversed = relatedPapers([...papers].reverse());
    expect([...reversed.entries()].sort()).toEqual([...once.entries()].sort());
    for (const [id, list] of once) {
      expect(list).not.toContain(id);
      expect(list.length).toBeLessThanOrEqual(5);
      expect(new Set(list).size).toBe(list.length);
    }
  });

  test('the nearest are the like: shared rare words and keywords first; nothing shared, nothing listed', () => {
    const papers = [
      paper('a', 'Sparse attention kernels for long video diffusion', 'We speed up video diffusion.', [
        'Sparse Attention',
      ]),
      paper('b', 'Video diffusion with sparse attention', 'Sparse kernels make long video diffusion fast.', [
        'sparse attention',
      ]),
      paper('c', 'Robot grasping from tactile sensors', 'Tactile sensing for robot grasping.', ['Robotics']),
      paper('d', 'Tactile robot hands', 'Robot hands that grasp by touch.', ['robotics']),
      paper('e', 'Video generation benchmarks', 'A benchmark for video generation.'),
      paper('f', 'Quantum chemistry', 'Orbitals.'),
    ];
    const related = relatedPapers(papers);
    expect(related.get('a')![0]).toBe('b');
    expect(related.get('c')![0]).toBe('d');
    expect(related.get('a')).not.toContain('c');
    expect(related.get('f')).toEqual([]);
  });
});
