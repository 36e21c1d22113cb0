// The archive site. Where it reads from and publishes to comes from the environment
// (site/lib/options.ts): PAPERS_CONTENT, PAPERS_SITE_URL, PAPERS_BASE.
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { incrementalBuild } from './site/integrations/incremental-build.ts';
import { searchBuiltFrom } from './site/integrations/search-built-from.ts';
import { searchIndex } from './site/integrations/search-index.ts';
import { siteOptions } from './site/lib/options.ts';

const options = siteOptions();

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  // Astro's build cache: a copy of every page built and the manifest of what each was built
  // from (the incremental build, below), so that the next build renders only the pages that
  // changed; and the search index while it is written (site/integrations/search-index.ts).
  // Outside node_modules/, because `npm ci` deletes node_modules/ first: the workflows keep this
  // folder between runs with actions/cache (scripts/ci/astro-cache-key.sh). Ignored by git, as
  // all of .cache/ is.
  cacheDir: './.cache/astro',
  site: options.siteUrl,
  base: options.base,
  trailingSlash: 'ignore',
  build: {
    format: 'directory',
    // One stylesheet for every page, cached once, rather than a copy inlined in 12,000 pages.
    inlineStylesheets: 'never',
    // Pages are rendered a few at a time, so that one page's rendering overlaps another's file
    // writes: on the full archive the pages take about a fifth less time (bench/RESULTS.md).
    // Every page is independent of the order they are written in; the sitemap sorts its own.
    concurrency: 4,
  },
  devToolbar: { enabled: false },
  experimental: {
    // Pages whose code and data are unchanged are copied from the last build's cache in
    // cacheDir instead of rendered (site/integrations/incremental-build.ts gives each page its key).
    incrementalBuild: true,
  },
  vite: {
    // The theme toggle's script as one cached file, not a copy inlined in every page.
    build: { assetsInlineLimit: 0 },
  },
  integrations: [incrementalBuild(), sitemap(), searchIndex(), searchBuiltFrom()],
});
