// The search page's engine and the reading of its URL, as `papers search` runs them in Node
// (scraper/offline/search/site-search.ts imports this file from the repository: the terminal
// never runs code a built site carries, which may come from anywhere). Nothing here touches the
// page.
import { FILTERS } from '../lib/search-request.ts';

export { INDEX_FORMAT } from '../lib/search-index-format.ts';
export { rangeDay, readRequest } from '../lib/search-request.ts';
export { runSearch } from './search-engine.ts';

/** The filters by the names the search page's URL gives them: the author, then the rest. */
export const FILTER_KEYS: readonly string[] = ['author', ...FILTERS];
