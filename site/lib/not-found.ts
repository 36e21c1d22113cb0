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
