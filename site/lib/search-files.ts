// Where the build writes the files the search reads, relative to the site's base:
// site/integrations/search-index.ts writes them, site/client/ (and `papers search`) reads them.
// All are data, under search/: a packed copy hands them to its pages from data scripts
// (scraper/offline/pack/), and the terminal reads them from disk.
//
// The index's files sit in folders named after their contents (the manifest names them): a page
// holding a manifest from before a deploy asks for files that are no longer there, and so knows
// to read the manifest again, instead of mixing two builds' files.
export const SEARCH_FILES = {
  /** The index's manifest (site/lib/search-index-format.ts): its shards, and the build it is of. */
  manifest: 'search/index.json',
  /** A shard of a part of the index, gzipped, in the part's folder. */
  shard: (part: string, n: number) => `search/${part}/index/${n}.bin`,
  /** What a result shows of the paper at place `i` in the table's order (search-index-build.ts PaperDoc), in its part's folder. */
  paper: (part: string, i: number) => `search/${part}/papers/${i}.json`,
  /** The paper table (site/lib/search-table.ts), gzipped: read by every search with the manifest. */
  table: (build: string) => `search/${build}/papers.bin`,
  /** The organization list (site/lib/search-organizations.ts), which the table numbers papers by. */
  organizations: (build: string) => `search/${build}/organizations.json`,
  /** The organizations and common keywords, for the fields' suggestions, fetched when one is used. */
  suggestions: 'search/suggestions.json',
  /** The archive's common words, one a line (site/lib/search-vocabulary.ts): fetched when a search finds nothing. */
  words: 'search/words.txt',
} as const;
