// The list page (pages/list.astro): the reading list shown, its papers removed or cleared,
// exported as a file made here (a Blob and a download link: nothing leaves the browser), imported
// back from such a file (merged, never replacing; a file it cannot read changes nothing), shared
// as a link with the ids in its fragment, and a shared link's papers offered, never added unasked.
// A paper known only in part (a card of more than 50 authors, a shared id) is completed from its
// page where the page can be read (http); from disk (a packed copy), opening the page does it.
// The formats' code (lib/cite-formats.ts, cite-read.ts) comes with the page, not on the first
// export or import: loaded on demand it brought Vite's preloading helper along (0.9 KB gzipped),
// and the page's script came to 10.3 KB once something was exported; with the page, 9.1 KB.
import { CITE_FORMATS, type CiteFormat, formatCitations } from '../lib/cite-formats.ts';
import { MAX_CITE_FILE_CHARS, readCitations } from '../lib/cite-read.ts';
import { onListChange, readList, writeList } from './list-io.ts';
import { itemOf } from './list-render.ts';
import {
  type CiteRecord,
  checkRecord,
  type Entry,
  has,
  keep,
  merge,
  parseShare,
  shareFragment,
  without,
} from './list-store.ts';
import { recordOf } from './star-record.ts';

const PLACEHOLDER = '0000.00000';
const app = document.querySelector<HTMLElement>('[data-list-app]')!;
const $ = <T extends HTMLElement>(name: string): T => app.querySelector<T>(`[data-${name}]`)!;
const template = document.querySelector('[data-paper-href]')?.getAttribute('href') ?? '';
const paperHref = (id: string): string => template.replace(PLACEHOLDER, id);
const status = $('status');
const say = (text: string): void => {
  status.textContent = text;
};

/** A paper's whole record, read from its page; null where pages cannot be read (file://) or on any fault. */
async function fetchRecord(id: string): Promise<CiteRecord | null> {
  if (location.protocol === 'file:') return null;
  try {
    const response = await fetch(paperHref(id));
    if (!response.ok) return null;
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const button = doc.querySelector('.paper-head button[data-star]');
    const record = button ? checkRecord(recordOf(button)) : null;
    return record?.id === id ? record : null;
  } catch {
    return null;
  }
}

function render(): void {
  const list = readList();
  const items = $('items');
  items.replaceChildren(...list.map((e) => itemOf(e, paperHref, { remove: true })));
  $('count').textContent =
    list.length === 0
      ? 'No papers yet: star one (☆) on its card or page, or import a file.'
      : `${list.length} ${list.length === 1 ? 'paper' : 'papers'}, the last starred first.`;
  for (const b of app.querySelectorAll<HTMLButtonElement>('[data-export], [data-share], [data-clear]'))
    b.disabled = list.length === 0;
}

function save(list: Entry[]): boolean {
  const kept = writeList(list);
  if (!kept) say('Not saved: this browser does not allow the site to store anything.');
  render();
  return kept;
}

$('items').addEventListener('click', (e) => {
  const button = (e.target as Element).closest<HTMLButtonElement>('[data-remove]');
  if (!button) return;
  const id = button.dataset['remove'] ?? '';
  const list = readList();
  const title = list.find((x) => x.record.id === id)?.record.title ?? id;
  const at = list.findIndex((x) => x.record.id === id);
  if (save(without(list, id))) say(`Removed: ${title}`);
  // Focus stays in the list: on the next item's Remove, else the list's heading.
  const next =
    $('items').querySelectorAll<HTMLButtonElement>('[data-remove]')[at] ??
    $('items').querySelectorAll<HTMLButtonElement>('[data-remove]')[at - 1];
  (next ?? document.getElementById('yours-title'))?.focus();
});

function download(format: CiteFormat): void {
  const list = readList();
  const records = list.filter((e) => e.record.title !== '').map((e) => e.record);
  const info = CITE_FORMATS.find((f) => f.format === format)!;
  const blob = new Blob([formatCitations(format, records)], { type: info.mediaType });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `reading-list${info.extension}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
  const partial = list.filter((e) => !e.complete).length;
  const left = list.length - records.length;
  say(
    `Exported ${records.length} ${records.length === 1 ? 'paper' : 'papers'} as ${info.label}.` +
      (partial > 0
        ? ` ${partial} of them not complete (open their pages to complete them${left > 0 ? `; ${left} without a title left out` : ''}).`
        : ''),
  );
}
for (const b of app.querySelectorAll<HTMLButtonElement>('[data-export]')) {
  b.addEventListener('click', () => download(b.dataset['export'] as CiteFormat));
}

const input = $<HTMLInputElement>('import');
input.addEventListener('change', async () => {
  const file = input.files?.[0];
  if (!file) return;
  try {
    if (file.size > MAX_CITE_FILE_CHARS * 4) throw new Error('the file is too large to be a reading list');
    const records = readCitations(await file.text());
    const checked = records.map(checkRecord).filter((r): r is CiteRecord => r !== null);
    if (checked.length === 0) throw new Error('no paper of the archive in it');
    const { list, added } = merge(readList(), checked, true, Date.now());
    if (save(list)) say(`Imported ${file.name}: ${added} added, ${checked.length - added} already in the list.`);
  } catch (error) {
    say(
      `Not imported: ${file.name}: ${error instanceof Error ? error.message : String(error)}. Your list is unchanged.`,
    );
  }
  input.value = '';
});

$('share').addEventListener('click', () => {
  const url = `${location.href.split('#')[0]}${shareFragment(readList().map((e) => e.record.id))}`;
  const out = $<HTMLInputElement>('share-url');
  out.value = url;
  $('share-out').hidden = false;
  out.focus();
  out.select();
  say('The link is selected: copy it (Ctrl-C or ⌘-C).');
});

$('clear').addEventListener('click', () => {
  $('clear-question').textContent = `Remove all ${readList().length} papers from your list?`;
  $('clear-confirm').hidden = false;
  $<HTMLButtonElement>('clear-no').focus();
});
$('clear-no').addEventListener('click', () => {
  $('clear-confirm').hidden = true;
  $<HTMLButtonElement>('clear').focus();
});
$('clear-yes').addEventListener('click', () => {
  $('clear-confirm').hidden = true;
  if (save([])) say('The list is cleared.');
  $<HTMLButtonElement>('clear').focus();
});

/** A shared link's papers: shown, each checked against the list; added only by the button. */
async function showShared(): Promise<void> {
  const shared = parseShare(location.hash);
  const section = $('shared');
  section.hidden = !shared;
  if (!shared) return;
  const rejected =
    shared.rejected > 0
      ? ` ${shared.rejected} ${shared.rejected === 1 ? 'entry that is' : 'entries that are'} not arXiv ids left out.`
      : '';
  $('shared-note').textContent =
    `This link shares ${shared.ids.length} ${shared.ids.length === 1 ? 'paper' : 'papers'}.${rejected}`;
  const entries: Pick<Entry, 'record' | 'complete'>[] = shared.ids.map((id) => ({
    record: readList().find((e) => e.record.id === id)?.record ?? {
      id,
      title: '',
      authors: [],
      year: `20${id.slice(0, 2)}`,
      date: null,
    },
    complete: false,
  }));
  const draw = (): void => {
    const list = readList();
    $('shared-items').replaceChildren(
      ...entries.map((e) =>
        itemOf(e.record.title ? { ...e, complete: true } : e, paperHref, {
          note: has(list, e.record.id) ? ' In your list.' : '',
        }),
      ),
    );
  };
  draw();
  $<HTMLButtonElement>('shared-add').disabled = shared.ids.length === 0;
  const filled = (async () => {
    for (const e of entries) {
      if (e.record.title) continue;
      const record = await fetchRecord(e.record.id);
      if (record) Object.assign(e, { record, complete: true });
    }
    draw();
  })();
  // Heard at once, not once every paper's page has been read: a click meanwhile waits for them.
  $<HTMLButtonElement>('shared-add').onclick = async () => {
    await filled;
    let list = readList();
    let added = 0;
    // Backwards, each kept first: the list then reads in the link's order.
    for (const e of [...entries].reverse()) {
      if (!has(list, e.record.id)) added += 1;
      list = keep(list, e.record, e.complete, Date.now());
    }
    if (save(list)) say(`Added ${added} ${added === 1 ? 'paper' : 'papers'} to your list.`);
    draw();
  };
}
$('shared-dismiss').addEventListener('click', () => {
  history.replaceState(null, '', location.href.split('#')[0]);
  $('shared').hidden = true;
  document.getElementById('yours-title')?.focus();
});

/** Entries known in part, completed from their pages where they can be read. */
async function complete(): Promise<void> {
  for (const entry of readList().filter((e) => !e.complete)) {
    const record = await fetchRecord(entry.record.id);
    if (record) writeList(keep(readList(), record, true, Date.now()));
  }
  render();
}

app.hidden = false;
document.getElementById('yours-title')?.setAttribute('tabindex', '-1');
render();
onListChange(render);
addEventListener('hashchange', () => void showShared());
void showShared();
void complete();
