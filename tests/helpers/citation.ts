// citation.js (the reader of BibTeX, RIS and CSL-JSON that Zotero's and Pandoc's users share), as
// the tests read the site's citation files with it, and how a name it read back is compared with
// the archive's: its parts in reading order; a name holding a comma, which RIS and CSL-JSON give
// as "Family, Given"; and BibTeX's dash ligatures, the one change a BibTeX reader makes to text.
import { createRequire } from 'node:module';

export type CslName = {
  given?: string;
  family?: string;
  suffix?: string;
  literal?: string;
  'non-dropping-particle'?: string;
};
export type CslItem = {
  id?: string;
  title?: string;
  author?: CslName[];
  issued?: { 'date-parts'?: number[][] };
  URL?: string;
  DOI?: string;
  number?: string;
};

const require = createRequire(import.meta.url);
const { Cite } = require('@citation-js/core') as {
  Cite: { async: (input: string) => Promise<{ data: CslItem[] }> };
};
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-ris');

/** The items citation.js reads from a file's text (its format detected, as a reader's import does). */
export async function readCitationFile(text: string): Promise<CslItem[]> {
  return (await Cite.async(text)).data;
}

/** A name as citation.js gives it back, its parts in reading order. */
export const nameOf = (n: CslName): string =>
  n.literal ?? [n.given, n['non-dropping-particle'], n.family, n.suffix].filter(Boolean).join(' ');

/** "--" and "---" as a BibTeX reader gives them: en and em dashes (as LaTeX prints them). */
export const texDashes = (s: string): string => s.replaceAll('---', '—').replaceAll('--', '–');

/**
 * Whether `read` is the archive's `name`: as written (through BibTeX's dashes when `bib`), or,
 * for a name holding a comma that RIS and CSL-JSON cannot give in one field, its "Family, Given".
 */
export function sameName(read: CslName, name: string, bib = false): boolean {
  const want = bib ? texDashes(name) : name;
  return nameOf(read) === want || (want.includes(',') && `${read.family}, ${read.given}` === want);
}
