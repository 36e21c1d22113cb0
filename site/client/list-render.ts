// The reading list's items as the list page shows them (list-page.ts): the title linked to the
// paper's page, the first authors, the day (or year), and what the page can do with it. Every
// text is set as text: titles and names are the archive's data, or a file's the reader chose.
import type { CiteRecord, Entry } from './list-store.ts';

// search-render.ts's el, copied: imported from one module by both pages, it became a script file
// of its own, 126 B gzipped and a request more on each (measured on the bundled archive's build).
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export const shortAuthors = (authors: readonly string[]): string =>
  authors.length <= 3 ? authors.join(', ') : `${authors.slice(0, 3).join(', ')} et al. (${authors.length} authors)`;

const titleOf = (r: CiteRecord): string => r.title || `arXiv ${r.id}`;

/**
 * One paper's line. `paperHref` makes its page's address (as the page's own links are made, so
 * that a packed copy's relative links hold); `remove` adds a Remove button; `note` follows.
 */
export function itemOf(
  entry: Pick<Entry, 'record' | 'complete'>,
  paperHref: (id: string) => string,
  options: { remove?: boolean; note?: string } = {},
): HTMLLIElement {
  const r = entry.record;
  const li = el('li');
  const link = el('a', 'list-title', titleOf(r));
  link.href = paperHref(r.id);
  li.append(link);
  const facts = [r.authors.length > 0 ? shortAuthors(r.authors) : '', r.date ?? r.year].filter(Boolean);
  if (facts.length > 0) li.append(el('span', 'muted list-facts', facts.join(' · ')));
  if (!entry.complete) {
    li.append(
      el(
        'span',
        'muted list-facts',
        r.title
          ? 'Not every author is listed here yet: opening its page completes it.'
          : 'Open its page to read its title and authors.',
      ),
    );
  }
  if (options.note) li.append(el('span', 'list-note', options.note));
  if (options.remove) {
    const button = el('button', 'list-remove', 'Remove');
    button.type = 'button';
    button.dataset['remove'] = r.id;
    button.append(el('span', 'visually-hidden', `: ${titleOf(r)}`));
    li.append(button);
  }
  return li;
}
