// How text becomes the search index's words, for the build that writes the index
// (search-index-build.ts) and the engine that reads it (site/client/search-engine.ts) alike: the
// same folding, the same splitting and the same stems on both sides, so that a word typed finds
// the word written. Case, accents and width are ignored and letters a reader transliterates are
// folded ("Nießner" is "niessner", "Ångström" "angstrom"); a word is a run of letters and digits
// (a hyphen or an apostrophe splits: "text-to-image" is three words); words of letters are
// stemmed with the Porter stemmer, so "models", "modeling" and "model" are one word. Pure.
import { stemmer } from 'stemmer';

/** Letters NFKD does not take apart, as they are written without their marks. */
const FOLDED: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
};
const UNFOLDED = new RegExp(`[${Object.keys(FOLDED).join('')}]`, 'g');

/** Lower case, without accents, width or the letters above: what two spellings of one word share. */
export function fold(text: string): string {
  return text
    .replace(UNFOLDED, (c) => FOLDED[c]!)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** Longer words are cut: no real word is this long, and a planted one must not bloat the index. */
export const MAX_WORD = 40;

/** The words of a text, folded, in order. */
export function wordsOf(text: string): string[] {
  // Most of the archive's text is printable ASCII, where folding is lower-casing and a letter is
  // a-z: the same words without NFKD and a Unicode scan over megabytes of abstracts.
  const words = /^[ -~\t\n\r]*$/.test(text)
    ? text.toLowerCase().match(/[a-z0-9]+/g)
    : fold(text).match(/[\p{L}\p{N}]+/gu);
  if (!words) return [];
  for (let i = 0; i < words.length; i++) if (words[i]!.length > MAX_WORD) words[i] = words[i]!.slice(0, MAX_WORD);
  return words;
}

/** A word as the index holds it: its stem, when it is all letters; digits and mixes as written. */
export function stemOf(word: string): string {
  return /^\p{L}+$/u.test(word) ? stemmer(word) : word;
}

/**
 * Words so common that they narrow nothing, and whose entries (every paper holds them) are the
 * largest a query can fetch. Left out of a query unless nothing else is left, or in a phrase.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be by for from in into is it its of on or that the this to via with'.split(' '),
);

/** The stems of the stop words: a phrase is matched over them (search-index-build.ts). */
export const STOP_STEMS: ReadonlySet<string> = new Set([...STOP_WORDS].map(stemOf));

type Word = { stem: string; word: string };

/**
 * One part of a query: a word (its stem, and the word as typed, for prefixes); a word written
 * with a hyphen or an apostrophe, which is either its parts or the parts joined ("Zi-Han" is
 * "zi han" or "zihan", "pre-training" "pretraining"); or a quoted phrase: its stems, stop words
 * left out (they are matched over, as the index holds phrases).
 */
export type QueryPart =
  | ({ kind: 'word' } & Word)
  | { kind: 'either'; parts: Word[]; joined: Word }
  | { kind: 'phrase'; stems: string[] };

const word = (w: string): Word => ({ stem: stemOf(w), word: w });

/**
 * What the words of a query ask for: each word not a stop word (all of them, when nothing else is
 * left), and each "quoted phrase", whose words all count. An unclosed quote quotes to the end.
 */
export function queryParts(query: string): QueryPart[] {
  const parts: QueryPart[] = [];
  const loose: string[][] = [];
  query.split('"').forEach((piece, i) => {
    const stems = wordsOf(piece)
      .map(stemOf)
      .filter((stem) => !STOP_STEMS.has(stem));
    if (i % 2 === 1 && stems.length > 1) parts.push({ kind: 'phrase', stems });
    else for (const token of piece.split(/\s+/)) if (wordsOf(token).length > 0) loose.push(wordsOf(token));
  });
  // Stop words count only when nothing else is asked.
  const all = parts.length === 0 && loose.every((t) => t.every((w) => STOP_WORDS.has(w)));
  const keep = (w: string) => all || !STOP_WORDS.has(w);
  const seen = new Set<string>();
  for (const token of loose) {
    const kept = token.filter(keep);
    if (kept.length === 0) continue;
    const key = kept.map(stemOf).join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    if (token.length > 1) parts.push({ kind: 'either', parts: kept.map(word), joined: word(token.join('')) });
    else parts.push({ kind: 'word', ...word(kept[0]!) });
  }
  return parts;
}

/** The query as words a reader typed, without quote marks or other signs: for "each word alone". */
export function plainWords(query: string): string[] {
  return query
    .replace(/["“”«»]/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}
