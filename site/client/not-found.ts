// The 404 page's helper, and the only script there: a static page cannot know the address it was
// served for, so this reads it, and when it holds an arXiv id it offers that paper on arXiv and on
// Hugging Face, and our page of it when the archive has one (asked of our own site, nothing
// else). Hugging Face's own form of a paper's address (/papers/<id>v2) goes on to our page of it,
// as their day, week and month addresses do (pages/papers/date|week|month). Everything shown is built as DOM text
// from an id the pattern in lib/not-found.ts has already checked; nothing is parsed as HTML
// into the page. Without JavaScript the page still offers search and the newest day.
import { arxivRefInPath, isHuggingFacePaperPath } from '../lib/not-found.ts';

const box = document.querySelector<HTMLElement>('[data-not-found]');
const ref = arxivRefInPath(location.pathname);

function item(label: string, href: string, text: string): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  li.append(`${label}: `, a);
  return li;
}

async function ourTitle(url: string): Promise<string | null> {
  try {
    const response = await fetch(url);
    if (!response.ok) return null;
    // An inert document: no script runs and nothing loads; only the heading's text is read.
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    return doc.querySelector('h1')?.textContent?.trim() || url;
  } catch {
    return null;
  }
}

if (box && ref) {
  const base = box.dataset['base'] ?? '/';
  const lead = box.querySelector('[data-not-found-lead]');
  const list = box.querySelector('ul');
  if (lead && list) {
    lead.textContent = `This address names arXiv paper ${ref.id}${ref.version ? ` (version ${ref.version.slice(1)})` : ''}.`;
    list.append(
      item(
        'On arXiv',
        `https://arxiv.org/abs/${ref.id}${ref.version ?? ''}`,
        `arxiv.org/abs/${ref.id}${ref.version ?? ''}`,
      ),
      item('On Hugging Face', `https://huggingface.co/papers/${ref.id}`, `huggingface.co/papers/${ref.id}`),
    );
    box.hidden = false;
    const ours = `${base}papers/${ref.id}/`;
    void ourTitle(ours).then((title) => {
      if (title && isHuggingFacePaperPath(location.pathname, base)) {
        location.replace(ours);
        return;
      }
      const li = title ? item('In this archive', ours, title) : document.createElement('li');
      if (!title) li.textContent = 'This archive does not have it (Hugging Face may not have featured it).';
      li.className = 'ours';
      list.prepend(li);
    });
  }
}
