// Where the build writes the files the search page fetches besides Pagefind's own, relative to
// the site's base: site/integrations/pagefind.ts writes them, site/client/ reads them.
export const SEARCH_FILES = {
  /** The paper table (site/lib/search-table.ts), gzipped: fetched for a sort or a date/code filter. */
  table: 'search/papers.bin',
  /** Organization and keyword names for the fields' suggestions, fetched when a field is used. */
  suggestions: 'search/suggestions.json',
  /** The archive's common words, one a line (site/lib/search-vocabulary.ts): fetched when a search finds nothing. */
  words: 'search/words.txt',
} as const;
