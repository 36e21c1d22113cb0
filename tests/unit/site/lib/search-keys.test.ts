// The spellings the index and the search page share (site/lib/search-keys.ts): filter values
// without case or accents, a whole name (or title) as one prefix-free word, tags of one length.
import { describe, expect, test } from 'vitest';
import { filterKey, nameWord, sameName, tagWord, textKey } from '../../../../site/lib/search-keys.ts';

describe('search keys', () => {
  test('filterKey ignores case, accents, width and runs of spaces', () => {
    expect(filterKey('  Video  Générations ')).toBe('video generations');
    expect(filterKey('ＬＬＭ')).toBe('llm');
    expect(filterKey('Video Generation')).toBe(filterKey('video generation'));
  });

  test('nameWord: one word of letters, the same for every spelling of a name, ending in a mark', () => {
    expect(nameWord('Zi-Han Wang')).toBe('zihanwang0');
    expect(nameWord('ZIHAN WANG')).toBe('zihanwang0');
    expect(nameWord('Zoë Émile')).toBe('zoeemile0');
    expect(nameWord('李华')).toBe('李华0');
    expect(nameWord('Team 42')).toBe('team0');
    expect(nameWord('--- 42')).toBe('');
    // No name word is the start of another: a name finds exactly itself.
    expect(nameWord('Zihan Wangxu').startsWith(nameWord('Zihan Wang'))).toBe(false);
    expect(sameName('Zi-Han Wang', 'zihan wang')).toBe(true);
    expect(sameName('Zihan Wang', 'Zihan Wangxu')).toBe(false);
    expect(sameName('', '')).toBe(false);
  });

  test('textKey keeps digits, so titles that differ only in them differ', () => {
    expect(textKey('Qwen2.5 Technical Report')).toBe('qwen25technicalreport');
    expect(textKey('Qwen3 Technical Report')).not.toBe(textKey('Qwen2.5 Technical Report'));
    expect(nameWord('Qwen3 Technical Report')).toBe(nameWord('Qwen2.5 Technical Report'));
  });

  test('tagWord: a letter and 13 digits, the same for any case or accents, different per kind and value', () => {
    const tag = tagWord('keyword', 'Video Generation');
    expect(tag).toMatch(/^k\d{13}$/);
    expect(tagWord('keyword', 'video  generation')).toBe(tag);
    expect(tagWord('organization', 'Video Generation')).toMatch(/^o\d{13}$/);
    expect(tagWord('keyword', 'video generations')).not.toBe(tag);
    expect(tagWord('keyword', '<b>bold</b>')).toMatch(/^k\d{13}$/);
  });
});
