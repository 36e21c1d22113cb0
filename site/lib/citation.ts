// How a paper is cited: Highwire `citation_*` meta tags (Google Scholar, Zotero), schema.org
// ScholarlyArticle JSON-LD, and a BibTeX entry (by lib/cite-formats.ts's rule). Every value is
// data from the archive, so each format gets its own escaping; the HTML around them is Astro's.
import { arxivAbsUrl, arxivPdfUrl, hfPaperUrl, type Paper } from '../../scraper/archive/index.ts';
import { bibtexEntry, citeRecord, bibtexKey as keyOf } from './cite-formats.ts';

export { bibtexText, paperYear } from './cite-formats.ts';

/** "2026/08/06", the date form Highwire tags use. */
function highwireDate(paper: Pick<Paper, 'id' | 'publishedAt'>): string {
  if (paper.publishedAt) return paper.publishedAt.slice(0, 10).replaceAll('-', '/');
  return `20${paper.id.slice(0, 2)}/${paper.id.slice(2, 4)}`;
}

export type MetaTag = { name: string; content: string };

export function highwireTags(paper: Paper): MetaTag[] {
  const tags: MetaTag[] = [{ name: 'citation_title', content: paper.title }];
  for (const author of paper.authors) tags.push({ name: 'citation_author', content: author });
  tags.push(
    { name: 'citation_publication_date', content: highwireDate(paper) },
    { name: 'citation_online_date', content: highwireDate(paper) },
    { name: 'citation_publisher', content: 'arXiv' },
    { name: 'citation_arxiv_id', content: paper.id },
    { name: 'citation_abstract_html_url', content: arxivAbsUrl(paper.id) },
    { name: 'citation_pdf_url', content: arxivPdfUrl(paper.id) },
  );
  if (paper.aiKeywords.length > 0) tags.push({ name: 'citation_keywords', content: paper.aiKeywords.join('; ') });
  return tags;
}

export function scholarlyArticle(paper: Paper, pageUrl: string): Record<string, unknown> {
  const article: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    '@id': arxivAbsUrl(paper.id),
    name: paper.title,
    headline: paper.title,
    author: paper.authors.map((name) => ({ '@type': 'Person', name })),
    abstract: paper.abstract,
    url: pageUrl,
    sameAs: [arxivAbsUrl(paper.id), hfPaperUrl(paper.id)],
    identifier: { '@type': 'PropertyValue', propertyID: 'arXiv', value: paper.id },
    encoding: { '@type': 'MediaObject', encodingFormat: 'application/pdf', contentUrl: arxivPdfUrl(paper.id) },
    isAccessibleForFree: true,
  };
  if (paper.publishedAt) article['datePublished'] = paper.publishedAt;
  if (paper.aiKeywords.length > 0) article['keywords'] = paper.aiKeywords;
  if (paper.organization) article['sourceOrganization'] = { '@type': 'Organization', name: paper.organization.name };
  return article;
}

/**
 * JSON that stays JSON inside a <script> element: "</script>", "<!--" and the line separators
 * that older parsers end a string at are written as \u escapes, which mean the same in JSON.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** "wang2026agentopsd": the key a paper's entry has on its own page (lib/cite-formats.ts). */
export function bibtexKey(paper: Pick<Paper, 'id' | 'title' | 'authors' | 'publishedAt'>): string {
  return keyOf(citeRecord(paper));
}

/** The paper page's BibTeX entry: the same rule as every file of citations (lib/cite-formats.ts). */
export function bibtex(paper: Paper): string {
  return bibtexEntry(citeRecord(paper));
}
