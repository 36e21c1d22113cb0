// A result's excerpt: the stretch of its summary and abstract where the words searched for are
// thickest, about two lines long, with those words marked. Made from the paper's own text
// (site/lib/search-index-build.ts PaperDoc.body) in the page and in the terminal alike. Pure:
// the text comes out escaped, with <mark> around matches, and nothing else is HTML.
import { stemOf, wordsOf } from './search-text.ts';

/** Words of context in an excerpt: about two lines of a result. */
export const EXCERPT_WORDS = 28;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The excerpt of `body` for the stems searched for: escaped text, matches in <mark>. */
export function excerptHtml(body: string, stems: ReadonlySet<string>, length = EXCERPT_WORDS): string {
  const tokens = body.split(/\s+/).filter(Boolean);
  const hit = tokens.map((t) => wordsOf(t).some((w) => stems.has(stemOf(w))));
  // The window with most matches; the first such, so that an excerpt begins as early as it can.
  let best = 0;
  let bestHits = -1;
  let hits = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (hit[i]) hits += 1;
    if (i >= length && hit[i - length]) hits -= 1;
    const start = Math.max(0, i - length + 1);
    if (hits > bestHits) {
      bestHits = hits;
      best = start;
    }
  }
  const window = tokens.slice(best, best + length);
  const text = window.map((t, k) => (hit[best + k] ? `<mark>${escapeHtml(t)}</mark>` : escapeHtml(t))).join(' ');
  return `${best > 0 ? '… ' : ''}${text}${best + length < tokens.length ? ' …' : ''}`;
}
