// The stars of cards (components/PaperCard.astro) and of the paper page: a star keeps the paper
// in the reading list (list-store.ts), in this browser only. The buttons are rendered hidden and
// shown here, so that without JavaScript there is none that does nothing. What a star keeps is
// read from the page: the id, year and day from the button, the title and authors from the
// card or page. A card of more authors than it names marks its star `data-partial`: its entry is
// incomplete until the paper's own page, which names them all, completes it (below). Also the
// "New" marks of day pages (visits.ts).
import { announce } from './announce.ts';
import { onListChange, readList, writeList } from './list-io.ts';
import { has, keep, without } from './list-store.ts';
import { recordOf } from './star-record.ts';
import { BASELINE_KEY, isNewDay, SEEN_KEY, visitStep } from './visits.ts';

const stars = [...document.querySelectorAll<HTMLButtonElement>('button[data-star]')];

/** Each star pressed or not, as the list stands. */
function show(): void {
  const list = readList();
  for (const star of stars) star.setAttribute('aria-pressed', String(has(list, star.dataset['star'] ?? '')));
}

export function toggle(star: HTMLButtonElement): void {
  const record = recordOf(star);
  const list = readList();
  const starred = !has(list, record.id);
  const next = starred ? keep(list, record, !('partial' in star.dataset), Date.now()) : without(list, record.id);
  const kept = writeList(next);
  show();
  if (!kept) announce('Not kept: this browser does not allow the site to store anything.');
  else announce(`${starred ? 'Starred' : 'Unstarred'}: ${record.title}`);
}

for (const star of stars) {
  // A card's star is named with the card's title, "Star <title>": one of many stars on a page.
  const title = star.closest('article')?.getAttribute('aria-labelledby');
  if (title) {
    star.id = `star-${star.dataset['star']}`;
    star.setAttribute('aria-labelledby', `${star.id} ${title}`);
  }
  const icon = document.createElement('span');
  icon.className = 'star-icon';
  icon.setAttribute('aria-hidden', 'true');
  star.prepend(icon);
  star.setAttribute('aria-pressed', 'false');
  star.hidden = false;
  star.addEventListener('click', () => toggle(star));
}
show();
onListChange(show);

// The paper's own page names every author: an incomplete entry of it (a card's, a shared link's)
// is completed here.
const own = stars.find((s) => s.closest('.paper-head'));
if (own) {
  const record = recordOf(own);
  const entry = readList().find((e) => e.record.id === record.id);
  if (entry && !entry.complete) writeList(keep(readList(), record, true, Date.now()));
}

function newMarks(): void {
  const cards = document.querySelector<HTMLElement>('.cards[data-day]');
  const shown = cards?.dataset['day'] ?? null;
  let step: ReturnType<typeof visitStep>;
  try {
    step = visitStep({ seen: localStorage.getItem(SEEN_KEY), baseline: sessionStorage.getItem(BASELINE_KEY) }, shown);
    sessionStorage.setItem(BASELINE_KEY, step.store.baseline);
    if (step.store.seen) localStorage.setItem(SEEN_KEY, step.store.seen);
  } catch {
    return; // No storage: no visits to compare.
  }
  if (!cards || !shown || !isNewDay(shown, step.baseline)) return;
  for (const title of cards.querySelectorAll('.card-title')) {
    const mark = document.createElement('span');
    mark.className = 'new-mark';
    mark.textContent = 'New';
    const more = document.createElement('span');
    more.className = 'visually-hidden';
    more.textContent = ' since your last visit:';
    mark.append(more);
    title.prepend(mark, ' ');
  }
}
newMarks();
