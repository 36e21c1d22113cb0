// The paper page's "Cite" block beyond BibTeX (lib/citation.ts): a plain-text reference to
// paste into a document, and an RIS record, the format Zotero, EndNote and Mendeley all import.
// The RIS record is offered as a data: link on the paper page rather than as a file per paper:
// at 12,000 papers that is 12,000 files fewer to build, store and upload, for about a kilobyte
// of each paper page. Every value is scraped text: each format gets its own cleaning here. Pure.
import { arxivAbsUrl, arxivPdfUrl, type Paper } from '../../scraper/archive/index.ts';
import { paperYear } from './citation.ts';

/** The DOI arXiv registers for every paper (DataCite, prefix 10.48550). */
export const arxivDoi = (id: string): string => `10.48550/arXiv.${id}`;

/** One line of text: control characters and line breaks (U+2028/9 included) become spaces. */
function line(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim();
}

/** Authors a plain reference names before "et al." */
export const REFERENCE_AUTHORS = 10;

/**
 * "Zi-Han Wang, Zhengxi Lu, Jie Wu. 2026. AgentOPSD: … Learning. arXiv:2608.05987.
 * https://arxiv.org/abs/2608.05987": names as the listing gives them (the archive knows no
 * family names), the year as BibTeX has it, the arXiv identifier and its URL.
 */
export function plainReference(paper: Pick<Paper, 'id' | 'title' | 'authors' | 'publishedAt'>): string {
  const names = paper.authors.map(line).filter(Boolean);
  const shown = names.slice(0, REFERENCE_AUTHORS).join(', ');
  const authors = names.length > REFERENCE_AUTHORS ? `${shown}, et al.` : shown;
  const title = line(paper.title);
  const parts = [
    authors ? (authors.endsWith('.') ? authors : `${authors}.`) : null,
    `${paperYear(paper)}.`,
    /[.?!]$/.test(title) ? title : `${title}.`,
    `arXiv:${paper.id}.`,
    arxivAbsUrl(paper.id),
  ];
  return parts.filter((p): p is string => p !== null).join(' ');
}

const SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV)$/i;

/**
 * An author as RIS wants one, "Family, Given": the last word taken as the family name, as
 * reference managers do with a name typed in one field. A name that already has a comma, or
 * is one word (李华), is left as it is.
 */
export function risName(name: string): string {
  const n = line(name);
  if (n.includes(',') || !n.includes(' ')) return n;
  const words = n.split(' ');
  const suffix = words.length > 2 && SUFFIX.test(words.at(-1)!) ? words.pop()! : null;
  const family = words.pop()!;
  return `${family}, ${words.join(' ')}${suffix ? `, ${suffix}` : ''}`;
}

/**
 * An RIS record: "TY  - UNPB" (unpublished work: what a preprint is to EndNote and Mendeley,
 * and what Zotero imports as a preprint or manuscript), lines ended by CR LF as the format asks.
 */
export function ris(paper: Paper): string {
  const fields: [string, string][] = [
    ['TY', 'UNPB'],
    ['TI', line(paper.title)],
    ...paper.authors.map((a): [string, string] => ['AU', risName(a)]),
    ['PY', paperYear(paper)],
  ];
  if (paper.publishedAt) fields.push(['DA', paper.publishedAt.slice(0, 10).replaceAll('-', '/')]);
  if (paper.abstract.trim()) fields.push(['AB', line(paper.abstract)]);
  for (const k of paper.aiKeywords) fields.push(['KW', line(k)]);
  fields.push(
    ['PB', 'arXiv'],
    ['AN', `arXiv:${paper.id}`],
    ['DO', arxivDoi(paper.id)],
    ['UR', arxivAbsUrl(paper.id)],
    ['L1', arxivPdfUrl(paper.id)],
  );
  const lines = fields.filter(([, v]) => v !== '').map(([tag, v]) => `${tag}  - ${v}`);
  return `${[...lines, 'ER  - '].join('\r\n')}\r\n`;
}

export const RIS_TYPE = 'application/x-research-info-systems';

/** The RIS record as a data: URL for a download link (percent-encoded: any text is safe in it). */
export function risDataUrl(paper: Paper): string {
  return `data:${RIS_TYPE};charset=utf-8,${encodeURIComponent(ris(paper))}`;
}
