// How text becomes the index's words (site/lib/search-text.ts): folded as a reader spells,
// split at anything but letters and digits, stemmed; and what a query asks for.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fold, plainWords, queryParts, stemOf, wordsOf } from '../../../../site/lib/search-text.ts';

describe('words', () => {
  test('case, accents, width and the letters readers transliterate are folded', () => {
    expect(fold('Nießner Ångström ŁÓDŹ Æsir Øresund ＬＬＭ')).toBe('niessner angstrom lodz aesir oresund llm');
  });

  test('a word is a run of letters and digits; stems join a word’s forms', () => {
    expect(wordsOf('Text-to-Image models: GPT-4o’s 3D')).toEqual([
      'text',
      'to',
      'image',
      'models',
      'gpt',
      '4o',
      's',
      '3d',
    ]);
    expect(stemOf('models')).toBe(stemOf('model'));
    expect(stemOf('generation')).toBe(stemOf('generations'));
    expect(stemOf('4o')).toBe('4o');
    expect(wordsOf('x'.repeat(100))[0]).toHaveLength(40);
  });
});

describe('queryParts', () => {
  test('words without stop words, each once; all of them when nothing else is left', () => {
    expect(queryParts('the mixture of the experts experts').map((p) => p.kind === 'word' && p.word)).toEqual([
      'mixture',
      'experts',
    ]);
    expect(queryParts('the of').map((p) => p.kind === 'word' && p.word)).toEqual(['the', 'of']);
  });

  test('a quoted phrase is its stems without stop words; one word in quotes is a word', () => {
    expect(queryParts('"mixture of experts" routing')).toEqual([
      { kind: 'phrase', stems: [stemOf('mixture'), stemOf('experts')] },
      { kind: 'word', stem: stemOf('routing'), word: 'routing' },
    ]);
    expect(queryParts('"agents"')).toEqual([{ kind: 'word', stem: stemOf('agents'), word: 'agents' }]);
    expect(queryParts('"video generation')).toEqual([
      { kind: 'phrase', stems: [stemOf('video'), stemOf('generation')] },
    ]);
  });

  test('a word with a hyphen is its parts or the parts joined', () => {
    expect(queryParts('Zi-Han state-of-the-art')).toEqual([
      {
        kind: 'either',
        parts: [
          { stem: 'zi', word: 'zi' },
          { stem: 'han', word: 'han' },
        ],
        joined: { stem: 'zihan', word: 'zihan' },
      },
      {
        kind: 'either',
        parts: [
          { stem: stemOf('state'), word: 'state' },
          { stem: stemOf('art'), word: 'art' },
        ],
        joined: { stem: stemOf('stateoftheart'), word: 'stateoftheart' },
      },
    ]);
  });

  test('plainWords: what a reader typed, without quote marks', () => {
    expect(plainWords('"video generation" “world model”')).toEqual(['video', 'generation', 'world', 'model']);
  });
});

describe('wordsOf, ASCII', () => {
  // ASCII text takes a shorter way (lower case, a-z and digits): it must find the same words.
  test('finds the words the folding way finds', () => {
    const folded = (text: string) => (fold(text).match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, 40));
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 80 }), (text) => {
        expect(wordsOf(text)).toEqual(folded(text));
      }),
      { numRuns: 500 },
    );
    expect(wordsOf('Ünïcode and ASCII')).toEqual(['unicode', 'and', 'ascii']);
  });
});
