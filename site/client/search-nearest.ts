// The nearest terms a search that found nothing offers: for each typed word the archive does not
// have, its closest words (site/lib/search-vocabulary.ts), from the word list the build writes.
// Fetched only then, once per page: a search that finds papers never pays for it.
import { SEARCH_FILES } from '../lib/search-files.ts';
import { plainWords } from '../lib/search-text.ts';
import { nearestWords } from '../lib/search-vocabulary.ts';

let words: Promise<string[]> | null = null;

function loadWords(base: string): Promise<string[]> {
  words ??= fetch(`${base}${SEARCH_FILES.words}`)
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((text) => text.split('\n').filter(Boolean));
  words.catch(() => {
    words = null;
  });
  return words;
}

/** Each query with one typed word replaced by one of its nearest words; none when every word is known. */
export async function nearestQueries(base: string, query: string): Promise<{ word: string; q: string }[]> {
  const typed = plainWords(query);
  if (typed.length === 0 || typed.length > 8) return [];
  let list: string[];
  try {
    list = await loadWords(base);
  } catch {
    return []; // a help: without it, the other next steps remain
  }
  const out: { word: string; q: string }[] = [];
  typed.forEach((t, i) => {
    for (const word of nearestWords(t, list))
      out.push({ word, q: typed.map((w, j) => (j === i ? word : w)).join(' ') });
  });
  return out.slice(0, 6);
}
