// Is the built site's search index as new as the archive beside it? The build records which
// archive it was built from (site/integrations/search-engine.ts writes search/archive.json with
// the archive's digest, scraper/archive/fingerprint.ts); `papers search` compares that with the
// content folder before answering, so that nobody reads results from an index days behind the
// archive without being told how to bring it up to date.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { type ArchiveDigest, archiveDigest, SEARCH_BUILT_FROM_FILE } from '../../archive/index.ts';
import { InputError } from '../../errors.ts';
import type { BuiltSite } from '../built-site.ts';

const REBUILD = 'rebuild it with `npm run build`';

function describe(d: ArchiveDigest): string {
  return `${d.days} day${d.days === 1 ? '' : 's'}${d.newest ? `, the newest ${d.newest}` : ''}`;
}

/**
 * Throws when the index was built from another state of the archive in `contentDir`. A content
 * folder that is not there is only an error when it was asked for (`required`): a built site
 * copied away from its archive is searched as it is.
 */
export async function checkIndexAge(site: BuiltSite, contentDir: string, required: boolean): Promise<void> {
  const held = await fs.stat(contentDir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!held) {
    if (required) throw new InputError(`${contentDir}: no such archive folder`);
    return;
  }
  let built: ArchiveDigest;
  try {
    built = JSON.parse(await fs.readFile(path.join(site.root, SEARCH_BUILT_FROM_FILE), 'utf8')) as ArchiveDigest;
  } catch {
    throw new InputError(`${site.root} does not say which archive its search index was built from: ${REBUILD}`);
  }
  const now = await archiveDigest(contentDir);
  if (now.digest !== built.digest) {
    throw new InputError(
      `${site.root}: the search index is older than the archive (built from ${describe(built)}; ` +
        `${contentDir} holds ${describe(now)}): ${REBUILD}`,
    );
  }
}
