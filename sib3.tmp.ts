import { readPapers } from './site/integrations/search-index.ts';
import { buildIndex } from './site/lib/search-index-build.ts';
const papers = await readPapers('/work/full/content');
const t = performance.now();
buildIndex(papers);
console.log('buildIndex', ((performance.now() - t) / 1000).toFixed(2));
