// The search page's results, built from the index's data, which is scraped text: every string
// lands in a text node, and the excerpt (escaped text with <mark>s, site/lib/search-excerpt.ts)
// is read in an inert document and only its text and marks are copied out. Nothing from the index is ever parsed as HTML in
// the page, and only paths under the site's base become links.

import { formatDate } from '../lib/format.ts';
import { sameName } from '../lib/search-keys.ts';
import { narrowings, requestParams, type SearchRequest } from '../lib/search-request.ts';
import { plainWords } from '../lib/search-text.ts';
import type { ResultData } from './search-engine.ts';

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = el('a', undefined, text);
  a.href = href;
  return a;
}

/** The excerpt: the body's text, escaped, with <mark> around the matches. */
export function excerptNodes(excerpt: string): Node[] {
  const doc = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  const out: Node[] = [];
  for (const node of doc.body.firstElementChild?.childNodes ?? []) {
    if (node.nodeName === 'MARK') out.push(el('mark', undefined, node.textContent ?? ''));
    else out.push(document.createTextNode(node.textContent ?? ''));
  }
  return out;
}

/**
 * The first three authors of the index's comma-separated list, for a result line, and the
 * author searched for when they come later in the list.
 */
function shortAuthors(authors: string | undefined, author: string): string | null {
  if (!authors) return null;
  const names = authors.split(', ');
  if (names.length <= 4) return authors;
  const later = author ? names.slice(3).find((n) => sameName(n, author)) : undefined;
  return `${names.slice(0, 3).join(', ')} et al.${later ? `, with ${later}` : ''}`;
}

/** A result; `author`, the name searched for, is named in its author line if it is one of them. */
export function resultItem(data: ResultData, base: string, author = ''): HTMLLIElement {
  const li = el('li', 'result');
  const title = el('h2', 'result-title');
  const name = data.meta['title'] ?? data.url;
  // URLs are the paper pages' own paths from the site's root ("/papers/<id>/", search-engine.ts),
  // put under the base here; nothing else is linked.
  const own = data.url.startsWith('/') && !data.url.startsWith('//');
  title.append(own ? link(`${base}${data.url.slice(1)}`, name) : document.createTextNode(name));
  li.append(title);
  const day = data.filters['day']?.[0];
  const upvotes = data.filters['upvotes']?.[0];
  const facts = [
    day ? `featured ${formatDate(day)}` : null,
    upvotes ? `${upvotes} upvote${upvotes === '1' ? '' : 's'}` : null,
    shortAuthors(data.meta['authors'], author),
  ].filter((s): s is string => Boolean(s));
  if (facts.length > 0) li.append(el('p', 'result-meta', facts.join(' · ')));
  const excerpt = el('p', 'result-excerpt');
  excerpt.append(...excerptNodes(data.excerpt));
  li.append(excerpt);
  return li;
}

export type Paths = { search: string; archive: string };

const searchHref = (paths: Paths, request: SearchRequest): string => {
  const params = requestParams(request).toString();
  return params ? `${paths.search}?${params}` : paths.search;
};

/**
 * What to do when nothing matched: drop a filter, try the nearest words the archive has
 * (search-nearest.ts), search fewer words, browse the archive.
 */
export function nextSteps(
  request: SearchRequest,
  paths: Paths,
  nearest: readonly { word: string; q: string }[] = [],
  organizations: readonly string[] = [],
): HTMLElement {
  const list = el('ul', 'next-steps');
  const item = (...nodes: (Node | string)[]): void => {
    const li = el('li');
    li.append(...nodes);
    list.append(li);
  };
  if (organizations.length > 0) {
    const links = organizations.flatMap((name, i) => [
      ...(i > 0 ? [', '] : []),
      link(searchHref(paths, { ...request, filters: { ...request.filters, organization: name } }), name),
    ]);
    item('The nearest organizations: ', ...links);
  }
  for (const { label, without } of narrowings(request))
    item(link(searchHref(paths, without), `Search without “${label}”`));
  if (nearest.length > 0) {
    const links = nearest.flatMap(({ word, q }, i) => [
      ...(i > 0 ? [', '] : []),
      link(searchHref(paths, { ...request, q }), word),
    ]);
    item('The nearest words in the archive: ', ...links);
  }
  const words = plainWords(request.q).filter((w) => w.length > 1);
  if (words.length > 1 && words.length <= 6) {
    const links = words.flatMap((w, i) => [...(i > 0 ? [', '] : []), link(searchHref(paths, { ...request, q: w }), w)]);
    item('Search for one of the words: ', ...links);
  }
  item(link(paths.archive, 'Browse the archive day by day'));
  return list;
}

/** A paper the archive does not hold: where it can be read. The id is checked (search-query.ts). */
export function elsewhere(id: string): HTMLElement {
  const list = el('ul', 'next-steps');
  for (const [href, text] of [
    [`https://arxiv.org/abs/${id}`, `arXiv ${id} on arXiv`],
    [`https://huggingface.co/papers/${id}`, `arXiv ${id} on Hugging Face`],
  ] as const) {
    const li = el('li');
    li.append(link(href, text));
    list.append(li);
  }
  return list;
}
