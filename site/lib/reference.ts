// The paper page's "Cite" block beyond BibTeX (lib/citation.ts): a plain-text reference to
// paste into a document, and an RIS record, the format Zotero, EndNote and Mendeley all import.
// The RIS record is offered as a data: link on the paper page rather than as a file per paper:
// at 12,000 papers that is 12,000 files fewer to build, store and upload, for about a kilobyte
// of each paper page. Every value is scraped text: each format gets its own cleaning here. Pure.
import { arxivAbsUrl, type Paper } from '../../scraper/archive/index.ts';
import { citeRecord, line, paperYear, risRecord } from './cite-formats.ts';

export { arxivDoi, risName } from './cite-formats.ts';

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

/** An RIS record of the paper, abstract and keywords included (lib/cite-formats.ts's rule). */
export function ris(paper: Paper): string {
  return risRecord(citeRecord(paper));
}

export const RIS_TYPE = 'application/x-research-info-systems';

/** The RIS record as a data: URL for a download link (percent-encoded: any text is safe in it). */
export function risDataUrl(paper: Paper): string {
  return `data:${RIS_TYPE};charset=utf-8,${encodeURIComponent(ris(paper))}`;
}
