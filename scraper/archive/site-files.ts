// Files of a built site that the site's build writes and the `papers` command reads: named once
// here, the one module both may import (the site through the archive's public entry).

/** Which archive the search index was built from (fingerprint.ts), for `papers search` to compare. */
export const SEARCH_BUILT_FROM_FILE = 'search/archive.json';
/**
 * What a packed copy's footer, and that of an archive never checked against Hugging Face, says
 * instead of "Updated": the site writes it (site/lib/updated-stamp.ts), the pack rewrites to it.
 */
export const SNAPSHOT_LABEL = 'Snapshot of the archive as of';
