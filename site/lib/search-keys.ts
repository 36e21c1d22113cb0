// The few spellings the search index and the search must agree on, in one module that both the
// build (search-index-build.ts) and the engine (site/client/search-engine.ts) import: how a
// filter value a reader types is compared, how a title, a keyword or a person's whole name
// becomes one exact key, and how names are compared. Pure and dependency-free but for the
// folding of search-text.ts, so it runs in Node and in the page.
import { fold } from './search-text.ts';

/** Case, accents, width and runs of spaces ignored: "Video  Générations" → "video generations". */
export function filterKey(value: string): string {
  return fold(value).replace(/\s+/g, ' ').trim();
}

/** Letters and digits only, without case or accents: titles compared as a reader would. */
export function textKey(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * A long text as a short key of fixed length: a 53-bit hash (two 32-bit multiplicative hashes
 * mixed, as cyrb53 does), 11 base-36 digits. Fast where BigInt arithmetic was the build's
 * slowest step.
 */
export function shortHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}

/** The exact key of a title: titles that read the same share it (the engine checks digits apart). */
export const titleKey = (title: string): string => `#t${shortHash(textKey(title))}`;

/** The exact key of a keyword, case and accents ignored. */
export const keywordKey = (keyword: string): string => `#k${shortHash(filterKey(keyword))}`;

/** A name's words, folded, letters only: "Zi-Han Wang" → ["zi", "han", "wang"]. */
function nameParts(name: string): string[] {
  return fold(name)
    .split(/[\s,]+/)
    .map((part) => part.replace(/[^\p{L}]/gu, ''))
    .filter(Boolean);
}

/**
 * The exact keys of a person's whole name: its letters in the order written, and surname first
 * (the last word moved to the front), without case, accents, hyphens or spaces. "Zi-Han Wang",
 * "Zihan Wang", "ZIHAN WANG" and "Wang Zihan" share a key; "Matthias Nießner" and "Matthias
 * Niessner" too. Empty for a name without letters.
 */
export function nameKeys(name: string): string[] {
  const parts = nameParts(name);
  if (parts.length === 0) return [];
  const given = `#n${parts.join('')}`;
  const surnameFirst = `#n${[parts.at(-1)!, ...parts.slice(0, -1)].join('')}`;
  return given === surnameFirst ? [given] : [given, surnameFirst];
}

/** The key a name typed is looked up by: its letters in the order typed (nameKeys holds both orders). */
export function nameLookupKey(name: string): string | null {
  const parts = nameParts(name);
  return parts.length === 0 ? null : `#n${parts.join('')}`;
}

/** Two names a reader would call the same: a key in common. */
export function sameName(a: string, b: string): boolean {
  const keys = new Set(nameKeys(a));
  return nameKeys(b).some((k) => keys.has(k));
}
