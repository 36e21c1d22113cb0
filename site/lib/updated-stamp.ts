// The footer's "Updated …" element (or, for an archive never checked against Hugging Face and in a
// packed copy, "Snapshot of the archive as of …"), written by the page (components/Updated.astro) and stamped
// again into every page after the build (integrations/restamp.ts). It is always the same number
// of bytes, padded with spaces (which HTML shows as nothing), so that the restamp overwrites it in
// place near the end of each file instead of reading and writing 13,000 whole pages: in a
// nightly build, 4 s of the pages' 300 MB read and written become a few kilobytes per page.
import { SNAPSHOT_LABEL } from '../../scraper/archive/index.ts';
import { htmlText } from './feeds.ts';
import { formatDate, formatTime } from './format.ts';

/** Bytes of the element: room for any time the ledger writes, and its form for people. */
export const STAMP_BYTES = 160;

/** The element, in any page's footer. */
export const STAMP = /<p class="updated">[\s\S]*?<\/p>/;

function padded(element: string): string {
  const bytes = new TextEncoder().encode(element).length + '</p>'.length;
  return `${element}${' '.repeat(Math.max(0, STAMP_BYTES - bytes))}</p>`;
}

/** The element for a time (ISO 8601, as the ledger writes it), padded to STAMP_BYTES. */
export function updatedStamp(updatedAt: string): string {
  return padded(
    `<p class="updated">Updated <time datetime="${htmlText(updatedAt)}">${htmlText(formatTime(updatedAt))}</time>`,
  );
}

/** The element of an archive that was never checked against Hugging Face: as of its newest day. */
export function snapshotStamp(newestDay: string): string {
  return padded(
    `<p class="updated">${SNAPSHOT_LABEL} <time datetime="${htmlText(newestDay)}">${htmlText(formatDate(newestDay, { utc: true }))}</time>`,
  );
}
