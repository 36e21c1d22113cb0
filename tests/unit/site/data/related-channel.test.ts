// How related papers made on the build's archive thread reach the pages (site/data/related-channel.ts):
// taken when made of the very papers the pages read, computed again when not (another archive, a
// paper's words changed between the two reads, nothing handed over, the thread failed).
import { afterEach, describe, expect, test } from 'vitest';
import {
  clearPublishedRelated,
  handOver,
  inputsDigest,
  publishRelated,
  relatedFor,
} from '../../../../site/data/related-channel.ts';
import { type RelatedInput, relatedPapers } from '../../../../site/lib/related.ts';

const paper = (id: string, title: string): RelatedInput => ({
  id,
  title,
  abstract: '',
  aiSummary: null,
  aiKeywords: [],
});
const PAPERS = [
  paper('a', 'sparse attention video diffusion'),
  paper('b', 'video diffusion sparse kernels'),
  paper('c', 'robot grasping tactile'),
  paper('d', 'tactile robot hands'),
];

afterEach(() => clearPublishedRelated());

describe('relatedFor', () => {
  test('the lists handed over, when made of these papers, in any order', async () => {
    const planted = new Map([['a', ['planted']]]);
    publishRelated(Promise.resolve({ lists: planted, digest: inputsDigest([...PAPERS].reverse()) }));
    expect(await relatedFor(PAPERS)).toBe(planted);
  });

  test('computed here when the papers differ, nothing was handed over, or the thread failed', async () => {
    const want = relatedPapers(PAPERS);
    publishRelated(Promise.resolve(handOver([...PAPERS, paper('e', 'robot video')])));
    expect(await relatedFor(PAPERS)).toEqual(want);
    const changed = PAPERS.map((p) => (p.id === 'c' ? { ...p, title: 'robot grasping by touch' } : p));
    publishRelated(Promise.resolve(handOver(changed)));
    expect(await relatedFor(PAPERS)).toEqual(want);
    clearPublishedRelated();
    expect(await relatedFor(PAPERS)).toEqual(want);
    publishRelated(Promise.reject(new Error('the thread ended')));
    expect(await relatedFor(PAPERS)).toEqual(want);
  });

  test('what the thread hands over is what the pages would compute', () => {
    expect(handOver(PAPERS).lists).toEqual(relatedPapers(PAPERS));
    expect(handOver(PAPERS).digest).toBe(inputsDigest([...PAPERS].reverse()));
  });
});
