// What a reader typed into the search box, read the way a researcher means it: an arXiv id or a
// link to a paper (arXiv abstract, PDF or HTML page, Hugging Face paper page, this archive's own
// paper page) names one paper and is looked up exactly; two to five words that could be a
// person's name are also looked up as a name; anything else is words. Pure: the search page
// (site/client/search.ts) and the unit tests import it.

/** A new-style arXiv id ("2608.05987"), as the archive keeps it: without its version. */
const ID = String.raw`(\d{2})(\d{2})\.(\d{4,5})`;
const BARE_ID = new RegExp(String.raw`^(?:arxiv:\s*)?${ID}(?:v\d+)?$`, 'i');
/** Paths of a paper on arXiv (/abs, /pdf, /html), Hugging Face and this archive (/papers). */
const PAPER_PATH = new RegExp(String.raw`/(?:abs|pdf|html|papers)/${ID}(?:v\d+)?(?:\.pdf)?(?:/[^?#]*)?$`, 'i');
/** Hosts written without a scheme that are still links: "arxiv.org/abs/…", "hf.co/papers/…". */
const SCHEMELESS_HOST = /^(?:www\.|export\.)?(?:arxiv\.org|huggingface\.co|hf\.co)\//i;

function validId(yy: string, mm: string, number: string): string | null {
  const month = Number(mm);
  if (month < 1 || month > 12) return null;
  // Five-digit numbers began in January 2015 (1501); before, four.
  if (number.length === 5 && Number(yy) < 15) return null;
  return `${yy}${mm}.${number}`;
}

/** The arXiv id a query names, if the whole query is an id or a link to a paper; else null. */
export function arxivIdOf(query: string): string | null {
  const text = query.trim();
  const bare = BARE_ID.exec(text);
  if (bare) return validId(bare[1]!, bare[2]!, bare[3]!);
  if (/\s/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(SCHEMELESS_HOST.test(text) ? `https://${text}` : text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const path = PAPER_PATH.exec(url.pathname);
  return path ? validId(path[1]!, path[2]!, path[3]!) : null;
}

/**
 * Whether a query could be a person's name: two to five words of letters (with the hyphens,
 * apostrophes and initials' dots names have), no digits. "Zi-Han Wang" and "diffusion models"
 * both could; the name lookup that follows costs little and finds nothing for the second.
 */
export function couldBeName(query: string): boolean {
  const words = query.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  return words.every((w) => /^\p{L}[\p{L}\p{M}'’.-]*$/u.test(w)) && query.replace(/[^\p{L}]/gu, '').length >= 4;
}

export type QueryKind =
  /** One paper, by its arXiv id: looked up exactly, filters aside. */
  | { kind: 'paper'; id: string }
  /**
   * Words; `name` when they could also be an author's name, `title` when they could be a
   * title (two words or more).
   */
  | { kind: 'words'; words: string; name: boolean; title: boolean }
  /** No words: the filters and the sort alone list papers. */
  | { kind: 'none' };

export function queryKind(query: string): QueryKind {
  const words = query.trim().replace(/\s+/g, ' ');
  if (words === '') return { kind: 'none' };
  const id = arxivIdOf(words);
  if (id) return { kind: 'paper', id };
  return { kind: 'words', words, name: couldBeName(words), title: words.includes(' ') };
}
