// What a star keeps of its paper, read from the page it is on (a card, a paper page) or from a
// paper page the list page fetched and parsed: the id, year and day from the button's data, the
// title and the authors from the text around it. No side effect: the list page's own script
// imports it too, and a packed copy bundles each page script with its imports apart.
import type { CiteRecord } from './list-store.ts';

export function recordOf(button: Element): CiteRecord {
  const box = button.closest('article') ?? button.ownerDocument;
  const names = box.querySelector('.authors')?.querySelectorAll('a[href*="author="]') ?? [];
  const data = (button as HTMLElement).dataset;
  return {
    id: data['star'] ?? '',
    title: (box.querySelector('h1, .card-title a')?.textContent ?? '').trim(),
    authors: [...names].map((a) => (a.textContent ?? '').trim()),
    year: data['year'] ?? data['date']?.slice(0, 4) ?? '',
    date: data['date'] || null,
  };
}
