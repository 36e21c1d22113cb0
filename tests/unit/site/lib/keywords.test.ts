// The cards' keyword chips (site/lib/keywords.ts): at most three, only keywords other papers of
// the archive share, compared without regard to case or spacing, in the paper's own order.
import { describe, expect, test } from 'vitest';
import { CARD_KEYWORDS, keywordCounts, keywordKey, sharedKeywords } from '../../../../site/lib/keywords.ts';

const papers = [
  { aiKeywords: ['LLM Agents', 'diffusion', 'only-here', 'Video  Generation', 'RL', 'GRPO'] },
  { aiKeywords: ['llm agents', 'LLM agents', 'video generation'] },
  { aiKeywords: ['Diffusion', 'rl', 'grpo', 'another-only'] },
];
const counts = keywordCounts(papers);

describe('keyword chips', () => {
  test('a keyword is counted once per paper, whatever its case and spacing', () => {
    expect(keywordKey('  Video \n Generation ')).toBe('video generation');
    expect(counts.get('llm agents')).toBe(2); // twice in the second paper: still one paper
    expect(counts.get('video generation')).toBe(2);
    expect(counts.get('only-here')).toBe(1);
  });

  test('a card shows only keywords that lead to another paper, three at most, in its own order', () => {
    const chips = sharedKeywords(papers[0]!.aiKeywords, counts);
    expect(chips).toEqual([
      { label: 'LLM Agents', key: 'llm agents' },
      { label: 'diffusion', key: 'diffusion' },
      { label: 'Video  Generation', key: 'video generation' },
    ]);
    expect(chips).toHaveLength(CARD_KEYWORDS);
  });

  test('no chip for a keyword only this paper has, and one chip for two spellings of one keyword', () => {
    expect(sharedKeywords(['only-here', 'another-only'], counts)).toEqual([]);
    expect(sharedKeywords(papers[1]!.aiKeywords, counts)).toEqual([
      { label: 'llm agents', key: 'llm agents' },
      { label: 'video generation', key: 'video generation' },
    ]);
  });

  test('an empty or blank keyword is never a chip', () => {
    const blank = keywordCounts([{ aiKeywords: ['  ', ''] }, { aiKeywords: [' '] }]);
    expect(blank.size).toBe(0);
    expect(sharedKeywords([' '], blank)).toEqual([]);
  });
});
