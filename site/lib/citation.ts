// How a paper is cited: Highwire `citation_*` meta tags (Google Scholar, Zotero), schema.org
// ScholarlyArticle JSON-LD, and a BibTeX entry. Every value is data from the archive, so each
// format gets its own escaping here; the HTML around them is escaped by Astro.
import { arxivAbsUrl, arxivPdfUrl, hfPaperUrl, type Paper } from '../../scraper/archive/index.ts';

/** The year a paper came out: arXiv's publication time, else the year its id encodes. */
export function paperYear(paper: Pick<Paper, 'id' | 'publishedAt'>): string {
  if (paper.publishedAt) return paper.publishedAt.slice(0, 4);
  return `20${paper.id.slice(0, 2)}`;
}

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

const BIBTEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
};

/** Text as a BibTeX field value reads it back: specials escaped in one pass, one line. */
export function bibtexText(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}$&%#_^~]/g, (c) => BIBTEX_SPECIAL[c]!);
}

/** An author's name as one BibTeX name: braced when BibTeX would split or reorder it. */
function bibtexName(name: string): string {
  const text = bibtexText(name);
  return /,|\band\b/i.test(text) ? `{${text}}` : text;
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
export function bibtexKey(paper: Pick<Paper, 'id' | 'title' | 'authors' | 'publishedAt'>): string {
  const last = keyWord(paper.authors[0]?.trim().split(/\s+/).at(-1) ?? '');
  const word = paper.title
    .split(/\s+/)
    .map(keyWord)
    .find((w) => w.length > 2 && !MINOR_WORDS.has(w));
  if (!last || !word) return `arxiv${paper.id.replace('.', '')}`;
  return `${last.slice(0, 24)}${paperYear(paper)}${word.slice(0, 24)}`;
}

export function bibtex(paper: Paper): string {
  const fields: [string, string][] = [
    // Double braces keep the title's capitalization (BibTeX styles lowercase titles).
    ['title', `{${bibtexText(paper.title)}}`],
    ['author', paper.authors.map(bibtexName).join(' and ')],
    ['year', paperYear(paper)],
    ['eprint', paper.id],
    ['archivePrefix', 'arXiv'],
    ['url', arxivAbsUrl(paper.id)],
  ];
  const body = fields
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `  ${key} = {${value}}`)
    .join(',\n');
  return `@misc{${bibtexKey(paper)},\n${body}\n}`;
}
