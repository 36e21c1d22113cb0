import { readPapers, writeSearchFiles } from './site/integrations/search-index.ts';
import { buildIndex } from './site/lib/search-index-build.ts';
const papers = await readPapers('/work/full/content');
let t = performance.now();
buildIndex(papers);
console.log('buildIndex', ((performance.now() - t) / 1000).toFixed(2));
t = performance.now();
await writeSearchFiles('/tmp/sib-out', papers);
console.log('build+write', ((performance.now() - t) / 1000).toFixed(2));
