// One `astro build` of the site, as the benchmarks run it: Astro's own build() (what the
// `astro build` command calls) with the output and cache folders given, so that a benchmark
// never touches the repository's dist/ or .cache/astro/, and the nightly's "cache kept between
// runs" is a folder the benchmark owns. The archive comes from $PAPERS_CONTENT, as for any build.
//
//   node scripts/bench/astro-build.ts --out DIR --cache DIR [--force]
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { REPO_ROOT } from '../../scraper/repo.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    cache: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});
if (!values.out || !values.cache) {
  process.stderr.write('usage: astro-build.ts --out DIR --cache DIR [--force]\n');
  process.exit(2);
}
await build({ root: REPO_ROOT, outDir: values.out, cacheDir: values.cache, force: values.force, logLevel: 'info' });
