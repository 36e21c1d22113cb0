// Each search is an entry of the browser's history: a new search is pushed, and what changes
// while reading it (results shown with "Show more", the scroll position) is written into its
// entry. Back and Forward, and coming back from a result, find the entry as it was left: if the
// browser kept the page (the back/forward cache), it is shown as is; if not, the page starts
// again and reads the entry's state (startSearch). The URL holds the search; the state its view.

export type View = { depth: number; scrollY: number };

type Entry = { dpaSearch: 1 } & View;

const isEntry = (state: unknown): state is Entry =>
  typeof state === 'object' && state !== null && (state as Partial<Entry>).dpaSearch === 1;

/** The view saved with the current entry, or the first page at the top. */
export function savedView(): View {
  const state: unknown = history.state;
  if (!isEntry(state)) return { depth: 1, scrollY: 0 };
  const depth = Number.isInteger(state.depth) && state.depth > 0 ? Math.min(state.depth, 100) : 1;
  return { depth, scrollY: Number.isFinite(state.scrollY) && state.scrollY > 0 ? state.scrollY : 0 };
}

const entry = (view: View): Entry => ({ dpaSearch: 1, depth: view.depth, scrollY: Math.round(view.scrollY) });

/** A new search: a new entry, at the top, unless the URL is already this search's. */
export function pushSearch(url: string): void {
  const next = new URL(url, location.href);
  if (next.href === location.href) saveView({ depth: 1, scrollY: 0 });
  else history.pushState(entry({ depth: 1, scrollY: 0 }), '', next.href);
}

export function saveView(view: View): void {
  history.replaceState(entry(view), '');
}

/**
 * Keeps the entry's scroll position up to date: after scrolling stops (browsers limit how often
 * an entry may be rewritten) and when the page is left.
 */
export function trackScroll(currentDepth: () => number): void {
  let timer: number | undefined;
  const save = (): void => {
    window.clearTimeout(timer);
    saveView({ depth: currentDepth(), scrollY: window.scrollY });
  };
  window.addEventListener(
    'scroll',
    () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, 150);
    },
    { passive: true },
  );
  window.addEventListener('pagehide', save);
  // A click on a link leaves the entry before a pending save would run; captured, so that it
  // is saved before the link's own handler can push a new entry.
  document.addEventListener(
    'click',
    (event) => {
      if (event.target instanceof Element && event.target.closest('a[href]')) save();
    },
    { capture: true },
  );
}
