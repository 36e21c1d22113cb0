// The spellings the index and the search share (site/lib/search-keys.ts): filter values without
// case or accents, a whole name in either order as one exact key, a title or a keyword as one
// short key.
import { describe, expect, test } from 'vitest';
import {
  filterKey,
  keywordKey,
  nameKeys,
  nameLookupKey,
  sameName,
  shortHash,
  textKey,
  titleKey,
} from '../../../../site/lib/search-keys.ts';

describe('search keys', () => {
  test('filterKey ignores case, accents, width and runs of spaces', () => {
    expect(filterKey('  Video  Générations ')).toBe('video generations');
    expect(filterKey('ＬＬＭ')).toBe('llm');
    expect(filterKey('Video Generation')).toBe(filterKey('video generation'));
  });

  test('a name: its letters in the order written and surname first, folded', () => {
    expect(nameKeys('Zi-Han Wang')).toEqual(['#nzihanwang', '#nwangzihan']);
    expect(nameKeys('Ziwei Liu')).toContain(nameLookupKey('liu ziwei'));
    expect(nameKeys('Matthias Nießner')).toContain(nameLookupKey('Matthias Niessner'));
    expect(nameKeys('Zoë Émile')).toContain(nameLookupKey('zoe emile'));
    expect(nameKeys('Øyvind Tafjord')).toContain(nameLookupKey('Oyvind Tafjord'));
    expect(nameKeys('李华')).toEqual(['#n李华']);
    expect(nameKeys('Team 42')).toEqual(['#nteam']);
    expect(nameKeys('--- 42')).toEqual([]);
    expect(nameLookupKey('42')).toBeNull();
    expect(sameName('Zi-Han Wang', 'zihan wang')).toBe(true);
    expect(sameName('Wang Zihan', 'Zi-Han Wang')).toBe(true);
    expect(sameName('Zihan Wang', 'Zihan Wangxu')).toBe(false);
    expect(sameName('', '')).toBe(false);
  });

  test('textKey keeps digits, so titles that differ only in them differ', () => {
    expect(textKey('Qwen2.5 Technical Report')).toBe('qwen25technicalreport');
    expect(titleKey('Qwen3 Technical Report')).not.toBe(titleKey('Qwen2.5 Technical Report'));
    expect(titleKey('Qwen3:  technical report')).toBe(titleKey('Qwen3 Technical Report'));
  });

  test('a keyword key is the same for any case or accents, different per value', () => {
    const key = keywordKey('Video Generation');
    expect(key).toMatch(/^#k[0-9a-z]{11}$/);
    expect(keywordKey('vidéo  generation')).toBe(key);
    expect(keywordKey('video generations')).not.toBe(key);
    expect(shortHash('')).toMatch(/^[0-9a-z]{11}$/);
    expect(new Set(Array.from({ length: 5000 }, (_, i) => shortHash(`keyword ${i}`))).size).toBe(5000);
  });
});
