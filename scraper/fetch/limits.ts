// Bounds on what one answer from the site may hold. A broken or hostile answer (a page of
// 200 MB, a gzip bomb, a redirect chain that never ends, a listing of a million papers) must fail
// its day with a reason, never take the process down or run forever.
import { LIMITS } from '../archive/schema.ts';

/**
 * The most bytes one answer may hold once decoded (gzip and the like undone): real listing
 * pages are 220–450 KB, so this leaves room for any real page and none for a runaway one.
 */
export const DEFAULT_MAX_PAGE_BYTES = 20_000_000;

/** Canonical redirects followed for one request (http→https, then apex→www, is two). */
export const MAX_REDIRECTS = 5;

/**
 * The most papers a listing can plausibly hold (real days run from 1 to 82): the archive's own
 * bound, so a listing the schema would refuse fails as implausible when it is fetched.
 */
export const MAX_LISTING_PAPERS = LIMITS.papers;

/** "20 MB": a byte count as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Number((bytes / 1_000_000).toFixed(1))} MB`;
  if (bytes >= 1_000) return `${Number((bytes / 1_000).toFixed(1))} KB`;
  return `${bytes} bytes`;
}
