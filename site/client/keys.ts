// Keyboard shortcuts on every page (key-map.ts decides which key does what): `/` search, `j`/`k`
// the next and previous paper (each card's title link, focused and scrolled into view), `s` the
// star of that paper (on a paper's page, of the paper), `?` the list of keys in a dialog, which
// Escape closes, focus going back where it was. Each is said in the page's live region. A line
// at the foot of the page says the keys exist; it is made here, since without this script there
// are no keys.
import { announce } from './announce.ts';
import { KEY_HELP, keyAction, moveTo } from './key-map.ts';
import { toggle } from './stars.ts';

const PAPERS = 'article.card .card-title a, li.result .result-title a';
let current = -1;

const papers = (): HTMLAnchorElement[] => [...document.querySelectorAll<HTMLAnchorElement>(PAPERS)];

function move(step: 1 | -1): void {
  const list = papers();
  const at = list.findIndex((a) => a.closest('article, li')?.contains(document.activeElement));
  const to = moveTo(at >= 0 ? at : current, step, list.length);
  if (to === null) {
    announce('No papers on this page.');
    return;
  }
  current = to;
  const link = list[to]!;
  link.focus({ preventScroll: true });
  link.scrollIntoView({ block: 'center' });
  announce(`Paper ${to + 1} of ${list.length}: ${(link.textContent ?? '').trim()}`);
}

function star(): void {
  const own = document.querySelector<HTMLButtonElement>('.paper-head button[data-star]');
  const list = papers();
  const at = list.findIndex((a) => a.closest('article, li')?.contains(document.activeElement));
  const card = list[at >= 0 ? at : current]?.closest('article');
  const button = own ?? card?.querySelector<HTMLButtonElement>('button[data-star]');
  if (button && !button.hidden) toggle(button);
  else announce('No paper to star: move to one with j or k first.');
}

function search(): void {
  const box = document.querySelector<HTMLInputElement>('#q, #site-search-q');
  if (!box) {
    // A page without a search box (none today): its link to the search page.
    document.querySelector<HTMLAnchorElement>('nav a[href*="search/"]')?.click();
    return;
  }
  box.focus();
  box.select();
}

let dialog: HTMLDialogElement | null = null;
let before: Element | null = null;

function help(): void {
  if (!dialog) {
    dialog = document.createElement('dialog');
    dialog.className = 'keys-dialog';
    dialog.setAttribute('aria-labelledby', 'keys-title');
    const title = document.createElement('h2');
    title.id = 'keys-title';
    title.textContent = 'Keyboard shortcuts';
    const keys = document.createElement('dl');
    for (const [key, does] of KEY_HELP) {
      const dt = document.createElement('dt');
      const kbd = document.createElement('kbd');
      kbd.textContent = key;
      dt.append(kbd);
      const dd = document.createElement('dd');
      dd.textContent = does;
      keys.append(dt, dd);
    }
    const note = document.createElement('p');
    note.textContent = 'The keys do nothing while you type in a field, or with Ctrl, Alt or ⌘.';
    const form = document.createElement('form');
    form.method = 'dialog';
    const close = document.createElement('button');
    close.textContent = 'Close';
    form.append(close);
    dialog.append(title, keys, note, form);
    document.body.append(dialog);
    dialog.addEventListener('close', () => (before as HTMLElement | null)?.focus?.());
  }
  if (dialog.open) return;
  before = document.activeElement;
  dialog.showModal();
}

addEventListener('keydown', (e) => {
  const target = e.target instanceof Element ? e.target : null;
  const action = keyAction({
    key: e.key,
    ctrlKey: e.ctrlKey,
    altKey: e.altKey,
    metaKey: e.metaKey,
    defaultPrevented: e.defaultPrevented,
    targetTag: target?.tagName ?? '',
    targetEditable: target instanceof HTMLElement && target.isContentEditable,
  });
  if (!action || dialog?.open) return;
  e.preventDefault();
  if (action === 'search') search();
  else if (action === 'next') move(1);
  else if (action === 'previous') move(-1);
  else if (action === 'star') star();
  else help();
});

const footer = document.querySelector('.site-footer');
if (footer) {
  const hint = document.createElement('p');
  hint.className = 'keys-hint';
  const open = document.createElement('button');
  open.type = 'button';
  open.textContent = 'Keyboard shortcuts (press ?)';
  open.addEventListener('click', help);
  hint.append(open);
  footer.append(hint);
}
