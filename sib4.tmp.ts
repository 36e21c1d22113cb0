import { readPapers, writeSearchFiles } from './site/integrations/search-index.ts';
const papers = await readPapers('/work/full/content');
const t = performance.now();
await writeSearchFiles('/tmp/sib-out', papers);
console.log('build+write', ((performance.now() - t) / 1000).toFixed(2));
