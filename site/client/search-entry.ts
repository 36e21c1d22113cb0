// What the built site's search/engine.mjs exports (site/integrations/search-engine.ts bundles
// this file): the search page's own engine and the reading of its URL, for `papers search` to
// run in Node. Nothing here touches the page.
import { FILTERS } from '../lib/search-request.ts';

export { readRequest } from '../lib/search-request.ts';
export { runSearch } from './search-engine.ts';

/** The filters by the names the search page's URL gives them: the author, then the rest. */
export const FILTER_KEYS: readonly string[] = ['author', ...FILTERS];
