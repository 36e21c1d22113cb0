// The search page: Pagefind's JavaScript API over the index built from the paper pages, driven
// by the page's own form. Everything shown comes from the index, i.e. from scraped data, so
// results are built with DOM text nodes only; nothing is ever parsed as HTML in the page.

type PagefindResultData = {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
};
type PagefindResult = { id: string; data: () => Promise<PagefindResultData> };
type PagefindSearch = { results: PagefindResult[]; unfilteredResultCount: number };
type Pagefind = {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (
    term: string | null,
    o: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ) => Promise<PagefindSearch | null>;
};

const PAGE_SIZE = 20;
const FILTERS = ['year', 'month', 'organization', 'keyword', 'code'] as const;
const SORTS: Record<string, Record<string, 'asc' | 'desc'>> = {
  upvotes: { upvotes: 'desc' },
  newest: { date: 'desc' },
  oldest: { date: 'asc' },
};

type Query = { q: string; filters: Record<string, string>; sort: string };

function readQuery(params: URLSearchParams): Query {
  const filters: Record<string, string> = {};
  for (const key of FILTERS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return { q: params.get('q')?.trim() ?? '', filters, sort: params.get('sort') ?? '' };
}

function queryParams(query: Query): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const [k, v] of Object.entries(query.filters)) params.set(k, v);
  if (query.sort) params.set('sort', query.sort);
  return params;
}

function fillForm(form: HTMLFormElement, query: Query): void {
  const set = (name: string, value: string): void => {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement && field.type === 'checkbox') field.checked = value === field.value;
    else if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) {
      if (field instanceof HTMLSelectElement && value && ![...field.options].some((o) => o.value === value)) {
        // A value the build did not offer (an old link): keep it selectable rather than drop it.
        field.add(new Option(value, value));
      }
      field.value = value;
    }
  };
  set('q', query.q);
  for (const key of FILTERS) set(key, query.filters[key] ?? '');
  set('sort', query.sort);
}

/**
 * Pagefind's excerpt is HTML: the page text, escaped, with <mark> around the matches. It is
 * parsed in an inert document (no scripts run, nothing loads) and only its text and marks are
 * copied out.
 */
function excerptNodes(excerpt: string): Node[] {
  const doc = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  const out: Node[] = [];
  for (const node of doc.body.firstElementChild?.childNodes ?? []) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      out.push(mark);
    } else {
      out.push(document.createTextNode(node.textContent ?? ''));
    }
  }
  return out;
}

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

/** The first three authors of the index's comma-separated list, for a result line. */
function shortAuthors(authors: string | undefined): string | null {
  if (!authors) return null;
  const names = authors.split(', ');
  return names.length > 4 ? `${names.slice(0, 3).join(', ')} et al.` : authors;
}

function resultItem(data: PagefindResultData, base: string): HTMLLIElement {
  const li = el('li', 'result');
  const title = el('h2', 'result-title');
  const name = data.meta['title'] ?? data.url;
  // Pagefind's URLs are the paper pages' own paths under the site's base; nothing else is linked.
  if (data.url.startsWith(base)) {
    const link = el('a', undefined, name);
    link.href = data.url;
    title.append(link);
  } else {
    title.textContent = name;
  }
  li.append(title);
  const facts = [
    data.meta['date'] ? `featured ${data.meta['date']}` : null,
    data.meta['upvotes'] ? `${data.meta['upvotes']} upvotes` : null,
    shortAuthors(data.meta['authors']),
  ].filter((s): s is string => Boolean(s));
  if (facts.length > 0) li.append(el('p', 'result-meta', facts.join(' · ')));
  const excerpt = el('p', 'result-excerpt');
  excerpt.append(...excerptNodes(data.excerpt));
  li.append(excerpt);
  return li;
}

export async function startSearch(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const more = document.querySelector<HTMLButtonElement>('#search-more');
  if (!form || !status || !list || !more) return;
  const base = form.dataset['base'] ?? '/';

  let pagefind: Pagefind | null = null;
  const load = async (): Promise<Pagefind> => {
    if (pagefind) return pagefind;
    const url = `${base}pagefind/pagefind.js`;
    const module = (await import(/* @vite-ignore */ url)) as Pagefind;
    await module.options({ baseUrl: base, excerptLength: 40 });
    await module.init();
    pagefind = module;
    return module;
  };

  let generation = 0;
  let pending: PagefindResult[] = [];

  const showMore = async (mine: number): Promise<void> => {
    const batch = pending.splice(0, PAGE_SIZE);
    const datas = await Promise.all(batch.map((r) => r.data()));
    if (mine !== generation) return;
    list.append(...datas.map((d) => resultItem(d, base)));
    more.hidden = pending.length === 0;
  };

  const run = async (query: Query): Promise<void> => {
    const mine = ++generation;
    list.replaceChildren();
    more.hidden = true;
    pending = [];
    if (!query.q && Object.keys(query.filters).length === 0) {
      status.textContent = 'Type a word, or choose a filter.';
      return;
    }
    status.textContent = 'Searching…';
    let found: PagefindSearch | null;
    try {
      const pf = await load();
      found = await pf.search(query.q || null, { filters: query.filters, sort: SORTS[query.sort] ?? {} });
    } catch {
      if (mine === generation)
        status.textContent = 'The search index could not be loaded. It is made by `npm run build`.';
      return;
    }
    if (mine !== generation || !found) return;
    pending = [...found.results];
    await showMore(mine);
    if (mine !== generation) return;
    // Announced once the first results are on the page.
    const n = found.results.length;
    const what = query.q ? ` for “${query.q}”` : '';
    status.textContent =
      n === 0 ? `No paper found${what}.` : `${n.toLocaleString('en-US')} paper${n === 1 ? '' : 's'} found${what}.`;
  };

  const submit = (): void => {
    const fields = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === 'string') fields.append(key, value);
    const query = readQuery(fields);
    const params = queryParams(query).toString();
    history.replaceState(null, '', params ? `?${params}` : location.pathname);
    void run(query);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  form.addEventListener('change', (event) => {
    // Filters and sort apply at once; the text fields wait for Enter or the button.
    if (
      event.target instanceof HTMLSelectElement ||
      (event.target instanceof HTMLInputElement && event.target.type === 'checkbox')
    )
      submit();
  });
  more.addEventListener('click', () => void showMore(generation));

  const initial = readQuery(new URLSearchParams(location.search));
  fillForm(form, initial);
  await run(initial);
}
