// The page keys of the feed files under /feeds/ (data/page-keys.ts says what a key is): each
// file's key is a digest of its feed as built (its title, its page and every item's text and
// date), so a night re-renders exactly the feeds whose content changed. Built with the site's
// base path and origin (lib/options.ts, as Astro's configuration has them), the very feeds the
// pages then render (lib/feed-list.ts feedsOf): built once a build.
import { createHash } from 'node:crypto';
import type { HistoryEntry } from '../../scraper/archive/index.ts';
import type { ArchiveIndex } from '../lib/archive-index.ts';
import { feedsOf } from '../lib/feed-list.ts';
import { siteOptions } from '../lib/options.ts';
import { sitePaths } from '../lib/paths.ts';

/** Bumped when what a key covers changes in a way the code's digest cannot see. */
const KEY_VERSION = 1;

export function feedPageKeys(
  index: ArchiveIndex,
  histories: ReadonlyMap<string, readonly HistoryEntry[]>,
  keys: Map<string, string>,
): void {
  const { base, siteUrl } = siteOptions();
  const paths = sitePaths(base);
  for (const feed of feedsOf(index, histories, paths, new URL(siteUrl).origin)) {
    const digest = createHash('sha256')
      .update(`${KEY_VERSION}\n${JSON.stringify(feed)}`)
      .digest('base64url');
    for (const file of [feed.rss, feed.json]) {
      // Keyed by path without the base, as every key (page-keys.ts normalizePathname).
      const path = `/${file.slice(paths.base.length)}`;
      if (path.startsWith('/feeds/')) keys.set(path, `${file.endsWith('.json') ? 'json' : 'rss'} ${digest}`);
    }
  }
}
