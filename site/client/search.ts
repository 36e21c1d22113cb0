// The search page: its form, its URL and its history, over the search itself
// (search-engine.ts). A search is its URL (?q=…&author=…&keyword=…&sort=…: what the search box
// on every page, an author, keyword or organization link leads to); each new search is a new
// history entry, and the results shown and the scroll position are kept in it
// (search-history.ts). Results come ten at a time, each shown as soon as its data arrives.
import { plural } from '../lib/format.ts';
import { FILTERS, readRequest, requestParams, type SearchRequest } from '../lib/search-request.ts';
import { type Hit, runSearch } from './search-engine.ts';
import { searchExport } from './search-export.ts';
import { pushSearch, savedView, saveView, trackScroll, type View } from './search-history.ts';
import { nearestQueries } from './search-nearest.ts';
import { elsewhere, nextSteps, type Paths, resultItem } from './search-render.ts';
import { suggestOnFirstUse } from './search-suggest.ts';

export const PAGE_SIZE = 10;

function fillForm(form: HTMLFormElement, request: SearchRequest): void {
  const set = (name: string, value: string): void => {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement && field.type === 'checkbox') field.checked = value === field.value;
    else if (field instanceof HTMLSelectElement) {
      // A value the build did not offer (an old link): keep it selectable rather than drop it.
      if (value && ![...field.options].some((o) => o.value === value)) field.add(new Option(value, value));
      field.value = value;
    } else if (field instanceof HTMLInputElement) field.value = value;
  };
  set('q', request.q);
  set('author', request.author);
  for (const key of FILTERS) set(key, request.filters[key] ?? '');
  set('sort', request.sort);
}

function formRequest(form: HTMLFormElement): SearchRequest {
  const fields = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (typeof value === 'string') fields.append(key, value);
  return readRequest(fields);
}

function describe(request: SearchRequest): string {
  // A query with its own quote marks (a phrase) is shown as typed, not quoted again.
  if (request.q) return request.q.includes('"') ? ` for ${request.q}` : ` for “${request.q}”`;
  return request.author ? ` by ${request.author}` : '';
}

/** The organizations a filter found, when they are not just the one typed. */
function ofOrganizations(request: SearchRequest, organizations: { found: string[] } | undefined): string {
  const found = organizations?.found ?? [];
  if (found.length === 0 || (found.length === 1 && found[0] === request.filters.organization)) return '';
  const shown = found.slice(0, 5).join('; ');
  return ` Organizations: ${shown}${found.length > 5 ? ` and ${found.length - 5} more` : ''}.`;
}

const papers = (n: number): string => plural(n, 'paper');

export async function startSearch(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const more = document.querySelector<HTMLButtonElement>('#search-more');
  const next = document.querySelector<HTMLElement>('#search-next');
  if (!form || !status || !list || !more || !next) return;
  const cite = searchExport(document.querySelector<HTMLElement>('#search-export'));
  const base = form.dataset['base'] ?? '/';
  const paths: Paths = { search: new URL(form.action).pathname, archive: form.dataset['archive'] ?? base };
  history.scrollRestoration = 'manual';
  suggestOnFirstUse(form, base);

  let generation = 0;
  let hits: Hit[] = [];
  let shown = 0;
  let depth = 1;
  /** The author the search is for, named in results' author lines. */
  let author = '';

  const done = (text: string): void => {
    status.textContent = text;
    status.dataset['state'] = 'done';
  };

  /** Shows results up to `count`, in order, each as soon as its data has arrived. */
  const showUpTo = async (mine: number, count: number): Promise<void> => {
    const pending = hits.slice(shown, count).map((hit) => hit.data());
    for (const data of pending) {
      const item = resultItem(await data, base, author);
      if (mine !== generation) return;
      list.append(item);
      shown += 1;
      // One result a task: ten laid out at once blocked a phone's main thread for 150 ms.
      await new Promise((next) => setTimeout(next, 0));
    }
    more.hidden = shown >= hits.length;
  };

  const run = async (request: SearchRequest, view: View, ready?: Promise<unknown>): Promise<void> => {
    const mine = ++generation;
    fillForm(form, request);
    list.replaceChildren();
    next.replaceChildren();
    more.hidden = true;
    cite?.hide();
    hits = [];
    shown = 0;
    depth = view.depth;
    author = request.author || request.q;
    status.textContent = 'Searching…';
    delete status.dataset['state'];
    let outcome: Awaited<ReturnType<typeof runSearch>>;
    try {
      outcome = await runSearch(base, request, ready);
    } catch {
      if (mine === generation) done('The search index could not be loaded. It is made by `npm run build`.');
      return;
    }
    if (mine !== generation) return;
    if (outcome.kind === 'prompt') {
      done('Type words, an author’s name, an arXiv id or link, or choose a filter or a sort.');
      return;
    }
    if (outcome.kind === 'paper') {
      if (!outcome.hit) {
        next.append(elsewhere(outcome.id));
        done(`No paper with arXiv id ${outcome.id} in the archive.`);
        return;
      }
      hits = [outcome.hit];
    } else {
      hits = outcome.hits;
    }
    // Shown before the results, which then come in below it: nothing moves down once drawn.
    if (hits.length > 0) cite?.show(hits, request.q || request.author);
    await showUpTo(mine, depth * PAGE_SIZE);
    if (mine !== generation) return;
    const organizations = outcome.kind === 'list' ? outcome.organizations : undefined;
    if (hits.length === 0) {
      const nearest = request.q ? await nearestQueries(base, request.q) : [];
      if (mine !== generation) return;
      next.append(nextSteps(request, paths, nearest, organizations?.near ?? []));
      const noOrganization =
        organizations && organizations.found.length === 0
          ? ` No organization’s name holds “${request.filters.organization}”.`
          : '';
      done(`No paper found${describe(request)}.${noOrganization}`);
    } else if (outcome.kind === 'paper') {
      done(`1 paper found: arXiv ${outcome.id}.`);
    } else {
      const { byTitle, byName } = outcome;
      const title = byTitle > 0 ? ' The first has that title.' : '';
      const name = byName === 0 ? '' : ` ${byTitle > 0 ? 'Then' : 'First'} ${papers(byName)} by ${request.q}.`;
      done(
        `${papers(hits.length)} found${describe(request)}.${title}${name}${ofOrganizations(request, organizations)}`,
      );
    }
    window.scrollTo(0, view.scrollY);
  };

  const go = (url: string): void => {
    pushSearch(url);
    void run(readRequest(new URL(url, location.href).searchParams), { depth: 1, scrollY: 0 });
  };

  const submit = (): void => {
    const params = requestParams(formRequest(form)).toString();
    go(params ? `${paths.search}?${params}` : paths.search);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  form.addEventListener('change', (event) => {
    // Lists and the check box apply at once; the text fields wait for Enter or the button.
    if (
      event.target instanceof HTMLSelectElement ||
      (event.target instanceof HTMLInputElement && event.target.type === 'checkbox')
    )
      submit();
  });
  more.addEventListener('click', () => {
    depth += 1;
    saveView({ depth, scrollY: window.scrollY });
    void showUpTo(generation, depth * PAGE_SIZE);
  });
  // Links to another search (the next steps of no results) search here, as a new entry.
  document.querySelector('main')?.addEventListener('click', (event) => {
    const a = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(a instanceof HTMLAnchorElement) || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    const url = new URL(a.href);
    if (url.origin !== location.origin || url.pathname !== paths.search) return;
    event.preventDefault();
    go(url.href);
  });
  window.addEventListener('popstate', () => void run(readRequest(new URLSearchParams(location.search)), savedView()));
  trackScroll(() => depth);

  const view = savedView();
  saveView(view);
  // The search's files are asked for at once; the work on them waits for the page to be shown:
  // begun before, it held the first paint back until the results were in, and made the page's
  // blocking time the search's (Lighthouse on a phone: TBT 91 → 221 ms).
  const painted = new Promise((shown) => requestAnimationFrame(() => setTimeout(shown, 0)));
  await run(readRequest(new URLSearchParams(location.search)), view, painted);
}
