// The three citation formats every export of the site writes, and reads back: BibTeX (LaTeX),
// RIS (Zotero, EndNote, Mendeley) and CSL-JSON (Zotero, Pandoc, citation.js). One rule per
// format for a paper's page, a day's, week's or month's file, a search's results and the
// reading list alike. Pure and free of imports but types: the build runs it, and so does the
// browser (the reading list and the search page make their files in the page, also from a
// copy opened from disk). Every value is scraped text: each format gets its own escaping here,
// and what is read back is checked as data from elsewhere.
import type { Paper } from '../../scraper/archive/index.ts';

/** What a citation needs of a paper; what the reading list keeps and reads back from its files. */
export type CiteRecord = {
  /** The arXiv id, "2501.01234". */
  id: string;
  title: string;
  /** Every author, in order, as the listing names them. */
  authors: string[];
  /** "2025": arXiv's publication year, else the one the id encodes. */
  year: string;
  /** arXiv's publication day, "2025-01-03", when known. */
  date: string | null;
  /** Written into RIS when present (the paper page's RIS file, for reference managers); never read back. */
  abstract?: string;
  keywords?: string[];
};

export type CiteFormat = 'bibtex' | 'ris' | 'csl-json';

export const CITE_FORMATS: readonly { format: CiteFormat; label: string; extension: string; mediaType: string }[] = [
  { format: 'bibtex', label: 'BibTeX', extension: '.bib', mediaType: 'application/x-bibtex' },
  { format: 'ris', label: 'RIS', extension: '.ris', mediaType: 'application/x-research-info-systems' },
  {
    format: 'csl-json',
    label: 'CSL-JSON',
    extension: '.csl.json',
    mediaType: 'application/vnd.citationstyles.csl+json',
  },
];

/** An arXiv id of today's form, as the archive's schema holds them (ARXIV_ID there). */
export const ARXIV_ID = /^\d{4}\.\d{4,5}$/;

// The core's arxivAbsUrl and arxivPdfUrl, which the browser cannot import (tested equal).
export const arxivAbs = (id: string): string => `https://arxiv.org/abs/${id}`;
export const arxivPdf = (id: string): string => `https://arxiv.org/pdf/${id}`;
/** The DOI arXiv registers for every paper (DataCite, prefix 10.48550). */
export const arxivDoi = (id: string): string => `10.48550/arXiv.${id}`;

/** The year a paper came out: arXiv's publication time, else the year its id encodes. */
export function paperYear(paper: Pick<Paper, 'id' | 'publishedAt'>): string {
  if (paper.publishedAt) return paper.publishedAt.slice(0, 4);
  return `20${paper.id.slice(0, 2)}`;
}

export function citeRecord(
  paper: Pick<Paper, 'id' | 'title' | 'authors' | 'publishedAt'> & Partial<Pick<Paper, 'abstract' | 'aiKeywords'>>,
): CiteRecord {
  const record: CiteRecord = {
    id: paper.id,
    title: paper.title,
    authors: [...paper.authors],
    year: paperYear(paper),
    date: paper.publishedAt ? paper.publishedAt.slice(0, 10) : null,
  };
  if (paper.abstract?.trim()) record.abstract = paper.abstract;
  if (paper.aiKeywords?.length) record.keywords = [...paper.aiKeywords];
  return record;
}

/** One line of text: control characters and line breaks (U+2028/9 included) become spaces. */
export function line(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim();
}

// ---- BibTeX

const BIBTEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  // LaTeX's own names for the two: `\~{}` is an accent over nothing, which readers decode as one.
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** Text as a BibTeX field value reads it back: specials escaped in one pass, one line. */
export function bibtexText(s: string): string {
  return line(s).replace(/[\\{}$&%#_^~]/g, (c) => BIBTEX_SPECIAL[c]!);
}

/**
 * An author's name as one BibTeX name: braced when BibTeX would split or reorder it; a name
 * ending in "Jr." or the like as "Family, Jr., Given", the only form in which BibTeX reads a suffix.
 * A name whose last word does not begin with a capital or a caseless letter ("<img src=x>",
 * "---", "a b c") is braced too: BibTeX takes such a word for a "von" part and leaves no last
 * name, and readers then drop or split it (citation.js read the fixture's hostile names as {}).
 */
function bibtexName(name: string): string {
  const text = bibtexText(name);
  if (/,|\band\b/i.test(text)) return `{${text}}`;
  const s = splitName(name);
  if ('suffix' in s && s.suffix) return `${bibtexText(s.family)}, ${bibtexText(s.suffix)}, ${bibtexText(s.given)}`;
  return /^[\p{Lu}\p{Lt}\p{Lo}]/u.test(line(name).split(' ').at(-1) ?? '') ? text : `{${text}}`;
}

/** A word as a key part: letters only (a token with markup or digits is no name), ASCII. */
function keyWord(token: string): string {
  const word = token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (!/^[\p{L}\p{M}'’-]+$/u.test(word)) return '';
  return word
    .normalize('NFKD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

const MINOR_WORDS = new Set(['the', 'and', 'for', 'with', 'from', 'towards', 'toward', 'into', 'via']);

/** "wang2026agentopsd": first author's last name, year, first word of the title; else the id. */
export function bibtexKey(record: Pick<CiteRecord, 'id' | 'title' | 'authors' | 'year'>): string {
  const first = splitName(record.authors[0] ?? '');
  const last = keyWord('family' in first ? first.family : (first.literal.split(' ').at(-1) ?? ''));
  const word = record.title
    .split(/\s+/)
    .map(keyWord)
    .find((w) => w.length > 2 && !MINOR_WORDS.has(w));
  if (!last || !word) return `arxiv${record.id.replace('.', '')}`;
  return `${last.slice(0, 24)}${record.year}${word.slice(0, 24)}`;
}

/** One entry, under the key given (a file's keys are made unique by `formatCitations`). */
export function bibtexEntry(record: CiteRecord, key = bibtexKey(record)): string {
  return `@misc{${key},\n${bibtexBody(record)}\n}`;
}

/** An entry's fields, one a line. */
function bibtexBody(record: CiteRecord): string {
  const fields: [string, string][] = [
    // Double braces keep the title's capitalization (BibTeX styles lowercase titles).
    ['title', `{${bibtexText(record.title)}}`],
    ['author', record.authors.map(bibtexName).join(' and ')],
    ['year', record.year],
    ['eprint', record.id],
    ['archivePrefix', 'arXiv'],
    ['url', arxivAbs(record.id)],
  ];
  return fields
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `  ${key} = {${value}}`)
    .join(',\n');
}

/** The records' keys, in order, each unique in the file: a second "lee2025deep" is "lee2025deepb". */
function uniqueKeys(records: readonly CiteRecord[], keyOf: (r: CiteRecord) => string): string[] {
  const used = new Set<string>();
  return records.map((r) => {
    const base = keyOf(r);
    let key = base;
    for (let n = 1; used.has(key); n++) key = n < 26 ? `${base}${String.fromCharCode(97 + n)}` : `${base}-${r.id}`;
    used.add(key);
    return key;
  });
}

// ---- RIS

const SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV)$/i;

/** A name split as reference managers split one typed in one field: the last word is the family name. */
type SplitName = { family: string; given: string; suffix: string | null } | { literal: string };

function splitName(name: string): SplitName {
  const n = line(name);
  if (n.includes(',') || !n.includes(' ')) return { literal: n };
  const words = n.split(' ');
  const suffix = words.length > 2 && SUFFIX.test(words.at(-1)!) ? words.pop()! : null;
  const family = words.pop()!;
  return { family, given: words.join(' '), suffix };
}

/**
 * An author as RIS wants one, "Family, Given": the last word taken as the family name. A name
 * that already has a comma, or is one word (李华), is left as it is.
 */
export function risName(name: string): string {
  const s = splitName(name);
  if ('literal' in s) return s.literal;
  return `${s.family}, ${s.given}${s.suffix ? `, ${s.suffix}` : ''}`;
}

/**
 * An RIS record: "TY  - UNPB" (unpublished work: what a preprint is to EndNote and Mendeley,
 * and what Zotero imports as a preprint or manuscript), lines ended by CR LF as the format asks.
 */
export function risRecord(record: CiteRecord): string {
  const fields: [string, string][] = [
    ['TY', 'UNPB'],
    ['TI', line(record.title)],
    ...record.authors.map((a): [string, string] => ['AU', risName(a)]),
    ['PY', record.year],
  ];
  if (record.date) fields.push(['DA', record.date.replaceAll('-', '/')]);
  if (record.abstract?.trim()) fields.push(['AB', line(record.abstract)]);
  for (const k of record.keywords ?? []) fields.push(['KW', line(k)]);
  fields.push(
    ['PB', 'arXiv'],
    ['AN', `arXiv:${record.id}`],
    ['DO', arxivDoi(record.id)],
    ['UR', arxivAbs(record.id)],
    ['L1', arxivPdf(record.id)],
  );
  const lines = fields.filter(([, v]) => v !== '').map(([tag, v]) => `${tag}  - ${v}`);
  return `${[...lines, 'ER  - '].join('\r\n')}\r\n`;
}

// ---- CSL-JSON

/** A record as CSL-JSON's item: "article" is CSL's type for a preprint. */
function cslItem(record: CiteRecord): Record<string, unknown> {
  const names = record.authors.map((a) => {
    const s = splitName(a);
    if ('literal' in s) return { literal: s.literal };
    return s.suffix ? { family: s.family, given: s.given, suffix: s.suffix } : { family: s.family, given: s.given };
  });
  const parts = (record.date ?? record.year).split('-').map(Number);
  return {
    id: record.id,
    type: 'article',
    title: line(record.title),
    author: names,
    issued: { 'date-parts': [parts] },
    publisher: 'arXiv',
    number: `arXiv:${record.id}`,
    DOI: arxivDoi(record.id),
    URL: arxivAbs(record.id),
  };
}

/**
 * How a file gets each record's entry of a kind (its BibTeX key, BibTeX fields, RIS record or
 * CSL-JSON item): made there and then, or, for the build, which formats the same papers file after
 * file, remembered (lib/site-files.ts). Kept out of this module so that the browser's copy of it
 * carries no memo.
 */
export type EntryOf = (
  kind: 'key' | 'bib' | 'ris' | 'csl',
  record: CiteRecord,
  make: (r: CiteRecord) => string,
) => string;

const made: EntryOf = (_kind, record, make) => make(record);

/** The records as one file of the format: entries in the order given. */
export function formatCitations(format: CiteFormat, records: readonly CiteRecord[], once: EntryOf = made): string {
  if (format === 'bibtex') {
    const keys = uniqueKeys(records, (r) => once('key', r, bibtexKey));
    return records.map((r, i) => `@misc{${keys[i]},\n${once('bib', r, bibtexBody)}\n}\n`).join('\n');
  }
  if (format === 'ris') return records.map((r) => once('ris', r, risRecord)).join('\r\n');
  // An item a line: a file a person can read and diff, two fifths the size of one indented
  // throughout (the full corpus's bulk CSL-JSON files: 40 MB indented).
  return `[\n${records.map((r) => once('csl', r, (x) => JSON.stringify(cslItem(x)))).join(',\n')}\n]\n`;
}
