// The page keys of the feed files under /feeds/ (data/page-keys.ts says what a key is): each
// file's key is a digest of its feed as built (its title, its page and every item's text and
// date), so a night re-renders exactly the feeds whose content changed. The feed is built here
// at the root path and a placeholder origin: the site's address and base path are Astro's
// configuration, which Astro compares itself. Pure: the archive index in, keys added.
import { createHash } from 'node:crypto';
import type { HistoryEntry } from '../../scraper/archive/index.ts';
import type { ArchiveIndex } from '../lib/archive-index.ts';
import { buildFeeds } from '../lib/feed-list.ts';
import { sitePaths } from '../lib/paths.ts';

/** Bumped when what a key covers changes in a way the code's digest cannot see. */
const KEY_VERSION = 1;

export function feedPageKeys(
  index: ArchiveIndex,
  histories: ReadonlyMap<string, readonly HistoryEntry[]>,
  keys: Map<string, string>,
): void {
  for (const feed of buildFeeds(index, histories, sitePaths('/'), 'https://origin.invalid')) {
    const digest = createHash('sha256')
      .update(`${KEY_VERSION}\n${JSON.stringify(feed)}`)
      .digest('base64url');
    for (const file of [feed.rss, feed.json]) {
      if (file.startsWith('/feeds/')) keys.set(file, `${file.endsWith('.json') ? 'json' : 'rss'} ${digest}`);
    }
  }
}
