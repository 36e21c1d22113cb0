// What the 404 page can tell from the address it was served for: an arXiv identifier in it
// (Hugging Face's /papers/2608.05987v2, an arXiv URL pasted after our address…), so the page can
// offer that paper on arXiv, on Hugging Face, and here. Shared by the page's small script
// (client/not-found.ts); it imports nothing. Pure.

export type ArxivRef = { id: string; version: string | null };

/** A new-style arXiv id (YYMM.NNNN or YYMM.NNNNN, months 01–12), optionally with its version. */
const ARXIV_IN_PATH = /(?:^|[^\d.])(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(v\d{1,3})?(?!\d)/;

export function arxivRefInPath(pathname: string): ArxivRef | null {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // A malformed escape: read the address as it came.
  }
  const m = ARXIV_IN_PATH.exec(path);
  return m ? { id: m[1]!, version: m[2] ?? null } : null;
}

/** Hugging Face's address of a paper, `papers/<id>` with or without a version, under the base. */
const HF_PAPER_PATH = /^papers\/\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}(?:v\d{1,3})?\/?$/;

/**
 * Whether the address is Hugging Face's own form of a paper's address (`/papers/2608.05987v2`)
 * under the site's base: there the 404 page takes the reader on to our page of that paper, as
 * Hugging Face's day, week and month addresses are taken to ours. Any other address holding an
 * id (an arXiv URL pasted after ours) only offers the links.
 */
export function isHuggingFacePaperPath(pathname: string, base: string): boolean {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  return path.startsWith(base) && HF_PAPER_PATH.test(path.slice(base.length));
}
