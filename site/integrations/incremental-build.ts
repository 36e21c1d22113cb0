// Incremental builds: a page whose code and data did not change since the last build is copied
// from that build instead of being rendered again. Astro does the work (experimental
// `incrementalBuild`, turned on in astro.config.mjs): it keeps a copy of every page it renders,
// with a manifest, in its cacheDir (.cache/astro/, which the nightly workflow keeps), and skips a
// page when the site's configuration, the lockfile, every module the page's code is built from
// (components, CSS, scripts, the data modules) and the page's `cacheKey` are all as before. The
// key is what this integration adds: Astro takes it from each route's getStaticPaths(), and
// here it comes from one place instead, the digest of the archive data each page shows
// (data/page-keys.ts), set on every path Astro is about to generate. A path with no key (the
// home page, the archive calendar, search, the feeds: pages that read the whole archive) is
// rendered every time. The pages it is about to skip are first linked into place from its cache
// (carry-over.ts), so that it finds them there instead of copying each. A build with no usable
// cache (or `astro build --force`) renders every page, and leaves a cache for the next.
// Equivalence with a full build is what tests/e2e/site/incremental.test.ts proves, byte for byte.

import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { clearPublishedPageKeys, normalizePathname, publishedPageKeys } from '../data/page-keys.ts';
import { carryOver } from './carry-over.ts';
import { restampSite } from './restamp.ts';

/** Where Astro builds and keeps its cache: the pages to be carried over are linked from one to the other. */
export type BuildDirs = { outDir: string; cacheDir: string };

/**
 * Sets each path's cacheKey from the keys the site's bundle published while it listed them, and
 * with `dirs`, puts the pages the last build left unchanged in place (carry-over.ts).
 */
export function keyedPrerenderer(defaults: AstroPrerenderer, dirs?: BuildDirs): AstroPrerenderer {
  return {
    name: 'papers-incremental',
    // Methods, not a spread: Astro's own prerenderer keeps its state on itself.
    setup: () => defaults.setup?.() ?? Promise.resolve(),
    getStaticPaths: async () => {
      const paths = await defaults.getStaticPaths();
      // Listing the paths ran the routes' getStaticPaths, which loaded the archive.
      const keys = publishedPageKeys();
      if (!keys) return paths;
      const keyed = paths.map((p) => {
        const cacheKey = p.route.params.length > 0 ? keys.get(normalizePathname(p.pathname)) : undefined;
        return cacheKey === undefined ? p : { ...p, cacheKey };
      });
      if (dirs) {
        const planned = keyed.map((p) => ({
          component: p.route.component,
          pathname: p.pathname,
          cacheKey: p.cacheKey,
        }));
        carryOver(dirs.cacheDir, dirs.outDir, planned);
      }
      return keyed;
    },
    render: (request, options) => defaults.render(request, options),
    teardown: () => defaults.teardown?.() ?? Promise.resolve(),
    ...(defaults.collectStaticImages ? { collectStaticImages: () => defaults.collectStaticImages!() } : {}),
  };
}

export function incrementalBuild(): AstroIntegration {
  let dirs: BuildDirs | undefined;
  return {
    name: 'papers-incremental-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        dirs = { outDir: fileURLToPath(config.outDir), cacheDir: fileURLToPath(config.cacheDir) };
      },
      'astro:build:start': ({ setPrerenderer }) => {
        // A process that builds twice (the tests) must not key a build with the last one's data.
        clearPublishedPageKeys();
        setPrerenderer((defaults) => keyedPrerenderer(defaults, dirs));
      },
      // Pages carried over show the last build's "Updated": every page gets this build's.
      'astro:build:done': async ({ dir, logger }) => {
        const changed = await restampSite(fileURLToPath(dir));
        if (changed > 0) logger.info(`footer stamped with this build's update time on ${changed} pages`);
      },
    },
  };
}
