// The few spellings the search index and the search page must agree on, in one module that both
// the build (site/lib/search-records.ts) and the browser (site/client/) import: how a filter value
// a reader types is compared, how a person's whole name becomes one indexed word, and how an
// arXiv id is written in the index. Pure and dependency-free, so it runs in Node and in the page.

/** Case, accents, width and runs of spaces ignored: "Video  Générations" → "video generations". */
export function filterKey(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Pagefind matches a query word as the prefix of indexed words; a name word ends with this
 * letter-free mark, so "zihanwang0" never matches "zihanwangxu0": a name finds exactly itself.
 */
const NAME_END = '0';

/**
 * A person's whole name as one word: letters only, without case or accents, then the end mark.
 * "Zi-Han Wang", "Zihan Wang" and "ZIHAN WANG" are one word, "zihanwang0"; "" for a name
 * without letters. Pagefind splits names into words ("zi", "han", "wang") that anyone shares;
 * this word only papers by that name hold. A title is indexed the same way, for the exact
 * title lookup (titles that differ only in digits share the word: the search page tells them
 * apart by textKey).
 */
export function nameWord(name: string): string {
  const letters = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');
  return letters === '' ? '' : `${letters}${NAME_END}`;
}

export type TagKind = 'organization' | 'keyword';
const TAG_PREFIX: Record<TagKind, string> = { organization: 'o', keyword: 'k' };

/**
 * An organization or keyword as one indexed word, for filtering through Pagefind's own word
 * index: a letter, then 13 digits of a 64-bit FNV-1a hash of its filterKey. All tags are the
 * same length, so no tag is the prefix of another, and digits are never stemmed. (Pagefind's
 * filter files list every page of every value: 600 KB for the archive's keywords, fetched whole
 * by the first keyword filter; a tag costs one index chunk.)
 */
export function tagWord(kind: TagKind, value: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(filterKey(value))) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `${TAG_PREFIX[kind]}${(hash % 10n ** 13n).toString().padStart(13, '0')}`;
}

/** Letters and digits only, without case or accents: titles compared as a reader would. */
export function textKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Two names a reader would call the same: equal name words. */
export function sameName(a: string, b: string): boolean {
  const word = nameWord(a);
  return word !== '' && word === nameWord(b);
}
