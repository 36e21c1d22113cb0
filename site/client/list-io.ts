// The reading list in localStorage (list-store.ts is its data). Storage can be off or full
// (private windows, a browser's settings): then the list is empty and a write says it failed,
// and the page goes on working. A stored list that cannot be read is set aside under its own
// key before the first write over it, so nothing the reader had is lost.
import { LIST_KEY, LIST_SPARE_KEY, type List, parseList, serializeList } from './list-store.ts';

function raw(): string | null {
  try {
    return localStorage.getItem(LIST_KEY);
  } catch {
    return null;
  }
}

export const readList = (): List => parseList(raw()).list;

/** Writes the list; false when the browser would not keep it. */
export function writeList(list: List): boolean {
  try {
    const old = raw();
    if (parseList(old).unreadable && localStorage.getItem(LIST_SPARE_KEY) === null) {
      localStorage.setItem(LIST_SPARE_KEY, old ?? '');
    }
    localStorage.setItem(LIST_KEY, serializeList(list));
    return true;
  } catch {
    return false;
  }
}

/** Calls `changed` when another tab or window of the site changes the list. */
export function onListChange(changed: () => void): void {
  addEventListener('storage', (e) => {
    if (e.key === LIST_KEY || e.key === null) changed();
  });
}
