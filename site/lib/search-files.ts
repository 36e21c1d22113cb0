// Where the build writes the files the search reads, relative to the site's base:
// site/integrations/search-index.ts writes them, site/client/ (and `papers search`) reads them.
// All are data, under search/: a packed copy hands them to its pages from data scripts
// (scraper/offline/pack/), and the terminal reads them from disk.
//
// The index's files sit in a folder named after the build that wrote them (the manifest names
// it): a page holding a manifest from before a deploy asks for files that are no longer there,
// and so knows to read the manifest again, instead of mixing two builds' files.
export const SEARCH_FILES = {
  /** The index's manifest (site/lib/search-index-format.ts): its shards, and the build it is of. */
  manifest: 'search/index.json',
  /** A shard of the index, gzipped. */
  shard: (build: string, n: number) => `search/${build}/index/${n}.bin`,
  /** What a result shows of the paper at place `i` in the table's order (search-index-build.ts PaperDoc). */
  paper: (build: string, i: number) => `search/${build}/papers/${i}.json`,
  /** The paper table (site/lib/search-table.ts), gzipped: read by every search with the manifest. */
  table: (build: string) => `search/${build}/papers.bin`,
  /** The organization list (site/lib/search-organizations.ts), which the table numbers papers by. */
  organizations: (build: string) => `search/${build}/organizations.json`,
  /** The organizations and common keywords, for the fields' suggestions, fetched when one is used. */
  suggestions: 'search/suggestions.json',
  /** The archive's common words, one a line (site/lib/search-vocabulary.ts): fetched when a search finds nothing. */
  words: 'search/words.txt',
} as const;
