// The search's results as a citation file: every result of the current search, not only those
// shown, as BibTeX, RIS or CSL-JSON (site/lib/cite-formats.ts writes them), made in the page and
// handed to the browser as a download (a Blob behind a link with `download`). Each result's
// record is the one the results show (the index's paper record, with every author and the
// publication date), fetched a few at a time; from a copy opened from disk the pack's shim
// answers those fetches, and a blob: link downloads there too. The buttons are in the page
// (pages/search.astro), hidden until a search finds something. The formats' code
// (lib/cite-formats.ts) is loaded on the first export, not with the page: most searches cite
// nothing, and the search page is the one whose first result is timed (1.9 KB gzipped less).
import type { CiteFormat, CiteRecord } from '../lib/cite-formats.ts';
import { plural } from '../lib/format.ts';
import type { Hit } from './search-engine.ts';

/** Records asked for at once: enough to keep a connection busy, few enough not to flood one. */
const AT_ONCE = 8;

/** What the file is saved as: "daily-papers-search-video-diffusion.bib". */
export function exportName(words: string, extension: string): string {
  const slug = words
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `daily-papers-search${slug ? `-${slug}` : ''}${extension}`;
}

/** Every hit's record, in order, `AT_ONCE` at a time; `progress` after each. */
async function records(
  hits: readonly Hit[],
  progress: (done: number) => void,
  citeRecord: (doc: Awaited<ReturnType<Hit['paper']>>) => CiteRecord,
) {
  const docs: Awaited<ReturnType<Hit['paper']>>[] = new Array(hits.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < hits.length) {
      const i = next++;
      docs[i] = await hits[i]!.paper();
      progress(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, hits.length) }, worker));
  return docs.map((doc) => citeRecord(doc));
}

export type SearchExport = { show: (hits: readonly Hit[], words: string) => void; hide: () => void };

/** The export's buttons under `box` (#search-export), or null when the page has none. */
export function searchExport(box: HTMLElement | null): SearchExport | null {
  const what = box?.querySelector<HTMLElement>('.export-what');
  const note = box?.querySelector<HTMLElement>('.export-note');
  if (!box || !what || !note) return null;
  const buttons = [...box.querySelectorAll<HTMLButtonElement>('button[data-format]')];
  let hits: readonly Hit[] = [];
  let words = '';
  /** A file being made: another click waits for it (the buttons stay focusable, not disabled). */
  let busy = false;
  const say = (text: string): void => {
    note.textContent = text;
  };

  for (const button of buttons) {
    button.addEventListener('click', async () => {
      if (busy) return;
      busy = true;
      const format = button.dataset['format'] as CiteFormat;
      const mine = hits;
      say(`Preparing ${plural(mine.length, 'citation')}…`);
      try {
        const { citeRecord, formatCitations } = await import('../lib/cite-formats.ts');
        const list = await records(
          mine,
          (n) => {
            if (n % 50 === 0) say(`Preparing ${n} of ${mine.length}…`);
          },
          citeRecord,
        );
        const blob = new Blob([formatCitations(format, list)], { type: button.dataset['type'] ?? 'text/plain' });
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = exportName(words, button.dataset['extension'] ?? '.txt');
        document.body.append(a);
        a.click();
        a.remove();
        // Revoked later, not at once: the download may still be reading it.
        setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
        say(`${button.dataset['label']} file of ${plural(list.length, 'paper')} made.`);
      } catch {
        say('The citations could not be made: the search index did not answer. Try again.');
      } finally {
        busy = false;
      }
    });
  }

  return {
    show(found, searched) {
      hits = found;
      words = searched;
      const these = found.length === 1 ? 'this paper' : `these ${plural(found.length, 'paper')}`;
      what.textContent = `Cite ${these}:`;
      for (const hidden of box.querySelectorAll('.export-these')) hidden.textContent = ` file of ${these}`;
      say('');
      box.hidden = false;
    },
    hide() {
      box.hidden = true;
      hits = [];
    },
  };
}
