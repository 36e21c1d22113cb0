// Files of a built site that the site's build writes and the `papers` command reads: named once
// here, the one module both may import (the site through the archive's public entry).

/** The search page's engine as one module, which `papers search` runs in Node. */
export const SEARCH_ENGINE_FILE = 'search/engine.mjs';
/** Which archive the search index was built from (fingerprint.ts), for `papers search` to compare. */
export const SEARCH_BUILT_FROM_FILE = 'search/archive.json';
